import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../shared/config';
import { findFreePort } from '../support/ports';
import { runCli, spawnCli, waitForExit } from '../support/run-cli';

const service = `technician-toolbox-test-${randomBytes(4).toString('hex')}`;
const keychainEnv = { TOOLBOX_KEYCHAIN_SERVICE: service };
const SECRET = `hunter2-${randomBytes(4).toString('hex')}`;
let folder: string;

const baseConfig: ConfigInput = {
  rewst: { forms: { password_reset: { formId: 'form-1' } } },
  // Port 9 (discard) on loopback: nothing listens there, and no test here calls the PSA.
  psa: { type: 'halo', baseUrl: 'https://127.0.0.1:9', clientId: 'client' },
  graph: { clientId: '4f1d2c3b-5a6e-4b7c-8d9e-0a1b2c3d4e5f' },
  companies: [{ psaCompanyId: '250', name: 'Contoso', rewstOrgId: 'org-1', idp: 'azure_ad' }],
};

function writeConfig(name: string, config: unknown): string {
  const file = path.join(folder, name, 'config.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(config));
  return file;
}

/** Starts serve, waits for its listening line, stops it with SIGTERM and returns its stderr. */
async function serveStderr(file: string): Promise<string> {
  const port = String(await findFreePort());
  const child = spawnCli(['serve', '--config', file, '--port', port], keychainEnv);
  const exit = waitForExit(child);
  await new Promise<void>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString('utf8').includes('listening on')) resolve();
    });
    void exit.then(() => resolve());
  });
  child.kill('SIGTERM');
  const result = await exit;
  expect(result.stdout).toContain(`listening on http://127.0.0.1:${port}`);
  return result.stderr;
}

async function clearKeychain(): Promise<void> {
  for (const credential of await keytar.findCredentials(service).catch(() => [])) {
    await keytar.deletePassword(service, credential.account);
  }
}

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'toolbox-cli-arguments-'));
});

afterEach(clearKeychain);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('secret set arguments', () => {
  it('never echoes a value on the command line', async () => {
    const result = await runCli(['secret', 'set', 'listener.apiKey', SECRET], { env: keychainEnv });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: secret set reads the value from standard input');
    expect(result.stderr).toContain('(1 extra argument, not shown)');
    expect(result.stderr).toContain(
      `\`TOOLBOX_KEYCHAIN_SERVICE=${service} npm run toolbox -- secret set <name>\``,
    );
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    expect(await keytar.getPassword(service, 'listener.apiKey')).toBeNull();
  });

  it('never echoes a value that looks like an option', async () => {
    const args = ['secret', 'set', 'listener.apiKey', `--${SECRET}`];

    const result = await runCli(args, { env: keychainEnv });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: secret takes no options');
    expect(result.stdout + result.stderr).not.toContain(SECRET);
  });

  it('never echoes a value given in place of the name', async () => {
    const result = await runCli(['secret', 'set', SECRET], { env: keychainEnv, stdin: 'x' });

    expect(result.stderr).toContain('error: Unknown secret name (not shown); use one of: ');
    expect(result.stdout + result.stderr).not.toContain(SECRET);
  });
});

describe('secret set values', () => {
  const cases = [
    { name: 'one trailing newline', input: `${SECRET}\n`, stored: SECRET, warning: undefined },
    { name: 'CRLF ending', input: `${SECRET}\r\n`, stored: SECRET, warning: undefined },
    {
      name: 'surrounding spaces',
      input: `  ${SECRET} \n`,
      stored: `  ${SECRET} `,
      warning: 'starts or ends with whitespace',
    },
    {
      name: 'inner newline',
      input: `${SECRET}\nsecond line\n`,
      stored: `${SECRET}\nsecond line`,
      warning: 'contains a line break',
    },
    {
      name: 'two trailing newlines',
      input: `${SECRET}\n\n`,
      stored: `${SECRET}\n`,
      warning: 'starts or ends with whitespace and contains a line break',
    },
  ];

  it.each(cases)('stores a value with $name', async ({ input, stored, warning }) => {
    const args = ['secret', 'set', 'psa.secret'];

    const result = await runCli(args, { env: keychainEnv, stdin: input });

    expect(result.code).toBe(0);
    expect(await keytar.getPassword(service, 'psa.secret')).toBe(stored);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    if (warning) {
      expect(result.stderr).toBe(
        `warning: The value of psa.secret ${warning}; it was stored as given. If that is not ` +
          'part of the secret, store it again without it.\n',
      );
    } else {
      expect(result.stderr).toBe('');
    }
  });
});

describe('secret set fix texts', () => {
  it('name the service for an empty value', async () => {
    const result = await runCli(['secret', 'set', 'psa.secret'], { env: keychainEnv });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `TOOLBOX_KEYCHAIN_SERVICE=${service} npm run toolbox -- secret set psa.secret < value.txt`,
    );
  });

  it('leave out the default service', async () => {
    const env = { TOOLBOX_KEYCHAIN_SERVICE: '' };

    const result = await runCli(['secret', 'set', 'psa.secret'], { env });

    expect(result.stderr).toContain('from a file: npm run toolbox -- secret set psa.secret <');
  });
});

describe('resolve arguments', () => {
  it('requires --form', async () => {
    const file = writeConfig('resolve-form', baseConfig);

    const result = await runCli(['resolve', '--config', file, '--company', '250']);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('error: resolve needs --form <name>');
    expect(result.stderr).toContain('fix: See `npm run toolbox -- resolve --help`');
  });

  it('requires at least one id', async () => {
    const file = writeConfig('resolve-id', baseConfig);

    const result = await runCli(['resolve', '--config', file, '--form', 'password_reset']);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'error: resolve needs at least one of --ticket <id>, --contact <id> or --company <id>.',
    );
  });
});

describe('serve --port', () => {
  it.each(['0', '80', '1023', '65536', '17345.5'])('rejects %s', async (port) => {
    const result = await runCli(['serve', '--port', port]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `error: --port ${port} is not a usable TCP port; use a number from 1024 to 65535.`,
    );
  });
});

describe('serve secret warnings', () => {
  it('names each missing secret and starts', async () => {
    const stderr = await serveStderr(writeConfig('serve-secrets', baseConfig));

    expect(stderr).toContain(
      'warning: psa.clientSecret (HaloPSA API application client secret) is not set in the OS ' +
        'keychain, so screen pops fail with secret_missing until you run ' +
        `\`TOOLBOX_KEYCHAIN_SERVICE=${service} npm run toolbox -- secret set psa.clientSecret\`.`,
    );
    expect(stderr).toContain(
      `warning: graph.clientSecret (Microsoft Entra app registration client secret) is not set`,
    );
  });

  it('leaves out stored secrets', async () => {
    await keytar.setPassword(service, 'psa.clientSecret', 'stored');

    const stderr = await serveStderr(writeConfig('serve-one-secret', baseConfig));

    expect(stderr).not.toContain('psa.clientSecret');
    expect(stderr).toContain('warning: graph.clientSecret');
  });

  it('needs no Graph secret without graph', async () => {
    await keytar.setPassword(service, 'psa.clientSecret', 'stored');
    const config = { ...baseConfig, graph: undefined };

    const stderr = await serveStderr(writeConfig('serve-no-graph', config));

    expect(stderr).not.toContain('warning:');
  });
});

describe('config warnings', () => {
  const okta = {
    ...baseConfig,
    companies: [{ psaCompanyId: '250', name: 'Contoso', rewstOrgId: 'org-1', idp: 'okta' }],
  };
  const warning = 'warning: companies[0].idp: Contoso has the unsupported idp "okta"';

  it('links prints them and succeeds', async () => {
    const result = await runCli(['links', '--config', writeConfig('links-okta', okta)]);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${warning}, so its screen pops fail with unsupported_idp`);
    expect(result.stderr).toContain('use one of: azure_ad, on_prem, hybrid_no_sync');
  });

  it('resolve prints them on stderr only', async () => {
    const file = writeConfig('resolve-okta', okta);
    const args = ['resolve', '--config', file, '--company', '250', '--form', 'no_such_form'];

    const result = await runCli(args, { env: keychainEnv });

    expect(result.stderr).toContain(warning);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });

  it('serve prints them once', async () => {
    const stderr = await serveStderr(writeConfig('serve-okta', okta));

    expect(stderr.split(warning)).toHaveLength(2);
  });

  it('names the keychain service in the secret fix', async () => {
    const config = { ...baseConfig, psa: { ...baseConfig.psa, clientSecret: SECRET } };

    const result = await runCli(['links', '--config', writeConfig('links-secret', config)], {
      env: keychainEnv,
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `\`TOOLBOX_KEYCHAIN_SERVICE=${service} npm run toolbox -- secret set psa.clientSecret\``,
    );
    expect(result.stderr).not.toContain(SECRET);
  });
});
