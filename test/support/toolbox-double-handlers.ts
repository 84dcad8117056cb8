import type { z } from 'zod';
import type { Config } from '../../shared/config';
import { HISTORY_LIMIT, type HistoryEntry } from '../../shared/history';
import type {
  IpcChannel,
  IpcEvent,
  IpcEventPayload,
  IpcRequest,
  IpcResponse,
  ListenerStatus,
  ipcChannels,
} from '../../shared/ipc';
import type { PopResult } from '../../shared/result';
import type { RawPopQuery } from '../../electron/core/app';
import { rejectUnopenedLink, reopenQuery, testQuery } from '../../electron/app/pop-queries';
import type { FormCatalogue } from '../../electron/core/forms/catalogue';
import { listScreenPopTemplates } from '../../electron/core/forms/screen-pop-url';
import { createLinkPolicy } from '../../electron/core/listener/link-policy';
import { isSecretName, secretNames, type SecretName } from '../../electron/core/secrets/names';
import { checkConfig } from './toolbox-double-config';

/** Windows drops longer URLs in openExternal; the listener uses the same limit. */
const MAX_OPEN_LINK_LENGTH = 2000;

/** Everything the double keeps between requests, open for tests to read. */
export interface DoubleState {
  history: HistoryEntry[];
  configPath: string;
  configText: string;
  config: Config;
  forms: FormCatalogue;
  /** Stored secret values; only `isSet` ever leaves the double. */
  secrets: Map<SecretName, string>;
  listenerState: ListenerStatus['state'];
  /** Links main would have opened in the browser. */
  openedLinks: string[];
  /** Views main was asked to open in the main window. */
  openedWindows: Array<IpcRequest<'window:open'>>;
  clipboardText?: string;
  now: () => Date;
  resolvePop: (query: RawPopQuery) => Promise<PopResult>;
}

type Emit = <E extends IpcEvent>(event: E, payload: IpcEventPayload<E>) => void;
type Request<C extends IpcChannel> = z.output<(typeof ipcChannels)[C]['request']>;
type ChannelHandlers = { [C in IpcChannel]: (request: Request<C>) => Promise<IpcResponse<C>> };

function listenerStatus(state: DoubleState): ListenerStatus {
  const port = state.config.listener.port;
  if (state.listenerState === 'stopped') {
    return {
      state: 'stopped',
      port,
      message: 'Paused from the tray. Screen pops are not answered.',
    };
  }
  return { state: state.listenerState, port, url: `http://127.0.0.1:${port}` };
}

/** Builds main's IPC handlers over `state`, plus `record` for pops that arrive by the listener. */
export function createDoubleHandlers(state: DoubleState, emit: Emit) {
  let nextId = 1;

  function record(result: PopResult): HistoryEntry {
    const entry = { ...result, id: `pop-${nextId++}`, at: state.now().toISOString() };
    state.history = [entry, ...state.history].slice(0, HISTORY_LIMIT);
    emit('history:changed', state.history);
    return entry;
  }

  function openLink(url: string): IpcResponse<'link:open'> {
    const reason = createLinkPolicy(state.config.rewst.baseUrl, MAX_OPEN_LINK_LENGTH).rejectReason(
      url,
    );
    if (reason) return { opened: false, reason };
    state.openedLinks.push(url);
    return { opened: true };
  }

  function setListener(next: ListenerStatus['state']): ListenerStatus {
    state.listenerState = next;
    const status = listenerStatus(state);
    emit('listener:changed', status);
    return status;
  }

  function requireSecretName(name: string): SecretName {
    if (isSecretName(name)) return name;
    throw new Error(`unknown secret '${name}'; use one of ${Object.keys(secretNames).join(', ')}`);
  }

  const handlers: ChannelHandlers = {
    'history:list': async () => state.history,
    'forms:list': async () =>
      state.forms.names().map((name) => ({ name, label: state.forms.get(name)?.label ?? name })),
    'pop:reopen': async ({ historyId, formName }) => {
      const entry = state.history.find((candidate) => candidate.id === historyId);
      if (!entry)
        throw new Error(`no screen pop '${historyId}' in the history; it may have been dropped`);

      let result = await state.resolvePop(reopenQuery(entry, formName));
      if (result.ok && result.link) {
        const outcome = openLink(result.link);
        if (!outcome.opened) result = rejectUnopenedLink(result, outcome.reason);
      }
      record(result);
      return result;
    },
    'pop:test': async (request) => state.resolvePop(testQuery(request)),
    'link:open': async ({ url }) => openLink(url),
    'clipboard:write': async ({ text }) => {
      state.clipboardText = text;
    },
    'config:read': async () => ({ path: state.configPath, text: state.configText }),
    'config:check': async ({ text }) => {
      const { issues, warnings } = checkConfig(text);
      return { ok: issues.length === 0, issues, warnings };
    },
    'config:save': async ({ text }) => {
      const check = checkConfig(text);
      if (!check.config || !check.forms) return { ok: false, issues: check.issues };

      state.configText = text;
      state.config = check.config;
      state.forms = check.forms;
      emit('listener:changed', listenerStatus(state));
      return { ok: true, issues: [] };
    },
    'secrets:status': async () =>
      Object.entries(secretNames).map(([name, description]) => ({
        name,
        description,
        isSet: state.secrets.has(name as SecretName),
      })),
    'secrets:set': async ({ name, value }) => {
      state.secrets.set(requireSecretName(name), value);
    },
    'secrets:delete': async ({ name }) => {
      state.secrets.delete(requireSecretName(name));
    },
    'listener:status': async () => listenerStatus(state),
    'listener:pause': async () => setListener('stopped'),
    'listener:resume': async () => setListener('ready'),
    'templates:list': async () => listScreenPopTemplates(state.config, state.forms),
    'window:open': async (request) => {
      // Main shows the view in the main window; the test page plays both windows.
      state.openedWindows.push(request);
      emit('view:show', request);
    },
  };

  return { ...handlers, record };
}
