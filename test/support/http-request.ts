import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpRequestOptions {
  method?: string;
  path?: string;
  /** Host header to send, 127.0.0.1:<port> by default. Null sends none. */
  host?: string | null;
  headers?: Record<string, string>;
}

/**
 * Sends one request to 127.0.0.1:`port` with node:http, which (unlike fetch) sends any Host
 * header, method and header size. Uses a fresh connection each time and never follows redirects.
 */
export function httpRequest(port: number, options: HttpRequestOptions = {}): Promise<HttpResponse> {
  const headers: Record<string, string> = { ...options.headers };
  const host = options.host === undefined ? `127.0.0.1:${port}` : options.host;
  if (host !== null) headers.Host = host;

  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers,
        setHost: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Builds a /pop path from parameters, URL-encoding each value. */
export function popPath(params: Record<string, string>, path = '/pop'): string {
  return `${path}?${new URLSearchParams(params).toString()}`;
}

/** A response read off a raw socket: the status code, lower-case header names, and the body. */
export interface RawHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Writes `requestText` unchanged to a fresh connection to 127.0.0.1:`port` and reads until the
 * server closes the connection, so the request must carry `Connection: close`. Tests of
 * malformed requests use this to control every byte that node:http would otherwise build.
 */
export function sendRawRequest(port: number, requestText: string): Promise<RawHttpResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => resolve(parseRawResponse(Buffer.concat(chunks).toString('utf8'))));
    socket.write(requestText);
  });
}

function parseRawResponse(text: string): RawHttpResponse {
  const headerEnd = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...headerLines] = text.slice(0, headerEnd).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: text.slice(headerEnd + 4) };
}
