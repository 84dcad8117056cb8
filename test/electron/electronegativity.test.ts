import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { acceptedFindings, excludedChecks } from '../support/electronegativity-accepted';

const root = process.cwd();
const require = createRequire(import.meta.url);

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  manualReview: boolean;
}

interface ScanResult {
  issues: Finding[];
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
}

/**
 * Keeps electronegativity offline. On every run it downloads translations with `got` (its
 * i18n module), and no option turns that off, so `got` is replaced in its module cache by a
 * function that fails at once, as it would without a network. Its bundled English texts are
 * then used.
 */
function blockNetworkOfElectronegativity(): void {
  const i18nModule = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
  const gotPath = createRequire(i18nModule).resolve('got');
  const offline = () => Promise.reject(new Error('electronegativity runs offline in this test'));
  const stub = Object.assign(offline, { head: offline, default: offline });
  require.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: stub,
  } as NodeJS.Module;
}

/** Copies the Electron layer, the renderer source and package.json, which is what gets scanned. */
async function copySources(target: string): Promise<void> {
  const skip = (source: string) =>
    source.includes(`${path.sep}core${path.sep}`) || source.endsWith(`${path.sep}core`);
  await cp(path.join(root, 'electron'), path.join(target, 'electron'), {
    recursive: true,
    filter: (source) => !skip(source),
  });
  await cp(path.join(root, 'renderer'), path.join(target, 'renderer'), {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}dist`) && !source.includes('node_modules'),
  });
  await cp(path.join(root, 'package.json'), path.join(target, 'package.json'));
}

let scanDir: string;
let result: ScanResult;

beforeAll(async () => {
  scanDir = await mkdtemp(path.join(tmpdir(), 'toolbox-electronegativity-'));
  await copySources(scanDir);
  blockNetworkOfElectronegativity();
  const run = require('@doyensec/electronegativity/dist/runner.js') as (
    options: object,
    forCli: boolean,
  ) => Promise<ScanResult>;

  result = await run(
    {
      input: scanDir,
      customScan: [],
      excludeFromScan: excludedChecks,
      isRelative: true,
      isVerbose: false,
      electronVersionOverride: '45.6.1',
      parserPlugins: [],
    },
    false,
  );
}, 120_000);

afterAll(async () => {
  await rm(scanDir, { recursive: true, force: true });
});

describe('electronegativity on the source', () => {
  it('parses every file', () => {
    const failures = result.errors
      .filter((error) => !error.tolerable)
      .map((error) => `${error.file}: ${error.message}`);

    expect(failures).toEqual([]);
  });

  it('finds nothing that is not accepted', () => {
    const unexplained = result.issues
      .filter(
        (issue) =>
          !acceptedFindings.some(
            (accepted) => accepted.id === issue.id && accepted.file === issue.file,
          ),
      )
      .map(
        (issue) =>
          `${issue.id} at ${issue.file}:${issue.location.line}:${issue.location.column}: ${issue.description}`,
      );

    expect(unexplained).toEqual([]);
  });

  it('lists no accepted finding that is gone', () => {
    const stale = acceptedFindings.filter(
      (accepted) =>
        !result.issues.some((issue) => issue.id === accepted.id && issue.file === accepted.file),
    );

    expect(stale).toEqual([]);
  });
});
