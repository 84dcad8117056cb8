import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds the renderer with its own Vite config into a new temporary folder and returns the
 * folder. Each test file builds its own copy, so files running in parallel never share one.
 */
export async function buildRenderer(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'toolbox-renderer-'));
  const vite = path.join(repositoryRoot, 'node_modules', '.bin', 'vite');
  const args = [
    'build',
    '--config',
    'renderer/vite.config.ts',
    '--outDir',
    outDir,
    '--emptyOutDir',
  ];
  await run(vite, args, { cwd: repositoryRoot, timeout: 120_000 });
  return outDir;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  /** Base URL such as http://127.0.0.1:40123 */
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` read-only on 127.0.0.1 at a free port; anything outside it is a 404. */
export async function serveDirectory(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
    if (request.method !== 'GET' || !file.startsWith(`${root}${path.sep}`)) {
      response.writeHead(404).end();
      return;
    }

    readFile(file).then(
      (body) => {
        const type = contentTypes[path.extname(file)] ?? 'application/octet-stream';
        response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
      },
      () => response.writeHead(404).end(),
    );
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('the static server has no TCP port');

  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Removes a folder made by buildRenderer. */
export function removeBuild(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
