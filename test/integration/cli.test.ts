import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../shared/config';
import { findFreePort } from '../support/ports';
import { cliEntry, runCli, spawnCli, spawnScript, waitForExit } from '../support/run-cli';

const service = `technician-toolbox-test-${randomBytes(4).toString('hex')}`;
const keychainEnv = { TOOLBOX_KEYCHAIN_SERVICE: service };
let folder: string;

const baseConfig: ConfigInput = {
  listener: { port: 17345 },
  rewst: { forms: { password_reset: { formId: 'form-1' } } },
  // Port 9 (discard) on loopback: nothing listens there, and no test here calls the PSA.
  psa: { type: 'halo', baseUrl: 'https://127.0.0.1:9', clientId: 'client' },
  companies: [{ psaCompanyId: '250', name: 'Contoso', rewstOrgId: 'org-1', idp: 'azure_ad' }],
};

function writeConfig(name: string, config: unknown): string {
  const file = path.join(folder, name, 'config.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
  return file;
}

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'toolbox-cli-'));
});

afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  for (const credential of await keytar.findCredentials(service).catch(() => [])) {
    await keytar.deletePassword(service, credential.account);
  }
});

describe('toolbox usage', () => {
  it('prints usage without a command', async () => {
    const result = await runCli([]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Usage: npm run toolbox -- <command> [options]');
  });

  it('prints usage for --help', async () => {
    const result = await runCli(['--help']);

    expect(result.code).toBe(0);
    for (const command of ['serve', 'resolve', 'secret', 'links']) {
      expect(result.stdout).toContain(`  ${command} `);
    }
  });

  it('prints command help', async () => {
    const result = await runCli(['resolve', '--help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Exit codes: 0 when the pop resolved');
  });

  it('rejects an unknown command', async () => {
    const result = await runCli(['frobnicate']);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: Unknown command "frobnicate".');
    expect(result.stderr).toContain('Commands:');
  });

  it('rejects an unknown option', async () => {
    const result = await runCli(['links', '--colour']);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: Unknown option '--colour'");
    expect(result.stderr).toContain('fix: See `npm run toolbox -- links --help`');
  });
});

describe('toolbox secret', () => {
  it('stores a piped value without echoing it', async () => {
    const value = `piped-${randomBytes(6).toString('hex')}`;

    const set = await runCli(['secret', 'set', 'psa.clientSecret'], {
      env: keychainEnv,
      stdin: `${value}\n`,
    });
    const list = await runCli(['secret', 'list'], { env: keychainEnv });

    expect(set.code).toBe(0);
    expect(set.stdout).toBe('Stored psa.clientSecret in the OS keychain.\n');
    expect(await keytar.getPassword(service, 'psa.clientSecret')).toBe(value);
    expect(list.stdout).toMatch(/^psa\.clientSecret\s+set\s+HaloPSA/m);
    expect(list.stdout).toMatch(/^psa\.privateKey\s+not set\s+ConnectWise/m);
    for (const run of [set, list]) {
      expect(run.stdout + run.stderr).not.toContain(value);
    }
  });

  it('deletes a stored value', async () => {
    await keytar.setPassword(service, 'listener.apiKey', 'to-delete');

    const first = await runCli(['secret', 'delete', 'listener.apiKey'], { env: keychainEnv });
    const second = await runCli(['secret', 'delete', 'listener.apiKey'], { env: keychainEnv });

    expect(first.stdout).toBe('Deleted listener.apiKey.\n');
    expect(second.stdout).toBe('listener.apiKey was not set.\n');
    expect(await keytar.getPassword(service, 'listener.apiKey')).toBeNull();
  });

  it('reads a typed value without echo', async () => {
    // util-linux `script` gives the CLI a terminal, so it takes the hidden-prompt path.
    const command = `${process.execPath} --import tsx ${cliEntry} secret set graph.clientSecret`;
    const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
      env: { ...process.env, ...keychainEnv },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exit = waitForExit(child);
    let prompt = '';
    child.stdout.on('data', (chunk: Buffer) => {
      prompt += chunk.toString('utf8');
      // Typed keys: "abc", Backspace, "d-typed", Enter.
      if (prompt.includes('(input hidden): ')) child.stdin.end('abc\x7fd-typed\r');
    });

    const result = await exit;
    const stored = await keytar.getPassword(service, 'graph.clientSecret');
    await keytar.deletePassword(service, 'graph.clientSecret');

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Value for graph.clientSecret (input hidden): ');
    expect(result.stdout).toContain('Stored graph.clientSecret in the OS keychain.');
    expect(result.stdout).not.toContain('typed');
    expect(stored).toBe('abd-typed');
  });

  it('lists valid names for an unknown one', async () => {
    const result = await runCli(['secret', 'set', 'psa.password'], { stdin: 'x' });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: Unknown secret name "psa.password"; use one of: ');
    expect(result.stderr).toContain('psa.privateKey, psa.secret, psa.clientSecret');
  });

  it('rejects an empty value', async () => {
    const result = await runCli(['secret', 'set', 'psa.secret'], { env: keychainEnv });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: No value for psa.secret was given on standard input');
    expect(await keytar.getPassword(service, 'psa.secret')).toBeNull();
  });
});

describe('toolbox links', () => {
  it('prints a URL per form with a form id', async () => {
    const file = writeConfig('links', baseConfig);

    const result = await runCli(['links', '--config', file]);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'password_reset  http://127.0.0.1:17345/pop?ticket_id=@ticketid&company_id=@companyid' +
        '&contact_id=@contactid&form_name=password_reset\n',
    );
    expect(result.stderr).toContain('note: reset_mfa has no Rewst form id yet');
  });

  it('adds the key placeholder when a key is required', async () => {
    const file = writeConfig('links-key', { ...baseConfig, listener: { requireApiKey: true } });

    const result = await runCli(['links', '--config', file]);

    expect(result.stdout).toContain('&form_name=password_reset&key=<your key>\n');
  });

  it('adds the key placeholder for --key', async () => {
    const file = writeConfig('links-flag', baseConfig);

    const result = await runCli(['links', '--key', '--config', file]);

    expect(result.stdout).toContain('&key=<your key>');
  });
});

describe('toolbox config errors', () => {
  it('names the file and each problem', async () => {
    const file = writeConfig('invalid', { ...baseConfig, listener: { popMode: 'tab' } });

    const result = await runCli(['links', '--config', file]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: Config file ${file} is invalid (1 problem):`);
    expect(result.stderr).toContain('listener.popMode: invalid value "tab" — use one of');
    expect(result.stderr).toContain(`fix: Correct each listed entry in ${file}`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('names a missing file', async () => {
    const file = path.join(folder, 'nowhere', 'config.json');

    const result = await runCli(['serve', '--config', file]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: No config file at ${file}.`);
    expect(result.stderr).toContain('config.example.json');
  });

  it('reads TOOLBOX_CONFIG', async () => {
    const file = writeConfig('env', baseConfig);

    const result = await runCli(['links'], { env: { TOOLBOX_CONFIG: file } });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('form_name=password_reset');
  });
});

describe('toolbox resolve', () => {
  it('exits 2 with JSON for a failed pop', async () => {
    const file = writeConfig('resolve', baseConfig);
    const args = ['resolve', '--config', file, '--company', '250', '--contact', '7'];

    const result = await runCli([...args, '--form', 'no_such_form'], { env: keychainEnv });
    const output = JSON.parse(result.stdout) as { ok: boolean; error?: { code: string } };

    expect(result.code).toBe(2);
    expect(output.ok).toBe(false);
    expect(output.error?.code).toBe('unknown_form');
  });
});

describe('toolbox serve', () => {
  async function startServe(args: string[], child = spawnCli(['serve', ...args], keychainEnv)) {
    const exit = waitForExit(child);
    const line = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /listening on http:\/\/127\.0\.0\.1:\d+/.exec(output);
        if (match) resolve(match[0]);
      });
      void exit.then((run) => reject(new Error(`serve exited early: ${run.stderr}`)));
    });
    return { child, exit, line };
  }

  it.each(['SIGTERM', 'SIGINT'] as const)('prints the line and stops on %s', async (signal) => {
    const file = writeConfig(`serve-${signal}`, baseConfig);
    const port = String(await findFreePort());
    const { child, exit, line } = await startServe(['--config', file, '--port', port]);

    child.kill(signal);
    const result = await exit;

    expect(line).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(result.code).toBe(0);
    expect(result.signal).toBeNull();
  });

  it('names a port in use and how to change it', async () => {
    const file = writeConfig('serve-busy', baseConfig);
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;

    const result = await runCli(['serve', '--config', file, '--port', String(port)]);
    await new Promise((resolve) => blocker.close(resolve));

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: Port ${port} on 127.0.0.1 is already in use.`);
    expect(result.stderr).toContain(`listener.port in ${file} or with --port <number>`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('rejects a port that is no number', async () => {
    const result = await runCli(['serve', '--port', 'http']);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: --port http is not a usable TCP port');
  });

  it('runs headless from npm start', async () => {
    const file = writeConfig('start', baseConfig);
    const port = String(await findFreePort());
    const child = spawnScript('electron/start.ts', ['--config', file, '--port', port], keychainEnv);
    const { exit, line } = await startServe([], child);

    child.kill('SIGTERM');
    const result = await exit;

    expect(line).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(result.stderr).toMatch(/^Starting the headless listener because .+\.$/m);
    expect(result.code).toBe(0);
  });
});
