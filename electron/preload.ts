/**
 * The preload script: exposes `window.toolbox` (ToolboxApi from shared/ipc.ts) and nothing
 * else. It runs sandboxed, so it is bundled into one file that requires only `electron`.
 * Main validates every payload and the sender again; the checks here only keep a renderer
 * bug from reaching IPC with a name outside the contract.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

import type { IpcChannel, IpcEvent, IpcEventPayload, ToolboxApi } from '../shared/ipc';

/**
 * Channel and event names of the contract. Only types are imported from shared/ipc.ts, so zod
 * stays out of the preload bundle. The Record types make the compiler reject a missing or an
 * unknown name, so these lists cannot drift from the contract.
 */
const channels: Record<IpcChannel, true> = {
  'history:list': true,
  'forms:list': true,
  'pop:reopen': true,
  'pop:test': true,
  'link:open': true,
  'clipboard:write': true,
  'config:read': true,
  'config:check': true,
  'config:save': true,
  'secrets:status': true,
  'secrets:set': true,
  'secrets:delete': true,
  'listener:status': true,
  'listener:pause': true,
  'listener:resume': true,
  'templates:list': true,
  'window:open': true,
};
const events: Record<IpcEvent, true> = {
  'history:changed': true,
  'listener:changed': true,
  'view:show': true,
};

const api: ToolboxApi = {
  invoke(channel, request) {
    if (!Object.hasOwn(channels, channel)) {
      return Promise.reject(new Error(`Unknown IPC channel "${String(channel)}".`));
    }
    return ipcRenderer.invoke(channel, request);
  },

  on<E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void) {
    if (!Object.hasOwn(events, event)) throw new Error(`Unknown IPC event "${String(event)}".`);

    // The IpcRendererEvent (with its sender) stays here: the page receives only the payload.
    const forward = (_event: IpcRendererEvent, payload: IpcEventPayload<E>) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
};

contextBridge.exposeInMainWorld('toolbox', api);
