import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { listenOnLoopback } from './ports';

export interface RewstStandIn {
  /** Base URL to put in rewst.baseUrl, e.g. http://127.0.0.1:40123 */
  baseUrl: string;
  /** Form pages opened so far: the form id and the query as received. */
  opened: Array<{ formId: string; query: Record<string, string> }>;
  close(): Promise<void>;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Starts a loopback stand-in for Rewst's form pages: `GET /form/<id>` shows
 * the form id and every prefilled parameter in a table, so a browser test can
 * read what arrived.
 */
export async function startRewstStandIn(port = 0): Promise<RewstStandIn> {
  const opened: RewstStandIn['opened'] = [];

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const match = /^\/form\/([^/]+)$/.exec(url.pathname);
    if (request.method !== 'GET' || !match) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }

    const formId = decodeURIComponent(match[1] ?? '');
    const query = Object.fromEntries(url.searchParams);
    opened.push({ formId, query });
    const rows = Object.entries(query)
      .map(([name, value]) => `<tr><th>${escapeHtml(name)}</th><td data-param="${escapeHtml(name)}">${escapeHtml(value)}</td></tr>`)
      .join('');
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><meta charset="utf-8"><title>Rewst form ${escapeHtml(formId)}</title>` +
        `<h1 id="form-id">${escapeHtml(formId)}</h1><table>${rows}</table>`,
    );
  });

  await listenOnLoopback(server, port);
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${actualPort}`,
    opened,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
