import { ipcMain, type WebContents } from 'electron';

import { ipcChannels, ipcEvents, type IpcEvent, type IpcEventPayload } from '../../shared/ipc';
import type { Logger } from '../core/log';
import { createIpcDispatcher, type IpcHandlers } from './dispatch';

/**
 * Registers one `ipcMain.handle` per channel of the contract. This folder is the only place
 * that imports ipcMain (a lint rule enforces it). Returns the function that removes them.
 */
export function registerIpcHandlers(handlers: IpcHandlers, log: Logger): () => void {
  const dispatch = createIpcDispatcher(handlers, log);
  const channels = Object.keys(ipcChannels);

  for (const channel of channels) {
    // senderFrame is null once the frame navigated away or was destroyed; that call is rejected.
    ipcMain.handle(channel, (event, payload: unknown) =>
      dispatch(channel, event.senderFrame?.url, payload),
    );
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}

/**
 * Sends an event to a renderer after checking the payload against the contract, so the
 * renderer never receives more than shared/ipc.ts names. Destroyed windows are skipped.
 */
export function sendIpcEvent<E extends IpcEvent>(
  target: WebContents,
  event: E,
  payload: IpcEventPayload<E>,
  log: Logger,
): void {
  if (target.isDestroyed()) return;

  const checked = ipcEvents[event].safeParse(payload);
  if (!checked.success) {
    log.error(`Did not send event ${event}: its payload does not match the contract.`);
    return;
  }
  target.send(event, checked.data);
}
