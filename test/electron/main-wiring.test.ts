import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { SecretName } from '../../electron/core/secrets/names';
import { ipcChannels } from '../../shared/ipc';
import { httpRequest } from '../support/http-request';
import { createMemorySecretStore } from '../support/memory-secrets';
import { startStandIns, type StandIns } from '../support/stand-ins';

vi.mock('electron', () => import('../support/electron-stand-in'));
// Logging would write to the OS log folder and catch the test worker's own errors.
vi.mock('../../electron/app/logging', () => ({ setUpLogging: () => '/dev/null' }));
const secrets = createMemorySecretStore();
vi.mock('../../electron/core/secrets/keytar-store', () => ({ createKeytarStore: () => secrets }));

import { app, net, recorded, shell } from '../support/electron-stand-in';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function lastMenu(): MenuItemConstructorOptions[] {
  const menu = recorded.trays[0]?.setContextMenu.mock.calls.at(-1)?.[0] as
    { template: MenuItemConstructorOptions[] } | undefined;
  return menu?.template ?? [];
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  await vi.waitFor(
    () => {
      if (!check()) throw new Error(`still waiting for ${what}`);
    },
    { timeout: 10_000, interval: 50 },
  );
}

let standIns: StandIns;
let dir: string;
let port: number;

beforeAll(async () => {
  standIns = await startStandIns();
  for (const [name, value] of Object.entries(standIns.secrets)) {
    if (value) await secrets.set(name as SecretName, value);
  }
  dir = await mkdtemp(path.join(tmpdir(), 'toolbox-main-'));
  port = await freePort();
  // Without graph: the forms used here need no directory user.
  await writeFile(
    path.join(dir, 'config.json'),
    JSON.stringify({ ...standIns.configInput, graph: undefined, listener: { port } }),
  );

  vi.stubEnv('TOOLBOX_CONFIG', path.join(dir, 'config.json'));
  app.getPath.mockImplementation((name: string) => path.join(dir, name));
  net.fetch.mockImplementation((url: string, init?: RequestInit) => fetch(url, init));

  await import('../../electron/main');
  await waitFor(() => String(lastMenu()[0]?.label).startsWith('Ready'), 'the listener to be ready');
});

afterAll(async () => {
  app.emit('before-quit', { preventDefault: vi.fn() });
  await waitFor(() => app.quit.mock.calls.length > 0, 'the app to quit');
  vi.unstubAllEnvs();
  await standIns.close();
  await rm(dir, { recursive: true, force: true });
});

describe('electron/main wiring', () => {
  it('registers the scheme and takes the single-instance lock', () => {
    expect(recorded.privilegedSchemes).toHaveLength(1);
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
  });

  it('registers every IPC channel and the renderer protocol', () => {
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual(Object.keys(ipcChannels).sort());
    expect(recorded.protocolHandlers.has('app')).toBe(true);
  });

  it('shows the listener URL in the tray', () => {
    expect(lastMenu()[0]?.label).toBe(`Ready: screen pops go to http://127.0.0.1:${port}`);
    expect(recorded.trays[0]?.setToolTip).toHaveBeenLastCalledWith(
      `Technician Toolbox: Ready: screen pops go to http://127.0.0.1:${port}`,
    );
  });

  it('records a pop in the tray menu and notifies', async () => {
    const query = new URLSearchParams({
      ticket_id: '5001',
      company_id: '250',
      contact_id: '101',
      form_name: 'user_onboarding',
    });
    const response = await httpRequest(port, {
      path: `/pop?${query}`,
      headers: { Accept: 'application/json' },
    });

    expect(JSON.parse(response.body).ok).toBe(true);
    await waitFor(() => recorded.notifications.length === 1, 'the notification');
    const recent = lastMenu().find((item) => item.label === 'Recent tickets')
      ?.submenu as MenuItemConstructorOptions[];
    expect(recent[0]?.label).toMatch(/^#5001 · .+ · Contoso$/);
    expect(recorded.notifications[0]?.options.title).toBe('Opened User onboarding');
    expect(net.fetch).toHaveBeenCalled();
  });

  it('reopens another form from the menu through openExternal', async () => {
    const recent = lastMenu().find((item) => item.label === 'Recent tickets')
      ?.submenu as MenuItemConstructorOptions[];
    const forms = recent[0]?.submenu as MenuItemConstructorOptions[];
    const offboarding = forms.find((item) => item.label === 'User offboarding');

    (offboarding?.click as unknown as () => void)();

    await waitFor(() => shell.openExternal.mock.calls.length === 1, 'openExternal');
    expect(shell.openExternal.mock.calls[0]?.[0]).toMatch(
      new RegExp(`^${standIns.rewst.baseUrl}/form/f-user-offboarding\\?`),
    );
  });

  it('opens a details window when a notification is clicked', () => {
    recorded.notifications[0]?.emit('click');

    expect(recorded.windows.at(-1)?.loadURL.mock.calls[0]?.[0]).toMatch(
      /^app:\/\/toolbox\/index\.html#\/details\//,
    );
  });

  it('shows the window on a second launch', () => {
    const before = recorded.windows.at(-1)!;

    app.emit('second-instance');

    expect(before.webContents.send).toHaveBeenCalledWith('view:show', { view: 'recent' });
  });
});
