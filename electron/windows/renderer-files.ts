import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { APP_HOST } from './app-origin';

/**
 * The Content-Security-Policy sent with every renderer page. The renderer reaches main only
 * through window.toolbox, so it needs no network: everything else comes from the app bundle.
 * Inline scripts and styles are not allowed.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const securityHeaders = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * Maps a renderer URL path to a file under `rootDir`, or returns undefined when the path would
 * leave it (`..`, an encoded separator, an absolute path) or cannot be decoded.
 */
export function resolveRendererFile(rootDir: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;

  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  const inside = path.relative(root, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
  return file;
}

/**
 * Responds to one request of the app's custom protocol with a file of the renderer build. Only
 * GET and HEAD on the app host are served, and every response carries the CSP and nosniff.
 */
export async function respondWithRendererFile(rootDir: string, request: { url: string; method: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, 'Method not allowed');

  const url = new URL(request.url);
  if (url.host !== APP_HOST) return plainResponse(404, 'Not found');

  const file = resolveRendererFile(rootDir, url.pathname);
  if (!file) return plainResponse(404, 'Not found');

  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return plainResponse(404, 'Not found');
  }

  const contentType = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers = { ...securityHeaders, 'Content-Type': contentType };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
