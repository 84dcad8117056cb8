import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../support/electron-stand-in'));

import { createLoginItem } from '../../electron/shell/login-item';
import {
  AUTOSTART_FILE_NAME,
  buildAutostartEntry,
  quoteExecArgument,
} from '../../electron/shell/xdg-autostart';
import { app, resetElectronStandIn } from '../support/electron-stand-in';

let home: string;

beforeEach(async () => {
  resetElectronStandIn();
  app.isPackaged = true;
  home = await mkdtemp(path.join(tmpdir(), 'toolbox-login-item-'));
});

afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('login item on Linux', () => {
  function linuxItem(env: NodeJS.ProcessEnv = {}) {
    return createLoginItem({
      platform: 'linux',
      env,
      homeDir: home,
      execPath: '/opt/Technician Toolbox/toolbox',
    });
  }
  const entryPath = () => path.join(home, '.config', 'autostart', AUTOSTART_FILE_NAME);

  it('starts disabled', async () => {
    expect(await linuxItem().isEnabled()).toBe(false);
  });

  it('writes an XDG autostart entry', async () => {
    await linuxItem().setEnabled(true);

    const text = await readFile(entryPath(), 'utf8');
    expect(text).toMatch(/^\[Desktop Entry\]\n/);
    expect(text).toContain('Type=Application\n');
    expect(text).toContain('Exec="/opt/Technician Toolbox/toolbox"\n');
    expect(await linuxItem().isEnabled()).toBe(true);
  });

  it('removes the entry when disabled', async () => {
    await linuxItem().setEnabled(true);
    await linuxItem().setEnabled(false);

    await expect(stat(entryPath())).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await linuxItem().isEnabled()).toBe(false);
  });

  it('disables twice without error', async () => {
    await expect(linuxItem().setEnabled(false)).resolves.toBeUndefined();
  });

  it('uses XDG_CONFIG_HOME', async () => {
    const configHome = path.join(home, 'xdg');
    await linuxItem({ XDG_CONFIG_HOME: configHome }).setEnabled(true);

    await expect(
      stat(path.join(configHome, 'autostart', AUTOSTART_FILE_NAME)),
    ).resolves.toBeTruthy();
  });

  it('names the AppImage file instead of its mount', async () => {
    await linuxItem({ APPIMAGE: '/home/tech/Apps/Technician-Toolbox.AppImage' }).setEnabled(true);

    expect(await readFile(entryPath(), 'utf8')).toContain(
      'Exec=/home/tech/Apps/Technician-Toolbox.AppImage\n',
    );
  });

  it('adds the app folder when unpackaged', async () => {
    app.isPackaged = false;
    await linuxItem().setEnabled(true);

    expect(await readFile(entryPath(), 'utf8')).toContain(
      'Exec="/opt/Technician Toolbox/toolbox" /app\n',
    );
  });

  it('treats Hidden=true as disabled', async () => {
    const { writeFile, mkdir } = await import('node:fs/promises');
    await mkdir(path.dirname(entryPath()), { recursive: true });
    await writeFile(entryPath(), `${buildAutostartEntry(['/x'])}Hidden=true\n`);

    expect(await linuxItem().isEnabled()).toBe(false);
  });

  it('never calls the Electron login item API', async () => {
    await linuxItem().setEnabled(true);
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });
});

describe('quoteExecArgument', () => {
  it.each([
    ['/usr/bin/toolbox', '/usr/bin/toolbox'],
    ['/opt/My App/toolbox', '"/opt/My App/toolbox"'],
    ['/opt/a"b', '"/opt/a\\"b"'],
    ['/opt/$HOME/x', '"/opt/\\$HOME/x"'],
    ['/opt/back\\slash', '"/opt/back\\\\slash"'],
    ['/opt/100%', '/opt/100%%'],
  ])('quotes %s', (argument, quoted) => {
    expect(quoteExecArgument(argument)).toBe(quoted);
  });
});

describe('login item on Windows and macOS', () => {
  it.each(['win32', 'darwin'] as const)('uses setLoginItemSettings on %s', async (platform) => {
    const item = createLoginItem({ platform, execPath: 'C:\\Apps\\toolbox.exe', homeDir: home });

    await item.setEnabled(true);

    expect(app.setLoginItemSettings).toHaveBeenCalledWith({
      openAtLogin: true,
      path: 'C:\\Apps\\toolbox.exe',
      args: [],
    });
    expect(await item.isEnabled()).toBe(true);
    await item.setEnabled(false);
    expect(await item.isEnabled()).toBe(false);
  });
});
