import { request, type IncomingHttpHeaders } from 'node:http';

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
