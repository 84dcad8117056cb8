import type { IncomingMessage } from 'node:http';

import { ToolboxError } from '../errors';

/** Maximum request target length in characters. A real screen pop URL is a few hundred. */
export const MAX_URL_LENGTH = 4096;

/** The rejection of a request before routing: the error, its HTTP status and extra headers. */
export interface Rejection {
  error: ToolboxError;
  status: number;
  headers?: Record<string, string>;
}

/**
 * Checks what any request must pass before routing: one Host header and a path as the target,
 * the Host value (against DNS rebinding), the method, Fetch Metadata (against scripts and
 * frames on web pages), protocol upgrades and the URL length. Messages are fixed texts that
 * reflect nothing from the request.
 */
export function checkRequest(req: IncomingMessage, port: number): Rejection | undefined {
  const malformed = checkFraming(req);
  if (malformed) return malformed;

  if (!isListenerHost(req.headers.host, port)) {
    return reject(
      'forbidden_host',
      'The request did not address the listener as 127.0.0.1, localhost or [::1] with its port.',
      'Open screen pops through http://127.0.0.1:<port>/pop, as in the 1Stream URL template.',
    );
  }

  if (req.method !== 'GET') {
    return {
      ...reject(
        'method_not_allowed',
        'The listener accepts only GET requests.',
        'Send a GET request.',
      ),
      headers: { Allow: 'GET' },
    };
  }

  // Browsers send Sec-Fetch-Mode on every request, and only top-level and frame navigations
  // carry `navigate`. Non-browser clients (1Stream's own, curl, the CLI) send none.
  // Frames navigate too, so Sec-Fetch-Dest must also be `document` when present.
  const mode = req.headers['sec-fetch-mode'];
  const destination = req.headers['sec-fetch-dest'];
  const isNavigation = mode === undefined || mode === 'navigate';
  const isDocument = destination === undefined || destination === 'document';
  if (!isNavigation || !isDocument) {
    return reject(
      'fetch_mode_rejected',
      'The listener does not answer scripts, frames or embedded content on web pages.',
      'Open the screen pop as a page of its own: from 1Stream, a link or the address bar.',
    );
  }

  if (req.headers.upgrade !== undefined) {
    return reject(
      'fetch_mode_rejected',
      'The listener does not accept WebSocket or other protocol upgrades.',
      'Send a plain GET request.',
    );
  }

  if ((req.url ?? '').length > MAX_URL_LENGTH) {
    return {
      ...reject(
        'request_too_large',
        `The request URL is longer than ${MAX_URL_LENGTH} characters.`,
        'Check the 1Stream Screen Pop URL template for repeated or oversized parameters.',
      ),
      status: 414,
    };
  }
  return undefined;
}

/**
 * Rejects two kinds of request with 400. RFC 9112 §3.2 requires 400 for more than one Host
 * line, of which Node keeps only the first in `req.headers`. A target that is not a path
 * (absolute-form `http://host/pop`, or `*`) is rejected too. RFC 9112 §3.2.2 requires servers to
 * accept absolute-form, but 1Stream, browsers and curl send a path to an origin server, and
 * rejecting it keeps the Host header the one place the address is checked.
 */
function checkFraming(req: IncomingMessage): Rejection | undefined {
  if ((req.headersDistinct.host?.length ?? 0) > 1) {
    return {
      ...reject(
        'forbidden_host',
        'The request carries more than one Host header.',
        'Send exactly one Host header, such as 127.0.0.1:<port>.',
      ),
      status: 400,
    };
  }

  if (!(req.url ?? '').startsWith('/')) {
    return {
      ...reject(
        'forbidden_host',
        'The request target is not a path such as /pop?ticket_id=…, so it may name another host.',
        'Send screen pops straight to http://127.0.0.1:<port>/pop, not through a proxy.',
      ),
      status: 400,
    };
  }
  return undefined;
}

/** True only for `127.0.0.1:<port>`, `localhost:<port>` and `[::1]:<port>`, any letter case. */
export function isListenerHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;

  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  return allowed.includes(host.toLowerCase());
}

function reject(code: ToolboxError['code'], message: string, fix: string): Rejection {
  const error = new ToolboxError(code, message, { fix });
  return { error, status: error.httpStatus };
}
