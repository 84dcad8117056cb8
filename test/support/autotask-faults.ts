import type { IncomingMessage, ServerResponse } from 'node:http';
import { send, sendJson } from './connectwise-faults';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** A way the test server misbehaves for one endpoint, for `times` requests (default: always). */
export type AutotaskFault = (
  | { kind: 'rateLimit'; retryAfter?: string }
  | { kind: 'unavailable'; retryAfter?: string }
  | { kind: 'serverError'; errors?: string[] }
  | { kind: 'forbidden' }
  | { kind: 'malformedJson' }
  | { kind: 'hang' }
  | { kind: 'closeSocket' }
  /** Zone discovery only: 200 with this string as the zone `url`. */
  | { kind: 'zoneUrl'; url: string }
) & { times?: number };

/** Sends Autotask's error body `{"errors": [...]}`. */
export function sendErrors(response: ServerResponse, status: number, errors: string[]): void {
  sendJson(response, status, JSON_CONTENT_TYPE, { errors });
}

/** Responds to one request the way `fault` describes. */
export function sendFault(
  request: IncomingMessage,
  response: ServerResponse,
  fault: AutotaskFault,
): void {
  const retryAfter =
    'retryAfter' in fault && fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {};

  switch (fault.kind) {
    case 'rateLimit':
      // NOTE: the wording of Autotask's 429 body is a guess. Only the status is documented.
      response.writeHead(429, { 'Content-Type': JSON_CONTENT_TYPE, ...retryAfter });
      response.end(JSON.stringify({ errors: ['Too many concurrent requests.'] }));
      return;
    case 'unavailable':
      response.writeHead(503, { 'Content-Type': 'text/html', ...retryAfter });
      response.end('<html><body><h1>Service Unavailable</h1></body></html>');
      return;
    case 'serverError':
      sendErrors(response, 500, fault.errors ?? ['An unexpected error occurred.']);
      return;
    case 'forbidden':
      sendErrors(response, 403, ['The logged in resource does not have permission to read.']);
      return;
    case 'malformedJson':
      send(response, 200, JSON_CONTENT_TYPE, '{"item": {"id": 101, "firstName": "Li');
      return;
    case 'hang':
      return;
    case 'closeSocket':
      request.socket.destroy();
      return;
    case 'zoneUrl':
      sendJson(response, 200, JSON_CONTENT_TYPE, { zoneName: 'Test zone', url: fault.url, ci: 0 });
      return;
  }
}
