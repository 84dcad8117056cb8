import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
interface Target {
  target: string;
}

/** The parts of the config the tests below read; the schema test checks the whole file. */
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  electronFuses: Record<string, boolean>;
  win: { icon: string; target: Target[] };
  mac: { target: Target[] };
  linux: { target: Target[] };
  nsis: { perMachine: boolean } & Record<string, unknown>;
  msi: { perMachine: boolean };
}

const config = load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const schema = JSON.parse(
  readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
);
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

function targetsOf(platform: { target: Target[] }): string[] {
  return platform.target.map((entry) => entry.target);
}

describe('electron-builder.yml', () => {
  it('matches the electron-builder schema', () => {
    // electron-builder's schema uses non-standard keywords (such as tsType), so strict mode is off.
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);

    const valid = validate(config);

    expect(validate.errors ?? [], ajv.errorsText(validate.errors, { separator: '\n' })).toEqual([]);
    expect(valid).toBe(true);
  });

  it('schema check rejects a misspelt key', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

    expect(validate({ ...config, nsis: { ...config.nsis, perMachin: true } })).toBe(false);
  });

  it('names the app', () => {
    expect(config.appId).toBe('com.technician-toolbox.app');
    expect(config.productName).toBe('Technician Toolbox');
    expect(packageJson.productName).toBe(config.productName);
  });

  it('sets every fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds NSIS per user and MSI per machine', () => {
    expect(targetsOf(config.win)).toEqual(['nsis', 'msi']);
    expect(config.nsis.perMachine).toBe(false);
    expect(config.msi.perMachine).toBe(true);
  });

  it('builds dmg, AppImage and deb', () => {
    expect(targetsOf(config.mac)).toEqual(['dmg']);
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb']);
  });

  it('packages the build output and the generated icons', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'dist/icons/**']),
    );
    expect(packageJson.main).toBe('dist/electron/main.js');
    expect(config.win.icon).toBe('dist/icons/app/icon.png');
  });

  it('keeps the Windows AppUserModelID in step with main', () => {
    const main = readFileSync(path.join(root, 'electron', 'main.ts'), 'utf8');

    expect(main).toContain(`APP_USER_MODEL_ID = '${config.appId}'`);
  });
});
