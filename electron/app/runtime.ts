import type { AxiosAdapter } from 'axios';
import type { INetworkModule } from '@azure/msal-node';

import { DEFAULT_PORT, type Config } from '../../shared/config';
import { HISTORY_LIMIT, type HistoryEntry } from '../../shared/history';
import type { ListenerStatus } from '../../shared/ipc';
import type { MenuForm } from '../tray/menu';
import type { PopResult } from '../../shared/result';
import { createToolbox, type RawPopQuery, type Toolbox } from '../core/app';
import { loadConfig } from '../core/config/load';
import { createHistoryStore, type HistoryStore } from '../core/history/store';
import { startListener, type ListenerHandle } from '../core/listener';
import { createLogger, type Logger } from '../core/log';
import type { SecretStore } from '../core/secrets/names';
import { requireSecret } from '../core/secrets/require-secret';
import type { LinkOpener } from '../shell/link-opener';
import { createPopStatusTracker } from './pop-status';
import { rejectUnopenedLink, reopenQuery } from './pop-queries';
import { describeSetupProblem, describeStartFailure } from './start-errors';

export interface RuntimeOptions {
  paths: { config: string; history: string };
  version: string;
  secrets: SecretStore;
  /** Port from the `--port` launch option, which takes the place of listener.port. */
  listenerPort?: number;
  /** Transports built on Electron's net.fetch; absent under plain Node. */
  network?: { adapter?: AxiosAdapter; networkClient?: INetworkModule };
  openLink: LinkOpener;
  log?: Logger;
  /** Replaces the history store, for tests. */
  history?: HistoryStore;
}

/** The running core as the tray, the windows and IPC see it. Built without Electron. */
export interface Runtime {
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): ListenerStatus;
  /** The config in use, or undefined while the app needs setup. */
  config(): Config | undefined;
  needsSetup(): boolean;
  paused(): boolean;
  pause(): Promise<ListenerStatus>;
  resume(): Promise<ListenerStatus>;
  /** Switches to a config that was just saved, restarting the listener. */
  applyConfig(config: Config): Promise<void>;
  /** Rebuilds the PSA and Graph clients after a secret changed, and starts a stopped listener. */
  reloadSecrets(): Promise<void>;
  history(): HistoryEntry[];
  forms(): MenuForm[];
  /** Resolves a history entry's pop again for `formName`, opens the link and records it. */
  reopen(historyId: string, formName: string): Promise<PopResult>;
  /** Resolves a pop without opening or recording anything. */
  testPop(query: RawPopQuery): Promise<PopResult>;
  /** Calls `listener` after any change of status, config or history. Returns the unsubscriber. */
  onChange(listener: () => void): () => void;
  /** Calls `listener` with each recorded pop, for notifications. */
  onPop(listener: (entry: HistoryEntry) => void): () => void;
}

/**
 * Creates the runtime: loads the saved config, builds the core, runs the listener and keeps the
 * history. A missing or invalid config, or a port in use, leaves the listener stopped with the
 * reason in its status instead of throwing.
 */
export function createRuntime(options: RuntimeOptions): Runtime {
  const log = options.log ?? createLogger('runtime');
  const historyStore = options.history ?? createHistoryStore(options.paths.history);
  const tracker = createPopStatusTracker();
  const changeListeners = new Set<() => void>();
  const popListeners = new Set<(entry: HistoryEntry) => void>();
  let config: Config | undefined;
  let toolbox: Toolbox | undefined;
  let setupProblem: string | undefined = 'the config has not been loaded yet';
  let listener: ListenerHandle | undefined;
  let stopReason: string | undefined;
  let isPaused = false;
  let entries: HistoryEntry[] = [];
  // Every step that starts or stops the listener runs after the previous one has finished, so
  // a pause sent while a resume is still starting the listener closes that listener.
  let listenerSteps: Promise<unknown> = Promise.resolve();

  const emitChange = () => changeListeners.forEach((notify) => notify());

  function buildToolbox(next: Config): void {
    try {
      toolbox = createToolbox({ config: next, secrets: options.secrets, ...options.network });
      config = next;
      setupProblem = undefined;
    } catch (error) {
      toolbox = undefined;
      setupProblem = describeSetupProblem(error);
      log.warn(`The config cannot be used: ${setupProblem}`);
    }
  }

  async function resolveTracked(query: RawPopQuery, signal?: AbortSignal): Promise<PopResult> {
    if (!toolbox) throw new Error(`Technician Toolbox needs setup: ${setupProblem}`);
    tracker.begin();
    emitChange();
    try {
      return await toolbox.resolvePop(query, signal);
    } finally {
      tracker.end();
      emitChange();
    }
  }

  async function record(result: PopResult): Promise<void> {
    tracker.record(result);
    try {
      const entry = await historyStore.add(result);
      entries = await historyStore.list();
      popListeners.forEach((notify) => notify(entry));
    } catch (error) {
      log.error('Recording the screen pop in the history failed:', error);
    }
    emitChange();
  }

  function serialise<T>(step: () => Promise<T>): Promise<T> {
    const result = listenerSteps.then(step);
    listenerSteps = result.catch(() => undefined);
    return result;
  }

  const portOf = (current: Config) => options.listenerPort ?? current.listener.port;

  async function startListening(): Promise<void> {
    if (!config || !toolbox || isPaused || listener) return;
    const current = config;
    const port = portOf(current);
    try {
      if (current.listener.requireApiKey) await requireSecret(options.secrets, 'listener.apiKey');
      listener = await startListener({
        port,
        version: options.version,
        rewstBaseUrl: current.rewst.baseUrl,
        popMode: current.listener.popMode,
        requireApiKey: current.listener.requireApiKey,
        getApiKey: () => options.secrets.get('listener.apiKey'),
        resolvePop: resolveTracked,
        openExternal: async (url) => {
          const outcome = await options.openLink(url);
          if (!outcome.opened)
            throw new Error(`The form link was not opened because ${outcome.reason}.`);
        },
        onResult: record,
      });
      stopReason = undefined;
    } catch (error) {
      const portSource = options.listenerPort === undefined ? 'config' : 'option';
      stopReason = describeStartFailure(error, port, options.paths.config, portSource);
      log.error(`The listener did not start: ${stopReason}`);
    }
    emitChange();
  }

  function status(): ListenerStatus {
    const port = config ? portOf(config) : (options.listenerPort ?? DEFAULT_PORT);
    if (setupProblem) return { state: 'stopped', port, message: `needs setup: ${setupProblem}` };
    if (isPaused) {
      return {
        state: 'stopped',
        port,
        message: 'paused; choose Resume listener to receive screen pops',
      };
    }
    if (!listener) return { state: 'stopped', port, message: stopReason ?? 'not started yet' };
    return tracker.statusOf(listener.url, listener.port);
  }

  async function stopListening(): Promise<void> {
    const running = listener;
    listener = undefined;
    await running?.close();
  }

  return {
    async start() {
      entries = await historyStore.list();
      try {
        buildToolbox((await loadConfig(options.paths.config)).config);
      } catch (error) {
        setupProblem = describeSetupProblem(error, options.paths.config);
        log.warn(`Technician Toolbox needs setup: ${setupProblem}`);
      }
      await serialise(startListening);
      emitChange();
    },
    stop: () => serialise(stopListening),
    status,
    config: () => (setupProblem ? undefined : config),
    needsSetup: () => setupProblem !== undefined,
    paused: () => isPaused,
    pause: () =>
      serialise(async () => {
        isPaused = true;
        await stopListening();
        log.info('Listener paused from the tray.');
        emitChange();
        return status();
      }),
    resume: () =>
      serialise(async () => {
        isPaused = false;
        log.info('Listener resumed from the tray.');
        await startListening();
        emitChange();
        return status();
      }),
    applyConfig: (next) =>
      serialise(async () => {
        await stopListening();
        buildToolbox(next);
        await startListening();
        emitChange();
      }),
    reloadSecrets: () =>
      serialise(async () => {
        if (config) buildToolbox(config);
        await startListening();
        emitChange();
      }),
    history: () => entries,
    forms() {
      if (!toolbox) return [];
      const catalogue = toolbox.forms;
      return catalogue.names().map((name) => ({ name, label: catalogue.get(name)?.label ?? name }));
    },
    async reopen(historyId, formName) {
      const entry = entries.find((candidate) => candidate.id === historyId);
      if (!entry) {
        throw new Error(
          `Screen pop ${historyId} is not in the history, which keeps the last ${HISTORY_LIMIT} ` +
            'pops; reopen a newer entry.',
        );
      }

      let result = await resolveTracked(reopenQuery(entry, formName));
      if (result.ok && result.link) {
        const outcome = await options.openLink(result.link);
        if (!outcome.opened) result = rejectUnopenedLink(result, outcome.reason);
      }
      await record(result);
      return result;
    },
    async testPop(query) {
      if (!toolbox) throw new Error(`Technician Toolbox needs setup: ${setupProblem}`);
      return toolbox.resolvePop(query);
    },
    onChange(notify) {
      changeListeners.add(notify);
      return () => changeListeners.delete(notify);
    },
    onPop(notify) {
      popListeners.add(notify);
      return () => popListeners.delete(notify);
    },
  };
}
