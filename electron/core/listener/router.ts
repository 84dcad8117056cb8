import type { IncomingMessage, ServerResponse } from 'node:http';

import { ToolboxError } from '../errors';
import { createLogger } from '../log';
import { checkRequest, type Rejection } from './guard';
import { LogThrottle } from './log-throttle';
import { createPopHandler } from './pop-handler';
import { sendRequestFailure } from './pop-response';
import { sendBody, sendJson } from './respond';
import type { PopRunContext } from './run-pop';
import type { ResponseContext } from './pop-response';

const log = createLogger('listener');

/**
 * Builds the request handler: the guard first, then `/pop` and `/` (same handler, so 1Stream
 * templates written for the Rewst webhook work by changing the URL prefix), `/healthz` and
 * `/favicon.ico`. `getPort` returns the bound port, which the Host check needs.
 */
export function createRouter(context: PopRunContext & ResponseContext, getPort: () => number) {
  const handlePop = createPopHandler(context);
  const throttle = new LogThrottle(10_000);

  const notFound = new ToolboxError('not_found', 'There is no page at this address.', {
    fix: 'Screen pops go to /pop; check the Screen Pop URL template in 1Stream.',
  });

  return async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const rejection = checkRequest(req, getPort());
      if (rejection) {
        logRejection(req, rejection);
        const headers = { Connection: 'close', ...rejection.headers };
        const { error, status } = rejection;
        sendRequestFailure(req, res, error, context, { status, headers });
        return;
      }

      // Prefixing the origin, unlike a base URL, keeps a target like //host/pop a path.
      const url = new URL(`http://127.0.0.1${req.url ?? '/'}`);
      switch (url.pathname) {
        case '/':
        case '/pop':
          await handlePop(req, res, url);
          return;
        case '/healthz':
          sendJson(res, 200, { status: 'ok', version: context.version });
          return;
        case '/favicon.ico':
          sendBody(res, 204, undefined, '');
          return;
        default:
          sendRequestFailure(req, res, notFound, context);
      }
    } catch (error) {
      log.error('Handling a request failed:', error);
      const internal = new ToolboxError(
        'internal_error',
        'The listener failed to handle the request.',
        { fix: 'Check the Technician Toolbox log for the details and report the problem.' },
      );
      sendRequestFailure(req, res, internal, context);
    }
  };

  function logRejection(req: IncomingMessage, rejection: Rejection): void {
    const code = rejection.error.code;
    const skipped = throttle.admit(code);
    if (skipped === undefined) return;

    // The Host value helps an admin spot DNS rebinding. The URL is never logged: it may hold the key.
    const host = JSON.stringify((req.headers.host ?? '(none)').slice(0, 100));
    const method = JSON.stringify((req.method ?? '').slice(0, 20));
    log.warn(
      `Rejected a request: ${code}, method ${method}, host ${host} ` +
        `(${skipped} more rejected before it).`,
    );
  }
}
