import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findElectronBinary } from '../../electron/build/electron-binary';
import { isBuildStale } from '../../electron/build/freshness';
import { createKeytarStore } from '../../electron/core/secrets/keytar-store';
import type { SecretName } from '../../electron/core/secrets/names';
import type { E2eHooks, MenuSnapshot } from '../../electron/testing/e2e-hooks';
import { httpRequest } from '../support/http-request';
import { startStandIns, type StandIns } from '../support/stand-ins';
import { hasXvfb, startXvfb, type VirtualDisplay } from '../support/xvfb';

const root = process.cwd();
const binary = findElectronBinary();
const hasDisplay = Boolean(process.env.DISPLAY) || hasXvfb();
const skipReason = !binary
  ? 'no Electron binary (set ELECTRON_OVERRIDE_DIST_PATH, or run `npx install-electron` where GitHub is reachable)'
  : !hasDisplay
    ? 'no display and no Xvfb to start one (install the xvfb package)'
    : undefined;

if (skipReason) console.log(`Electron e2e test skipped: ${skipReason}.`);

const KEYCHAIN_SERVICE = `technician-toolbox-e2e-${process.pid}`;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function hooks(app: ElectronApplication) {
  type Global = typeof globalThis & { __toolboxE2e: E2eHooks };
  return {
    menu: () => app.evaluate(() => (globalThis as Global).__toolboxE2e.menu()),
    click: (labels: string[]) =>
      app.evaluate(
        (_electron, path) => (globalThis as Global).__toolboxE2e.clickMenuItem(path),
        labels,
      ),
    openedLinks: () => app.evaluate(() => (globalThis as Global).__toolboxE2e.openedLinks()),
  };
}

function submenuOf(menu: MenuSnapshot[], label: string): MenuSnapshot[] {
  return menu.find((item) => item.label === label)?.submenu ?? [];
}

async function waitFor<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 20_000;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
}

describe('Electron app end to end', () => {
  let standIns: StandIns;
  let dir: string;
  let display: VirtualDisplay | undefined;
  let app: ElectronApplication;
  let port: number;

  beforeAll(async () => {
    if (skipReason) return;
    if (isBuildStale(root)) {
      const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
      if (build.status !== 0) throw new Error('npm run build failed before the Electron e2e test.');
    }

    standIns = await startStandIns();
    dir = await mkdtemp(path.join(tmpdir(), 'toolbox-e2e-'));
    port = await freePort();
    // Electron's net.fetch trusts the OS certificate store, not NODE_EXTRA_CA_CERTS, so the HTTPS
    // identity stand-in is left out: the forms used here need no directory user.
    const config = {
      ...standIns.configInput,
      graph: undefined,
      listener: { port, requireApiKey: false, popMode: 'redirect' as const },
    };
    await writeFile(path.join(dir, 'config.json'), JSON.stringify(config));
    const keychain = createKeytarStore({ service: KEYCHAIN_SERVICE });
    for (const [name, value] of Object.entries(standIns.secrets)) {
      if (value) await keychain.set(name as SecretName, value);
    }

    display = process.env.DISPLAY ? undefined : await startXvfb();
    app = await _electron.launch({
      executablePath: binary as string,
      // As root, Chromium's SUID sandbox cannot start, so the test turns it off there only.
      args: [root, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: {
        ...process.env,
        DISPLAY: display?.display ?? process.env.DISPLAY ?? '',
        XDG_CONFIG_HOME: path.join(dir, 'xdg'),
        TOOLBOX_CONFIG: path.join(dir, 'config.json'),
        TOOLBOX_KEYCHAIN_SERVICE: KEYCHAIN_SERVICE,
        TOOLBOX_E2E_HOOKS: '1',
      },
    });
  }, 180_000);

  afterAll(async () => {
    if (skipReason) return;
    await app?.close();
    display?.stop();
    const keychain = createKeytarStore({ service: KEYCHAIN_SERVICE });
    for (const name of Object.keys(standIns?.secrets ?? {}))
      await keychain.delete(name as SecretName).catch(() => false);
    await standIns?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(skipReason)(
    `pops, lists the ticket and reopens a form${skipReason ? ` (skipped: ${skipReason})` : ''}`,
    async () => {
      const { menu, click, openedLinks } = hooks(app);
      await waitFor(
        menu,
        (items) => Boolean(items[0]?.label?.startsWith('Ready')),
        'the listener to be ready',
      );

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

      const recent = await waitFor(
        async () => submenuOf(await menu(), 'Recent tickets'),
        (items) => Boolean(items[0]?.label?.startsWith('#5001')),
        'the ticket in Recent tickets',
      );
      const ticketLabel = recent[0]!.label!;
      expect(ticketLabel).toMatch(/^#5001 · .+ · Contoso$/);

      await click(['Recent tickets', ticketLabel, 'User offboarding']);
      const links = await waitFor(
        openedLinks,
        (opened) => opened.length > 0,
        'the reopened form link',
      );
      expect(links[0]).toMatch(new RegExp(`^${standIns.rewst.baseUrl}/form/f-user-offboarding\\?`));
    },
  );
});
