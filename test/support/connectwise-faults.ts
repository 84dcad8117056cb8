import type { IncomingMessage, ServerResponse } from 'node:http';

/** Content type ConnectWise sends with records. */
export const RECORD_CONTENT_TYPE = 'application/vnd.connectwise.com+json; version=2025.1';

/** A way the test server misbehaves for one path, for `times` requests (default: always). */
export type ConnectwiseFault = (
  | { kind: 'rateLimit'; retryAfter?: string }
  | { kind: 'unavailable'; retryAfter?: string }
  | { kind: 'serverError'; message?: string; errors?: string[] }
  | { kind: 'forbidden' }
  | { kind: 'malformedJson' }
  /** 200 with the HTML sign-in page, as when the base URL points at the web UI. */
  | { kind: 'html' }
  | { kind: 'hang' }
  | { kind: 'closeSocket' }
) & { times?: number };

/** Responds to one request the way `fault` describes. */
export function sendFault(
  request: IncomingMessage,
  response: ServerResponse,
  fault: ConnectwiseFault,
): void {
  const retryAfter =
    'retryAfter' in fault && fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {};

  switch (fault.kind) {
    case 'rateLimit':
      response.writeHead(429, { 'Content-Type': 'application/json', ...retryAfter });
      response.end(JSON.stringify({ code: 'TooManyRequests', message: 'Too many requests.' }));
      return;
    case 'unavailable':
      response.writeHead(503, { 'Content-Type': 'text/html', ...retryAfter });
      response.end('<html><body><h1>Service Unavailable</h1></body></html>');
      return;
    case 'serverError':
      sendJson(response, 500, 'application/json', {
        code: 'InternalServerError',
        message: fault.message ?? 'An error occurred while processing the request.',
        errors: (fault.errors ?? []).map((message) => ({ code: 'ServerError', message })),
      });
      return;
    case 'forbidden':
      sendJson(response, 403, 'application/json', {
        code: 'Forbidden',
        message: 'You do not have permission to view this record.',
      });
      return;
    case 'malformedJson':
      send(response, 200, RECORD_CONTENT_TYPE, '{"id": 101, "firstName": "Li');
      return;
    case 'html':
      send(response, 200, 'text/html', '<html><title>ConnectWise PSA Login</title></html>');
      return;
    case 'hang':
      return;
    case 'closeSocket':
      request.socket.destroy();
      return;
  }
}

/** Sends the IIS 404 page that ConnectWise's web server returns for a path outside the API. */
export function sendIisNotFound(response: ServerResponse): void {
  const title = '404 - File or directory not found.';
  const page = `<html><head><title>${title}</title></head><body><h2>${title}</h2></body></html>`;
  send(response, 404, 'text/html', page);
}

export function sendJson(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: unknown,
): void {
  send(response, status, contentType, JSON.stringify(body));
}

export function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string,
): void {
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}
