import type {
  IpcChannel,
  IpcEvent,
  IpcEventPayload,
  IpcRequest,
  IpcResponse,
  ToolboxApi,
} from '../../shared/ipc';

declare global {
  interface Window {
    /** The bridge the preload script exposes; the only way the renderer reaches main. */
    toolbox: ToolboxApi;
  }
}

/** Sends a request to main on `channel` and waits for its response. */
export function invoke<C extends IpcChannel>(
  channel: C,
  request: IpcRequest<C>,
): Promise<IpcResponse<C>> {
  return window.toolbox.invoke(channel, request);
}

/** Subscribes to an event from main; returns the function that unsubscribes. */
export function subscribe<E extends IpcEvent>(
  event: E,
  listener: (payload: IpcEventPayload<E>) => void,
): () => void {
  return window.toolbox.on(event, listener);
}

/**
 * Turns a rejected invoke into a sentence. Electron prefixes main's message with
 * "Error invoking remote method '<channel>': Error: ", which means nothing to a technician.
 */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^Error invoking remote method '[^']*': (\w*Error: )?/, '');
}
