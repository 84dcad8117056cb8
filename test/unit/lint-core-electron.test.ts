import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'parse-error');
}

describe('lint rule for the Electron-free core', () => {
  it('rejects electron in electron/core', async () => {
    expect(await ruleIds("import { app } from 'electron';\nvoid app;\n", 'electron/core/sample.ts')).toContain(
      'no-restricted-imports',
    );
  });

  it('rejects electron subpaths in shared', async () => {
    expect(await ruleIds("import x from 'electron/main';\nvoid x;\n", 'shared/sample.ts')).toContain(
      'no-restricted-imports',
    );
  });

  it('allows electron-log/node in the core', async () => {
    expect(await ruleIds("import log from 'electron-log/node';\nvoid log;\n", 'electron/core/sample.ts')).toEqual([]);
  });
});
