import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../support/electron-stand-in'));
vi.mock('../../electron/app/logging', () => ({ setUpLogging: () => '/dev/null' }));

import { app, Menu, recorded } from '../support/electron-stand-in';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'toolbox-main-setup-'));
  vi.stubEnv('TOOLBOX_CONFIG', path.join(dir, 'missing.json'));
  app.getPath.mockImplementation((name: string) => path.join(dir, name));

  await import('../../electron/main');
  await vi.waitFor(() => expect(recorded.windows.length).toBeGreaterThan(0), { timeout: 10_000 });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

describe('electron/main without a config', () => {
  it('opens Settings', () => {
    expect(recorded.windows[0]?.loadURL).toHaveBeenCalledWith('app://toolbox/index.html#/settings');
  });

  it('removes the application menu before opening a window', () => {
    const menuRemoved = Menu.setApplicationMenu.mock.invocationCallOrder[0] ?? Infinity;
    const windowLoaded = recorded.windows[0]?.loadURL.mock.invocationCallOrder[0] ?? -Infinity;

    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(menuRemoved).toBeLessThan(windowLoaded);
  });

  it('shows needs setup in the tray', () => {
    const menu = recorded.trays[0]?.setContextMenu.mock.calls.at(-1)?.[0] as {
      template: MenuItemConstructorOptions[];
    };

    expect(menu.template[0]?.label).toMatch(/^Listener stopped: needs setup: No config file at/);
    expect(menu.template.some((item) => item.label === 'Set up…')).toBe(true);
    expect(recorded.trays[0]?.setToolTip).toHaveBeenLastCalledWith(
      expect.stringMatching(/needs setup/),
    );
  });
});
