import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../electron/core/config/load';
import { ToolboxError } from '../../electron/core/errors';

const FILE = '/etc/toolbox/config.json';
const examplePath = path.join(__dirname, '../../electron/core/config/config.example.json');

const validConfig = {
  psa: {
    type: 'connectwise',
    baseUrl: 'https://api-na.myconnectwise.net/v4_6_release/apis/3.0',
    companyId: 'contoso',
    publicKey: 'public',
    clientId: 'client',
  },
  companies: [{ psaCompanyId: '250', name: 'Contoso', rewstOrgId: 'org-1', idp: 'azure_ad' }],
};

// Fixtures are edited into invalid shapes on purpose, so they are untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseConfig = Record<string, any>;

function withChange(change: (config: LooseConfig) => void): string {
  const config: LooseConfig = structuredClone(validConfig);
  change(config);
  return JSON.stringify(config, null, 2);
}

function parseError(text: string): ToolboxError {
  try {
    parseConfig(text, FILE);
  } catch (error) {
    if (error instanceof ToolboxError) return error;
    throw error;
  }
  throw new Error('parseConfig accepted an invalid config');
}

describe('parseConfig', () => {
  it('fills defaults in a minimal config', () => {
    const config = parseConfig(JSON.stringify(validConfig), FILE);

    expect(config.listener).toEqual({ port: 17345, requireApiKey: false, popMode: 'redirect' });
    expect(config.rewst.baseUrl).toBe('https://app.rewst.io');
    expect(config.rewst.forms).toEqual({});
    expect(config.psa.type).toBe('connectwise');
    expect(config.psa).toMatchObject({ timeoutMs: 8000 });
    expect(config.graph).toBeUndefined();
  });

  it('accepts the documented example', () => {
    const config = parseConfig(readFileSync(examplePath, 'utf8'), examplePath);

    expect(config.psa.type).toBe('connectwise');
    expect(config.companies).toHaveLength(2);
    expect(config.rewst.forms.printer_issue?.directoryUser).toBe('none');
  });

  it('ignores $comment keys and a byte order mark', () => {
    const text = withChange((config) => {
      config.$comment = 'top';
      config.psa.$comment = 'nested';
    });
    const config = parseConfig(`\uFEFF${text}`, FILE);

    expect(config.psa.type).toBe('connectwise');
  });

  const badConfigs: Array<{ name: string; text: string; expected: string[] }> = [
    {
      name: 'missing psa section',
      text: '{}',
      expected: ['psa: missing — add a "psa" section; electron/core/config/config.example.json'],
    },
    {
      name: 'unknown psa type',
      text: withChange((config) => (config.psa.type = 'kaseya')),
      expected: ['psa.type: invalid value "kaseya" — use one of: connectwise, autotask, halo'],
    },
    {
      name: 'invalid enum value',
      text: withChange((config) => (config.listener = { popMode: 'tab' })),
      expected: ['listener.popMode: invalid value "tab" — use one of: redirect, open'],
    },
    {
      name: 'unknown key with a close match',
      text: withChange((config) => (config.psa.baseURL = 'https://x.example')),
      expected: [
        'psa.baseURL: unknown key — did you mean "baseUrl"? allowed keys in psa: type, baseUrl,',
      ],
    },
    {
      name: 'unknown top-level key',
      text: withChange((config) => (config.extra = true)),
      expected: [
        'extra: unknown key — remove it or correct its spelling; allowed keys in the top level',
      ],
    },
    {
      name: 'port written as a string',
      text: withChange((config) => (config.listener = { port: '17345' })),
      expected: ['listener.port: "17345" is not a number — write a number without quotes'],
    },
    {
      name: 'port with a decimal point',
      text: withChange((config) => (config.listener = { port: 17345.5 })),
      expected: [
        'listener.port: 17345.5 is not a whole number — write a whole number without quotes',
      ],
    },
    {
      name: 'missing boolean',
      text: withChange((config) => (config.tray = { notifications: null })),
      expected: ['tray.notifications: null is not true or false — write true or false'],
    },
    {
      name: 'port below 1024',
      text: withChange((config) => (config.listener = { port: 80 })),
      expected: ['listener.port: 80 is too small — use 1024 or more'],
    },
    {
      name: 'plain http PSA',
      text: withChange((config) => (config.psa.baseUrl = 'http://psa.example')),
      expected: ['psa.baseUrl: invalid value "http://psa.example" — must use https'],
    },
    {
      name: 'company field in an array',
      text: withChange((config) => (config.companies.push({ ...config.companies[0], name: '' }))),
      expected: ['companies[1].name: empty — must not be empty', 'companies[1].psaCompanyId'],
    },
    {
      name: 'common tenant',
      text: withChange((config) => (config.companies[0].tenantId = 'common')),
      expected: ['companies[0].tenantId: invalid value "common" — must name one tenant'],
    },
    {
      name: 'form name with a space',
      text: withChange((config) => (config.rewst = { forms: { 'a b': {} } })),
      expected: ['rewst.forms["a b"]: invalid key "a b" — form names use only letters'],
    },
    {
      name: 'array at the top level',
      text: '[]',
      expected: ['(top level): [] is not a JSON object — write a JSON object'],
    },
  ];

  it.each(badConfigs)('reports $name with path and fix', ({ text, expected }) => {
    const error = parseError(text);

    expect(error.code).toBe('config_invalid');
    expect(error.message).toContain(`Config file ${FILE} is invalid`);
    for (const line of expected) expect(error.message).toContain(line);
    expect(error.fix).toContain(FILE);
  });

  const secrets = [
    { key: 'privateKey', type: 'connectwise', name: 'psa.privateKey' },
    { key: 'secret', type: 'autotask', name: 'psa.secret' },
    { key: 'clientSecret', type: 'halo', name: 'psa.clientSecret' },
    { key: 'api_key', type: 'connectwise', name: 'psa.privateKey' },
  ];

  it.each(secrets)('sends psa.$key to the keychain as $name', ({ key, type, name }) => {
    const error = parseError(
      withChange((config) => {
        config.psa.type = type;
        config.psa[key] = 'value-that-must-not-leak';
      }),
    );

    expect(error.message).toContain(`psa.${key}: secrets must not be stored in the config file`);
    expect(error.message).toContain(`\`npm run toolbox -- secret set ${name}\``);
    expect(error.message).not.toContain('value-that-must-not-leak');
    expect(error.message).not.toContain(`psa.${key}: unknown key`);
  });

  it('finds secrets in other sections', () => {
    const error = parseError(
      withChange((config) => {
        config.graph = { clientId: 'app', clientSecret: 'x' };
        config.listener = { apiKey: 'y' };
        config.companies[0].password = 'z';
      }),
    );

    expect(error.message).toContain('secret set graph.clientSecret');
    expect(error.message).toContain('secret set listener.apiKey');
    expect(error.message).toContain('companies[0].password: secrets must not be stored');
  });

  it('allows prefill fields named like secrets', () => {
    const text = withChange((config) => {
      const prefill = { password: '{{ contact.email }}' };
      config.rewst = { forms: { reset: { formId: 'f', prefill } } };
    });

    expect(() => parseConfig(text, FILE)).not.toThrow();
  });

  const badJson = [
    { name: 'trailing comma', text: '{\n  "psa": {},\n}', line: 3, column: 1 },
    { name: 'bare word', text: '{\n  "psa": x\n}', line: 2, column: 10 },
    { name: 'cut-off file', text: '{\n  "psa": ', line: 2, column: 10 },
    { name: 'unquoted key', text: '{\n  psa: 1\n}', line: 2, column: 3 },
    { name: 'literal cut short', text: '{\n "a": tru }', line: 2, column: 10 },
  ];

  it.each(badJson)('reports $name with line and column', ({ text, line, column }) => {
    const error = parseError(text);

    expect(error.code).toBe('config_invalid');
    expect(error.message).toContain(`Config file ${FILE} is not valid JSON`);
    expect(error.message).toContain(`at line ${line}, column ${column}.`);
    expect(error.fix).toContain('no trailing commas');
  });

  it('names no zod type in messages', () => {
    const error = parseError(withChange((config) => (config.psa.timeoutMs = 1.5)));

    expect(error.message).toContain('psa.timeoutMs: 1.5 is not a whole number');
    expect(error.message).not.toMatch(/\bint\b|expected|of type/);
  });

  it('reports a common tenant once', () => {
    const error = parseError(withChange((config) => (config.companies[0].tenantId = 'common')));

    expect(error.message).toContain('(1 problem)');
    expect(error.message.match(/companies\[0\]\.tenantId/g)).toHaveLength(1);
  });

  it('leaves the text out of JSON errors', () => {
    const error = parseError('{"psa": {"privateKey": "hunter2" x}}');

    expect(error.message).not.toContain('hunter2');
  });
});

describe('loadConfig', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'toolbox-config-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reads a valid file', async () => {
    const file = path.join(folder, 'config.json');
    writeFileSync(file, JSON.stringify(validConfig));

    const { config, path: used } = await loadConfig(file);

    expect(used).toBe(file);
    expect(config.companies[0]?.psaCompanyId).toBe('250');
  });

  it('names a missing file and the example', async () => {
    const file = path.join(folder, 'absent.json');

    const error = await loadConfig(file).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ToolboxError);
    expect((error as ToolboxError).message).toBe(`No config file at ${file}.`);
    expect((error as ToolboxError).fix).toContain('electron/core/config/config.example.json');
    expect((error as ToolboxError).fix).toContain('--config');
  });

  it('names an unreadable path', async () => {
    const error = await loadConfig(folder).catch((caught: unknown) => caught);

    expect((error as ToolboxError).code).toBe('config_invalid');
    expect((error as ToolboxError).message).toContain(`${folder} cannot be read (EISDIR)`);
  });
});
