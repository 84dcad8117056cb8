import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { startStandIns, type StandIns } from '../support/stand-ins';

vi.mock('electron', () => import('../support/electron-stand-in'));
vi.mock('../../electron/app/logging', () => ({ setUpLogging: () => '/dev/null' }));

import { app, Menu, recorded } from '../support/electron-stand-in';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function firstMenuLabel(): string {
  const menu = recorded.trays[0]?.setContextMenu.mock.calls.at(-1)?.[0] as
    { template: MenuItemConstructorOptions[] } | undefined;
  return String(menu?.template[0]?.label);
}

let standIns: StandIns;
let dir: string;
let launchPort: number;
const originalArgv = process.argv;

beforeAll(async () => {
  standIns = await startStandIns();
  dir = await mkdtemp(path.join(tmpdir(), 'toolbox-main-launch-'));
  launchPort = await freePort();
  const configPort = await freePort();
  await writeFile(
    path.join(dir, 'chosen.json'),
    JSON.stringify({ ...standIns.configInput, graph: undefined, listener: { port: configPort } }),
  );

  // TOOLBOX_CONFIG names a missing file, so only --config can make the listener start.
  vi.stubEnv('TOOLBOX_CONFIG', path.join(dir, 'missing.json'));
  // An installed app must ignore the e2e hooks' variable.
  vi.stubEnv('TOOLBOX_E2E_HOOKS', '1');
  app.isPackaged = true;
  app.getPath.mockImplementation((name: string) => path.join(dir, name));
  process.argv = [
    '/opt/electron/electron',
    '--no-sandbox',
    '/repo',
    '--config',
    path.join(dir, 'chosen.json'),
    `--port=${launchPort}`,
    '--remote-debugging-port=0',
  ];

  await import('../../electron/main');
  await vi.waitFor(() => expect(firstMenuLabel()).toMatch(/^Ready/), { timeout: 10_000 });
});

afterAll(async () => {
  process.argv = originalArgv;
  app.isPackaged = false;
  app.emit('before-quit', { preventDefault: vi.fn() });
  await vi.waitFor(() => expect(app.quit).toHaveBeenCalled(), { timeout: 10_000 });
  vi.unstubAllEnvs();
  await standIns.close();
  await rm(dir, { recursive: true, force: true });
});

describe('electron/main launch options in a packaged app', () => {
  it('uses the --config file and --port', () => {
    expect(firstMenuLabel()).toBe(`Ready: screen pops go to http://127.0.0.1:${launchPort}`);
  });

  it('removes the default application menu', () => {
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
  });

  it('installs no e2e hooks', () => {
    expect((globalThis as { __toolboxE2e?: unknown }).__toolboxE2e).toBeUndefined();
  });
});
