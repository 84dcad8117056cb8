import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_CERT_ENV, TEST_KEY_ENV } from '../support/tls';
import { findFreePort, listenOnLoopback, waitForPortFree } from '../support/ports';
import { killLeftovers, processTree } from '../support/process-tree';
import { repositoryRoot, waitForExit } from '../support/run-cli';

let folder: string;
let started: number[] = [];

/**
 * The environment of a shell, with TMPDIR pointing at this test's folder. vitest's test
 * certificate is left out, so the script creates its own in a `toolbox-tls-*` folder there.
 */
function scriptEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TMPDIR: folder,
    NODE_EXTRA_CA_CERTS: undefined,
    [TEST_CERT_ENV]: undefined,
    [TEST_KEY_ENV]: undefined,
    VITEST: undefined,
    VITEST_WORKER_ID: undefined,
  };
}

function startStandIns(args: string[]): ChildProcess {
  const npmArgs = ['run', '-s', 'stand-ins', '--', '--dir', path.join(folder, 'config'), ...args];
  return spawn('npm', npmArgs, { cwd: repositoryRoot, env: scriptEnv(), stdio: 'pipe' });
}

function tlsFolders(): string[] {
  return readdirSync(folder).filter((name) => name.startsWith('toolbox-tls-'));
}

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'toolbox-stand-ins-script-'));
});

afterEach(() => {
  killLeftovers(started);
  started = [];
  rmSync(folder, { recursive: true, force: true });
});

describe('stand-ins script', () => {
  it('stops everything on SIGTERM to npm', async () => {
    const ports = await Promise.all([1, 2, 3, 4].map(() => findFreePort()));
    const npm = startStandIns(['--serve', '--ports', ports.join(',')]);
    const exit = new Promise((resolve) => npm.once('exit', resolve));
    let output = '';
    await new Promise<void>((resolve, reject) => {
      npm.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes(`listening on http://127.0.0.1:${ports[3]}`)) resolve();
      });
      npm.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      npm.once('close', () => reject(new Error(`stand-ins ended early:\n${output}`)));
    });
    started = processTree(npm.pid ?? 0);
    const foldersWhileRunning = tlsFolders();

    npm.kill('SIGTERM');
    await exit;
    const freed = await Promise.all(ports.map((port) => waitForPortFree(port, 8000)));

    expect(foldersWhileRunning).toHaveLength(1);
    expect(freed).toEqual([true, true, true, true]);
    // The script's parent process removes the folder after its child exits, which can be a
    // moment after npm itself has exited.
    await expect.poll(() => tlsFolders(), { timeout: 8000 }).toEqual([]);
  }, 60_000);

  it('names a busy port in one line', async () => {
    const ports = await Promise.all([1, 2, 3].map(() => findFreePort()));
    const blocker = createServer();
    await listenOnLoopback(blocker, ports[1] ?? 0);

    const result = await waitForExit(startStandIns(['--ports', ports.join(',')]), 30_000);
    await new Promise((resolve) => blocker.close(resolve));

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `error: Port ${ports[1]} on 127.0.0.1 is already in use, so the identity stand-in cannot ` +
        'start; stop the program on it (often stand-ins from an earlier run) or choose free ' +
        'ports with --ports <psa>,<identity>,<rewst>.\n',
    );
    expect(tlsFolders()).toEqual([]);
    expect(await waitForPortFree(ports[0] ?? 0, 1000)).toBe(true);
  }, 40_000);

  it('rejects invalid --ports', async () => {
    const result = await waitForExit(startStandIns(['--ports', '17401,17401,80']), 30_000);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: --ports "17401,17401,80" is invalid');
    expect(tlsFolders()).toEqual([]);
  }, 40_000);
});
