import type { IncomingMessage, ServerResponse } from 'node:http';

/** A way the test server misbehaves for one path, for `times` requests (default: always). */
export type HaloFault = (
  | { kind: 'rateLimit'; retryAfter?: string }
  | { kind: 'unavailable'; retryAfter?: string }
  | { kind: 'serverError'; message?: string }
  | { kind: 'malformedJson' }
  /** 200 with no body at all. */
  | { kind: 'emptyBody' }
  /** 200 with the HTML sign-in page, as when a URL points at the web UI. */
  | { kind: 'html' }
  /** Any status with a JSON body, e.g. an OAuth error or a record with id 0. */
  | { kind: 'reply'; status: number; body: unknown }
  | { kind: 'hang' }
  | { kind: 'closeSocket' }
) & { times?: number };

/** Text of hosted Halo's 429, as a 2022 bug report of PowerShellWarrantyReports quotes it. */
export const RATE_LIMIT_TEXT = 'Rate Limit Reached - 300 Requests per rolling 5 minute window';

/** Responds to one request the way `fault` describes. */
export function sendFault(
  request: IncomingMessage,
  response: ServerResponse,
  fault: HaloFault,
): void {
  const retryAfter =
    'retryAfter' in fault && fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {};

  switch (fault.kind) {
    case 'rateLimit':
      // NOTE: only the text of Halo's 429 is known, so its JSON shape here is a guess.
      response.writeHead(429, { 'Content-Type': 'application/json', ...retryAfter });
      response.end(JSON.stringify({ error: RATE_LIMIT_TEXT }));
      return;
    case 'unavailable':
      response.writeHead(503, { 'Content-Type': 'text/html', ...retryAfter });
      response.end('<html><head><title>Service Unavailable</title></head></html>');
      return;
    case 'serverError':
      sendJson(response, 500, {
        ClassName: 'System.Exception',
        Message: fault.message ?? 'An error has occurred.',
      });
      return;
    case 'malformedJson':
      send(response, 200, 'application/json', '{"id": 101, "access_token": "eyJhbGciOi');
      return;
    case 'emptyBody':
      send(response, 200, 'application/json', '');
      return;
    case 'html':
      send(response, 200, 'text/html', '<html><title>HaloPSA - Log in</title></html>');
      return;
    case 'reply':
      sendJson(response, fault.status, fault.body);
      return;
    case 'hang':
      return;
    case 'closeSocket':
      request.socket.destroy();
      return;
  }
}

/** Sends the IIS 404 page that the web server in front of Halo returns outside the API. */
export function sendIisNotFound(response: ServerResponse): void {
  const title = '404 - File or directory not found.';
  const page = `<html><head><title>${title}</title></head><body><h2>${title}</h2></body></html>`;
  send(response, 404, 'text/html', page);
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body), headers);
}

export function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  response.end(body);
}
