import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createConfigFile } from '../../electron/app/config-file';
import type { Config } from '../../shared/config';

const validConfig = {
  psa: {
    type: 'connectwise',
    baseUrl: 'https://api-na.myconnectwise.net/v4_6_release/apis/3.0',
    companyId: 'msp',
    publicKey: 'pub',
    clientId: 'cid',
  },
};

let dir: string;
let file: string;
let onSaved: ReturnType<typeof vi.fn<(config: Config) => Promise<void>>>;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'toolbox-config-file-'));
  file = path.join(dir, 'config.json');
  onSaved = vi.fn<(config: Config) => Promise<void>>(async () => undefined);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function configFile() {
  return createConfigFile({
    path: file,
    onSaved,
    log: { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() },
  });
}

describe('createConfigFile', () => {
  it('offers the example when no file exists', async () => {
    const { path: shown, text } = await configFile().read();

    expect(shown).toBe(file);
    expect(JSON.parse(text).$comment).toMatch(/Example Technician Toolbox config/);
  });

  it('reads the saved text as it is', async () => {
    await writeFile(file, '{ "psa": {} }\n');

    expect((await configFile().read()).text).toBe('{ "psa": {} }\n');
  });

  it('reports schema issues as path and message', () => {
    const result = configFile().check('{}');

    expect(result.ok).toBe(false);
    expect(result.issues).toContainEqual({
      path: 'psa',
      message: expect.stringMatching(/^missing — add a "psa" section/),
    });
  });

  it('reports a JSON syntax error with its position', () => {
    const result = configFile().check('{\n  "psa": ,\n}');

    expect(result.issues[0]?.path).toBe('line 2, column 10');
  });

  it('reports a secret written into the file', () => {
    const text = JSON.stringify({
      ...validConfig,
      psa: { ...validConfig.psa, privateKey: 'oops' },
    });

    expect(configFile().check(text).issues).toContainEqual({
      path: 'psa.privateKey',
      message: expect.stringMatching(/secrets must not be stored in the config file/),
    });
  });

  it('reports a form without a form id', () => {
    const text = JSON.stringify({
      ...validConfig,
      rewst: { forms: { printer_issue: { label: 'Printer' } } },
    });

    expect(configFile().check(text).issues).toContainEqual({
      path: 'rewst.forms.printer_issue.formId',
      message: expect.stringMatching(/^missing/),
    });
  });

  it('returns warnings of a valid config', () => {
    const companies = [{ psaCompanyId: '250', name: 'Contoso', rewstOrgId: 'org', idp: 'okta' }];
    const text = JSON.stringify({ ...validConfig, companies });

    const result = configFile().check(text);

    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([
      {
        path: 'companies[0].idp',
        message: expect.stringMatching(/^Contoso has the unsupported idp "okta".* — use one of/),
      },
    ]);
  });

  it('saves a valid config and applies it', async () => {
    const text = JSON.stringify(validConfig, null, 2);

    expect(await configFile().save(text)).toEqual({
      ok: true,
      issues: [],
      warnings: [{ path: 'companies', message: expect.stringMatching(/^no company is mapped/) }],
    });
    expect(await readFile(file, 'utf8')).toBe(`${text}\n`);
    expect(onSaved).toHaveBeenCalledWith(
      expect.objectContaining({ psa: expect.objectContaining({ type: 'connectwise' }) }),
    );
  });

  it('does not save an invalid config', async () => {
    await writeFile(file, 'previous');

    const result = await configFile().save('{}');

    expect(result.ok).toBe(false);
    expect(await readFile(file, 'utf8')).toBe('previous');
    expect(onSaved).not.toHaveBeenCalled();
  });
});
