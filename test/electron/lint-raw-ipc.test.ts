import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'parse-error');
}

describe('lint rule for raw IPC', () => {
  it.each([
    [
      'ipcMain outside electron/ipc',
      "import { ipcMain } from 'electron';\nvoid ipcMain;\n",
      'electron/tray/sample.ts',
    ],
    [
      'ipcRenderer outside the preload',
      "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n",
      'electron/windows/sample.ts',
    ],
    [
      'contextBridge in the renderer',
      "import { contextBridge } from 'electron';\nvoid contextBridge;\n",
      'renderer/src/sample.tsx',
    ],
    [
      'ipcMain from electron/main',
      "import { ipcMain } from 'electron/main';\nvoid ipcMain;\n",
      'electron/app/sample.ts',
    ],
    [
      'ipcRenderer in electron/ipc',
      "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n",
      'electron/ipc/sample.ts',
    ],
    [
      'ipcMain in the preload',
      "import { ipcMain } from 'electron';\nvoid ipcMain;\n",
      'electron/preload.ts',
    ],
  ])('rejects %s', async (_case, code, file) => {
    expect(await ruleIds(code, file)).toContain('no-restricted-imports');
  });

  it('rejects a namespace import of electron', async () => {
    expect(
      await ruleIds(
        "import * as electron from 'electron';\nvoid electron;\n",
        'electron/app/sample.ts',
      ),
    ).toContain('no-restricted-syntax');
  });

  it('allows ipcMain in electron/ipc', async () => {
    expect(
      await ruleIds(
        "import { ipcMain } from 'electron';\nvoid ipcMain;\n",
        'electron/ipc/sample.ts',
      ),
    ).toEqual([]);
  });

  it('allows the bridge in the preload', async () => {
    const code =
      "import { contextBridge, ipcRenderer } from 'electron';\nvoid contextBridge;\nvoid ipcRenderer;\n";
    expect(await ruleIds(code, 'electron/preload.ts')).toEqual([]);
  });

  it('allows other Electron modules elsewhere', async () => {
    expect(
      await ruleIds(
        "import { app, shell } from 'electron';\nvoid app;\nvoid shell;\n",
        'electron/app/sample.ts',
      ),
    ).toEqual([]);
  });

  it('keeps electron out of the core', async () => {
    expect(
      await ruleIds("import { app } from 'electron';\nvoid app;\n", 'electron/core/sample.ts'),
    ).toContain('no-restricted-imports');
  });
});
