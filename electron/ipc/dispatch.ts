import type { z } from 'zod';

import { ipcChannels, type IpcChannel, type IpcResponse } from '../../shared/ipc';
import { ToolboxError } from '../core/errors';
import type { Logger } from '../core/log';
import { APP_ORIGIN, isAppUrl } from '../windows/app-origin';

/** A channel's request after validation, with defaults and trimming applied. */
export type IpcParsedRequest<C extends IpcChannel> = z.output<(typeof ipcChannels)[C]['request']>;

/** One handler per channel of the contract in shared/ipc.ts. */
export type IpcHandlers = {
  [C in IpcChannel]: (request: IpcParsedRequest<C>) => Promise<IpcResponse<C>> | IpcResponse<C>;
};

/** Validates and runs one IPC call; `senderUrl` is the URL of the frame that sent it. */
export type IpcDispatch = (
  channel: string,
  senderUrl: string | undefined,
  payload: unknown,
) => Promise<unknown>;

export function isIpcChannel(channel: string): channel is IpcChannel {
  return Object.hasOwn(ipcChannels, channel);
}

function describeSender(url: string | undefined): string {
  if (!url) return 'a frame without a URL';
  return URL.canParse(url) ? `${new URL(url).protocol}//${new URL(url).host}` : 'an invalid URL';
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'request'}: ${issue.message}`)
    .join('; ');
}

/** The message the renderer sees for a handler's failure: the message and the fix, no stack. */
function describeFailure(channel: IpcChannel, error: unknown): string {
  if (error instanceof ToolboxError)
    return error.fix ? `${error.message} ${error.fix}` : error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `${channel} failed: ${detail}`;
}

/**
 * Creates the IPC dispatcher. Before a handler runs, the sender must be a frame of the app's
 * own renderer origin and the payload must match the channel's request schema. The response is
 * parsed with the channel's response schema too, which drops any property the contract does not
 * name, so nothing beyond the contract (such as a secret value) can reach the renderer.
 * Every rejection is an Error whose message names the channel, the cause and the fix.
 */
export function createIpcDispatcher(handlers: IpcHandlers, log: Logger): IpcDispatch {
  return async (channel, senderUrl, payload) => {
    if (!isIpcChannel(channel)) {
      log.warn(`Rejected an IPC call on unknown channel ${JSON.stringify(channel.slice(0, 60))}.`);
      throw new Error(`Unknown IPC channel "${channel}"; use a channel named in shared/ipc.ts.`);
    }
    if (!isAppUrl(senderUrl)) {
      const sender = describeSender(senderUrl);
      log.warn(`Rejected IPC call ${channel} from ${sender}, which is not the app's renderer.`);
      throw new Error(
        `IPC call ${channel} was rejected because its sender (${sender}) is not the app's ` +
          `renderer at ${APP_ORIGIN}; only the bundled renderer may call main.`,
      );
    }

    const contract = ipcChannels[channel];
    const request = contract.request.safeParse(payload);
    if (!request.success) {
      const issues = describeIssues(request.error);
      log.warn(`Rejected IPC call ${channel} with an invalid request (${issues}).`);
      throw new Error(
        `IPC call ${channel} has an invalid request (${issues}); send what shared/ipc.ts defines.`,
      );
    }

    let result: unknown;
    try {
      const handler = handlers[channel] as (request: unknown) => unknown;
      result = await handler(request.data);
    } catch (error) {
      log.error(`IPC call ${channel} failed:`, error);
      throw new Error(describeFailure(channel, error));
    }

    const response = contract.response.safeParse(result);
    if (!response.success) {
      log.error(
        `IPC handler ${channel} returned an invalid response: ${describeIssues(response.error)}`,
      );
      throw new Error(
        `${channel} failed: main built an invalid response; the log has the details.`,
      );
    }
    return response.data;
  };
}
