import { z } from 'zod';
import type { HistoryEntry } from '../../shared/history';
import {
  ipcChannels,
  ipcEvents,
  type IpcChannel,
  type IpcEvent,
  type IpcEventPayload,
  type IpcRequest,
  type IpcResponse,
  type ListenerStatus,
  type ToolboxApi,
} from '../../shared/ipc';
import type { PopResult } from '../../shared/result';
import type { RawPopQuery } from '../../electron/core/app';
import type { SecretName } from '../../electron/core/secrets/names';
import { createDoubleHandlers, type DoubleState } from './toolbox-double-handlers';
import { checkConfig } from './toolbox-double-config';

export interface ToolboxDoubleOptions {
  history: HistoryEntry[];
  /** The config file's text; it must be valid, as main does not start with an invalid one. */
  configText: string;
  configPath?: string;
  secrets?: Partial<Record<SecretName, string>>;
  /** Resolves a pop as the core does; the renderer tests pass the real core over stand-ins. */
  resolvePop: (query: RawPopQuery) => Promise<PopResult>;
  listenerState?: ListenerStatus['state'];
  now?: () => Date;
}

/** One request the renderer sent, as it sent it. */
export interface IpcCall {
  channel: IpcChannel;
  request: unknown;
}

type AnyListener = (payload: unknown) => void;

/**
 * A stand-in for main behind `window.toolbox`: it validates each request with the shared
 * schemas and rejects bad ones as Electron does, keeps history, config, secrets and listener
 * state, and sends `history:changed`, `listener:changed` and `view:show` when they change.
 * It records what the renderer asked for, so tests can check the requests themselves.
 */
export class ToolboxApiDouble implements ToolboxApi {
  readonly calls: IpcCall[] = [];
  /** Every response as JSON, to check that no stored secret ever reaches the renderer. */
  readonly responses: string[] = [];
  readonly state: DoubleState;
  private readonly listeners = new Map<IpcEvent, Set<AnyListener>>();
  private readonly handlers: ReturnType<typeof createDoubleHandlers>;

  constructor(options: ToolboxDoubleOptions) {
    const check = checkConfig(options.configText);
    if (!check.config || !check.forms) {
      const problems = check.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
      throw new Error(`The double's starting config is invalid: ${problems}`);
    }

    this.state = {
      history: [...options.history],
      configPath: options.configPath ?? '/home/tech/.config/Technician Toolbox/config.json',
      configText: options.configText,
      config: check.config,
      forms: check.forms,
      secrets: new Map(Object.entries(options.secrets ?? {}) as Array<[SecretName, string]>),
      listenerState: options.listenerState ?? 'ready',
      openedLinks: [],
      openedWindows: [],
      now: options.now ?? (() => new Date()),
      resolvePop: options.resolvePop,
    };
    this.handlers = createDoubleHandlers(this.state, (event, payload) => this.emit(event, payload));
  }

  /** Handles a request as main's IPC handler would, including rejecting an invalid one. */
  async invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>> {
    this.calls.push({ channel, request });
    const schemas = ipcChannels[channel];
    if (!schemas) throw remoteError(channel, `no handler for channel '${String(channel)}'`);

    const parsed = schemas.request.safeParse(request);
    if (!parsed.success)
      throw remoteError(channel, `invalid request: ${z.prettifyError(parsed.error)}`);

    const handler = this.handlers[channel] as (request: unknown) => Promise<unknown>;
    let response: unknown;
    try {
      response = await handler(parsed.data);
    } catch (error) {
      throw remoteError(channel, error instanceof Error ? error.message : String(error));
    }

    const checked = schemas.response.parse(response) as IpcResponse<C>;
    this.responses.push(JSON.stringify(checked) ?? 'undefined');
    return checked;
  }

  on<E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void {
    const set = this.listeners.get(event) ?? new Set<AnyListener>();
    set.add(listener as AnyListener);
    this.listeners.set(event, set);
    return () => set.delete(listener as AnyListener);
  }

  /** Sends an event to the renderer after checking it against the shared event schema. */
  emit<E extends IpcEvent>(event: E, payload: IpcEventPayload<E>): void {
    const checked = ipcEvents[event].parse(payload);
    this.responses.push(JSON.stringify(checked) ?? 'undefined');
    for (const listener of this.listeners.get(event) ?? []) listener(checked);
  }

  /** Records a pop that arrived through the listener, as main does, and sends `history:changed`. */
  addPop(result: PopResult): HistoryEntry {
    return this.handlers.record(result);
  }

  /** The requests sent on one channel, in order. */
  requestsOn<C extends IpcChannel>(channel: C): Array<IpcRequest<C>> {
    return this.calls
      .filter((call) => call.channel === channel)
      .map((call) => call.request as IpcRequest<C>);
  }
}

/** Builds the error a rejected ipcRenderer.invoke returns, with Electron's prefix before main's message. */
function remoteError(channel: string, message: string): Error {
  return new Error(`Error invoking remote method '${channel}': Error: ${message}`);
}
