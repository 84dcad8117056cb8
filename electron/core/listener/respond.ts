import type { IncomingMessage, ServerResponse } from 'node:http';

import { stylesheetHashSource } from './page-style';

/**
 * Headers on every listener response. There are deliberately no CORS headers: web pages must
 * not read anything the listener returns.
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy':
    `default-src 'none'; style-src ${stylesheetHashSource}; ` +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Cross-Origin-Resource-Policy': 'same-origin',
};

type ExtraHeaders = Record<string, string>;

/** Sends a complete response unless the client is gone or a response was already started. */
export function sendBody(
  res: ServerResponse,
  status: number,
  contentType: string | undefined,
  body: string,
  extraHeaders: ExtraHeaders = {},
): void {
  if (res.headersSent || res.destroyed) return;

  const headers: ExtraHeaders = { ...securityHeaders, ...extraHeaders };
  if (contentType) headers['Content-Type'] = contentType;
  if (body !== '') headers['Content-Length'] = String(Buffer.byteLength(body));

  res.writeHead(status, headers);
  res.end(body);
}

export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers?: ExtraHeaders,
): void {
  sendBody(res, status, 'text/html; charset=utf-8', html, headers);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers?: ExtraHeaders,
): void {
  sendBody(res, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);
}

/** Sends a 302 to `location`, which the caller has already checked against the link policy. */
export function sendRedirect(res: ServerResponse, location: string): void {
  const body = 'Opening the Rewst form.\n';
  sendBody(res, 302, 'text/plain; charset=utf-8', body, { Location: location });
}

/**
 * Returns whether the client asked for JSON over HTML, going by the q-values of
 * `application/json` and `text/html` in its Accept header (wildcards are ignored).
 */
export function prefersJson(req: IncomingMessage): boolean {
  const ranges = (req.headers.accept ?? '').split(',').map(parseMediaRange);
  const json = ranges.find((range) => range.type === 'application/json');
  if (!json || json.q <= 0) return false;

  const html = ranges.find((range) => range.type === 'text/html');
  if (!html) return true;
  return json.q > html.q || (json.q === html.q && ranges.indexOf(json) < ranges.indexOf(html));
}

function parseMediaRange(text: string): { type: string; q: number } {
  const [type = '', ...parameters] = text.split(';').map((part) => part.trim().toLowerCase());
  const qParameter = parameters.find((parameter) => parameter.startsWith('q='));
  const q = qParameter === undefined ? 1 : Number(qParameter.slice(2));
  return { type, q: Number.isFinite(q) ? q : 0 };
}

/**
 * Builds a complete HTTP/1.1 response for a socket whose request could not be parsed (headers
 * too large, timed out), where no ServerResponse exists. The body is a fixed text.
 */
export function rawResponse(status: number, reason: string, message: string): string {
  const body = `${message}\n`;
  const headers = {
    ...securityHeaders,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
  };
  const headerLines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return `HTTP/1.1 ${status} ${reason}\r\n${headerLines.join('')}\r\n${body}`;
}
