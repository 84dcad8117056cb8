import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configSchema, type ConfigInput } from '../../shared/config';
import { checkConfigText } from '../../electron/core/config/check';
import { formatIssueLine } from '../../electron/core/config/issues';
import { loadConfig } from '../../electron/core/config/load';
import { findConfigWarnings } from '../../electron/core/config/warnings';

const CLIENT_ID = '4f1d2c3b-5a6e-4b7c-8d9e-0a1b2c3d4e5f';

const validInput: ConfigInput = {
  psa: { type: 'halo', baseUrl: 'https://halo.example', clientId: 'client' },
  graph: { clientId: CLIENT_ID },
  companies: [
    { psaCompanyId: '250', name: 'Contoso', rewstOrgId: 'org-1', idp: 'azure_ad' },
    { psaCompanyId: '290', name: 'Wide World Importers', rewstOrgId: 'org-2', idp: 'on_prem' },
  ],
};

function warningsFor(change: (input: ConfigInput) => void): string[] {
  const input = structuredClone(validInput);
  change(input);
  return findConfigWarnings(configSchema.parse(input)).map(formatIssueLine);
}

describe('findConfigWarnings', () => {
  it('finds nothing in a complete config', () => {
    expect(warningsFor(() => undefined)).toEqual([]);
  });

  it('warns about a config without companies', () => {
    const warnings = warningsFor((input) => (input.companies = []));

    expect(warnings).toEqual([
      'companies: no company is mapped, so every screen pop fails with unknown_company — add ' +
        'one entry per PSA company with psaCompanyId, name, rewstOrgId and idp',
    ]);
  });

  it('names the company with an unsupported idp', () => {
    const warnings = warningsFor((input) => {
      if (input.companies?.[1]) input.companies[1].idp = 'okta';
    });

    expect(warnings).toEqual([
      'companies[1].idp: Wide World Importers has the unsupported idp "okta", so its screen pops ' +
        'fail with unsupported_idp — use one of: azure_ad, on_prem, hybrid_no_sync, ' +
        'on_prem_only, secure_cloud',
    ]);
  });

  it('warns about a client id that is no GUID', () => {
    const warnings = warningsFor((input) => (input.graph = { clientId: 'toolbox-app' }));

    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^graph\.clientId: "toolbox-app" is not a GUID, so Graph sign-in/);
    expect(warnings[0]).toContain('Application (client) ID');
  });

  it('accepts an upper-case GUID', () => {
    const upper = CLIENT_ID.toUpperCase();

    expect(warningsFor((input) => (input.graph = { clientId: upper }))).toEqual([]);
  });

  it('ignores the client id without a graph section', () => {
    expect(warningsFor((input) => delete input.graph)).toEqual([]);
  });
});

describe('config warnings in the loaders', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'toolbox-warnings-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('loadConfig returns the warnings', async () => {
    const file = path.join(folder, 'config.json');
    writeFileSync(file, JSON.stringify({ ...validInput, companies: [] }));

    const loaded = await loadConfig(file);

    expect(loaded.warnings.map((warning) => warning.path)).toEqual(['companies']);
  });

  it('checkConfigText lists warnings beside no problems', () => {
    const text = JSON.stringify({ ...validInput, graph: { clientId: 'x' } });

    const check = checkConfigText(text);

    expect(check.ok).toBe(true);
    expect(check.problems).toEqual([]);
    expect(check.warnings).toEqual([
      { path: 'graph.clientId', message: expect.stringMatching(/^"x" is not a GUID.* — use /) },
    ]);
  });

  it('checkConfigText has no warnings for an invalid config', () => {
    const check = checkConfigText(JSON.stringify({ companies: [] }));

    expect(check.ok).toBe(false);
    expect(check.warnings).toEqual([]);
  });
});
