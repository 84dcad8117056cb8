import { inflateSync } from 'node:zlib';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../support/electron-stand-in'));

import type { Runtime } from '../../electron/app/runtime';
import { makeIcons } from '../../electron/build/icons/make-icons';
import { trayIconFileName, trayIconStates, trayIconVariants } from '../../electron/tray/icon-files';
import { createTrayController } from '../../electron/tray/tray-controller';
import type { ListenerStatus } from '../../shared/ipc';
import {
  nativeImage,
  nativeTheme,
  recorded,
  resetElectronStandIn,
} from '../support/electron-stand-in';
import { openedEntry } from '../support/history-entries';

function quietLog() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
}

function fakeRuntime(status: ListenerStatus): Runtime {
  return {
    status: () => status,
    needsSetup: () => false,
    paused: () => false,
    history: () => [openedEntry()],
    forms: () => [{ name: 'password_reset', label: 'Password reset' }],
  } as unknown as Runtime;
}

function controller(status: ListenerStatus, platform: NodeJS.Platform = 'linux') {
  const loginItem = {
    isEnabled: vi.fn(async () => false),
    setEnabled: vi.fn(async () => undefined),
  };
  const onClick = vi.fn();
  const actions = {
    reopen: vi.fn(),
    copyLink: vi.fn(),
    showDetails: vi.fn(),
    openApp: vi.fn(),
    openSettings: vi.fn(),
    pause: vi.fn(),
    resume: vi.fn(),
    viewLogs: vi.fn(),
    quit: vi.fn(),
  };
  const tray = createTrayController({
    iconDir: '/icons',
    runtime: fakeRuntime(status),
    loginItem,
    actions,
    onClick,
    log: quietLog(),
    platform,
  });
  return { tray, loginItem, onClick, fakeTray: recorded.trays[0]! };
}

beforeEach(() => {
  resetElectronStandIn();
});

describe('createTrayController', () => {
  it('sets icon, tooltip and menu from the status', () => {
    const { fakeTray } = controller({ state: 'failed', port: 17345, message: 'PSA down' });

    expect(nativeImage.createFromPath).toHaveBeenLastCalledWith('/icons/tray-failed-light.png');
    expect(fakeTray.setToolTip).toHaveBeenLastCalledWith(
      'Technician Toolbox: Last screen pop failed: PSA down',
    );
    expect(fakeTray.setContextMenu).toHaveBeenCalled();
  });

  it('builds and sets a new menu on every refresh', () => {
    const { tray, fakeTray } = controller({ state: 'ready', port: 17345 });
    const before = fakeTray.setContextMenu.mock.calls.length;

    tray.refresh();

    expect(fakeTray.setContextMenu.mock.calls.length).toBe(before + 1);
    const lastMenu = fakeTray.setContextMenu.mock.calls.at(-1)?.[0] as {
      template: MenuItemConstructorOptions[];
    };
    expect(lastMenu).toBe(recorded.menus.at(-1));
    const recent = lastMenu.template.find((item) => item.label === 'Recent tickets');
    expect((recent?.submenu as MenuItemConstructorOptions[])[0]?.label).toBe(
      '#48213 · Jane Doe · Contoso',
    );
  });

  it('uses the dark variant on a dark theme', () => {
    const { tray } = controller({ state: 'ready', port: 17345 });

    nativeTheme.shouldUseDarkColors = true;
    nativeTheme.emit('updated');
    tray.refresh();

    expect(nativeImage.createFromPath).toHaveBeenLastCalledWith('/icons/tray-ready-dark.png');
  });

  it('uses template images and a right-click menu on macOS', () => {
    const { fakeTray } = controller({ state: 'stopped', port: 17345 }, 'darwin');

    expect(nativeImage.createFromPath).toHaveBeenLastCalledWith('/icons/tray-stoppedTemplate.png');
    const image = nativeImage.createFromPath.mock.results.at(-1)?.value as {
      setTemplateImage: ReturnType<typeof vi.fn>;
    };
    expect(image.setTemplateImage).toHaveBeenCalledWith(true);
    expect(fakeTray.setContextMenu).not.toHaveBeenCalled();

    fakeTray.emit('right-click');
    expect(fakeTray.popUpContextMenu).toHaveBeenCalled();
  });

  it('passes a left click with the bounds', () => {
    const { fakeTray, onClick } = controller({ state: 'ready', port: 17345 });

    fakeTray.emit('click', {}, { x: 1, y: 2, width: 3, height: 4 });

    expect(onClick).toHaveBeenCalledWith({ x: 1, y: 2, width: 3, height: 4 });
  });

  it('turns start at login on through the login item', async () => {
    const { tray, loginItem } = controller({ state: 'ready', port: 17345 });
    loginItem.isEnabled.mockResolvedValue(true);
    const checkbox = tray.menuTemplate().find((item) => item.label === 'Start at login')!;

    (checkbox.click as unknown as (item: { checked: boolean }) => void)({ checked: true });

    await vi.waitFor(() =>
      expect(tray.menuTemplate().find((item) => item.label === 'Start at login')?.checked).toBe(
        true,
      ),
    );
    expect(loginItem.setEnabled).toHaveBeenCalledWith(true);
  });
});

describe('makeIcons', () => {
  it('draws every tray state and variant as a valid PNG', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'toolbox-icons-'));
    try {
      const written = await makeIcons(dir);

      expect(written).toHaveLength(trayIconStates.length * trayIconVariants.length * 2 + 9);
      for (const [file, size] of [
        [trayIconFileName('failed', 'template', 1), 16],
        [trayIconFileName('working', 'dark', 2), 32],
        [path.join('app', 'icon.png'), 1024],
      ] as const) {
        const png = await readFile(path.join(dir, file));
        expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
        expect(png.readUInt32BE(16)).toBe(size);
        expect(png.readUInt32BE(20)).toBe(size);
        const idatLength = png.readUInt32BE(33);
        const pixels = inflateSync(png.subarray(41, 41 + idatLength));
        expect(pixels.length).toBe((size * 4 + 1) * size);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
