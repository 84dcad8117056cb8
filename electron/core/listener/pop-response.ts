import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ToolboxError } from '../errors';
import type { PopResult } from '../../../shared/result';
import { renderFailurePage, renderOpenedPage } from './error-page';
import type { LinkPolicy } from './link-policy';
import { failureResult, type PopOutcome } from './pop-result';
import { prefersJson, sendHtml, sendJson, sendRedirect } from './respond';
import { statusOf } from './run-pop';

export interface ResponseContext {
  version: string;
  linkPolicy: LinkPolicy;
  /** True when the form was opened with openExternal instead of a redirect. */
  opensExternally: boolean;
}

/**
 * Sends a pop's result: JSON when the client prefers it, else a 302 to the form, the "opened"
 * page in 'open' mode, or the error page.
 */
export function sendPopOutcome(
  req: IncomingMessage,
  res: ServerResponse,
  outcome: PopOutcome,
  context: ResponseContext,
): void {
  const { result } = outcome;
  const status = statusOf(result);
  if (prefersJson(req)) {
    sendJson(res, status, result);
    return;
  }

  if (!result.ok) {
    sendHtml(res, status, renderFailurePage(result, status, context));
    return;
  }

  if (context.opensExternally) {
    sendHtml(res, 200, renderOpenedPage(result));
    return;
  }

  // runPop already applied the policy. Checking again keeps the redirect safe on its own.
  const link = result.link;
  if (link !== undefined && context.linkPolicy.rejectReason(link) === undefined) {
    sendRedirect(res, link);
    return;
  }
  const rejected: PopResult = {
    ...result,
    ok: false,
    link: undefined,
    error: { code: 'link_rejected', message: 'The form link is not on the configured Rewst host.' },
  };
  sendHtml(res, statusOf(rejected), renderFailurePage(rejected, statusOf(rejected), context));
}

/** Sends an error that is not a pop's result (rejected request, unknown path) as JSON or HTML. */
export function sendRequestFailure(
  req: IncomingMessage,
  res: ServerResponse,
  error: ToolboxError,
  context: ResponseContext,
  options: { status?: number; headers?: Record<string, string> } = {},
): void {
  const status = options.status ?? error.httpStatus;
  const result = failureResult(error);

  if (prefersJson(req)) {
    sendJson(res, status, result, options.headers);
    return;
  }
  sendHtml(res, status, renderFailurePage(result, status, context), options.headers);
}
