import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../shared/config';
import { findFreePort, isPortFree, waitForPortFree } from '../support/ports';
import { killLeftovers, processTree } from '../support/process-tree';
import { cliEntry, repositoryRoot } from '../support/run-cli';

let folder: string;
let configFile: string;

const config: ConfigInput = {
  rewst: { forms: { password_reset: { formId: 'form-1' } } },
  // Port 9 (discard) on loopback: nothing listens there, and no test here calls the PSA.
  psa: { type: 'halo', baseUrl: 'https://127.0.0.1:9', clientId: 'client' },
  companies: [{ psaCompanyId: '250', name: 'Contoso', rewstOrgId: 'org-1', idp: 'azure_ad' }],
};

/** The environment of a command typed in a shell, without what vitest adds. */
const shellEnv = {
  ...process.env,
  TOOLBOX_KEYCHAIN_SERVICE: 'technician-toolbox-test-serve-stop',
  VITEST: undefined,
  VITEST_WORKER_ID: undefined,
};

function startInShell(command: string, args: string[]): ChildProcess {
  return spawn(command, args, { cwd: repositoryRoot, env: shellEnv, stdio: 'pipe' });
}

/** Resolves once `child` prints the listening line; rejects if its output ends first. */
function waitForListening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/listening on http:\/\/127\.0\.0\.1:\d+/.test(output)) resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('close', () => reject(new Error(`serve ended before listening:\n${output}`)));
  });
}

/** Processes started under each test, so a serve that failed to stop is killed afterwards. */
let started: number[] = [];

afterEach(() => {
  killLeftovers(started);
  started = [];
});

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'toolbox-serve-stop-'));
  configFile = path.join(folder, 'config.json');
  writeFileSync(configFile, JSON.stringify(config));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('serve stop', () => {
  it('frees the port after SIGTERM to npm', async () => {
    const port = await findFreePort();
    const args = ['run', '-s', 'toolbox', '--', 'serve', '--config', configFile];
    const npm = startInShell('npm', [...args, '--port', String(port)]);
    // 'exit', not 'close': an orphaned serve would keep npm's output pipes open.
    const exit = new Promise((resolve) => npm.once('exit', resolve));
    await waitForListening(npm);
    started = processTree(npm.pid ?? 0);

    npm.kill('SIGTERM');
    await exit;

    expect(await waitForPortFree(port, 5000)).toBe(true);
  }, 40_000);

  it('frees the port when its parent is killed', async () => {
    const port = await findFreePort();
    // The command after serve keeps the shell from exec'ing it, so the shell stays its parent.
    const command = `"${process.execPath}" --import tsx "${cliEntry}" serve --config ` +
      `"${configFile}" --port ${port}; exit $?`;
    const shell = startInShell('sh', ['-c', command]);
    await waitForListening(shell);
    started = processTree(shell.pid ?? 0);

    // SIGKILL gives the shell no chance to pass a signal on; only the parent check stops serve.
    shell.kill('SIGKILL');

    expect(await isPortFree(port)).toBe(false);
    expect(await waitForPortFree(port, 5000)).toBe(true);
  }, 40_000);
});
