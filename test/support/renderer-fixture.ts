import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { HistoryEntry } from '../../shared/history';
import type { ListenerStatus } from '../../shared/ipc';
import { createToolbox } from '../../electron/core/app';
import { launchChromium } from './chromium';
import { createMemorySecretStore } from './memory-secrets';
import { FIXED_NOW } from './renderer-history';
import { buildRenderer, removeBuild, serveDirectory, type StaticServer } from './renderer-build';
import { openRendererPage, type RendererPage, type RendererPageOptions } from './renderer-page';
import { startStandIns, type StandIns } from './stand-ins';
import { ToolboxApiDouble } from './toolbox-api-double';
import { configText } from './toolbox-double-config';

export const SCREENSHOT_DIR = 'test-results/screenshots';

export interface DoubleOptions {
  history?: HistoryEntry[];
  listenerState?: ListenerStatus['state'];
}

/** A built renderer on a loopback server, the core over stand-ins, and Chromium. */
export interface RendererFixture {
  standIns: StandIns;
  /** The Rewst base URL of the stand-in config; history links must use it to be opened. */
  rewstBaseUrl: string;
  /** A fresh double with the stand-in config and secrets, resolving pops with the real core. */
  createDouble(options?: DoubleOptions): ToolboxApiDouble;
  open(double: ToolboxApiDouble, options?: RendererPageOptions): Promise<RendererPage>;
  close(): Promise<void>;
}

/** Starts everything a renderer test file needs; call once in beforeAll. */
export async function startRendererFixture(): Promise<RendererFixture> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const buildDir = await buildRenderer();
  const server: StaticServer = await serveDirectory(buildDir);
  const standIns = await startStandIns();
  const core = createToolbox({
    config: standIns.config,
    secrets: createMemorySecretStore(standIns.secrets),
  });
  const browser: Browser = await launchChromium();
  const pages = new Set<RendererPage>();

  return {
    standIns,
    rewstBaseUrl: standIns.config.rewst.baseUrl,
    createDouble: (options = {}) =>
      new ToolboxApiDouble({
        history: options.history ?? [],
        configText: configText(standIns.configInput),
        secrets: standIns.secrets,
        resolvePop: (query) => core.resolvePop(query),
        listenerState: options.listenerState,
        now: () => new Date(FIXED_NOW),
      }),
    open: async (double, options) => {
      const page = await openRendererPage(browser, server.url, double, options);
      pages.add(page);
      return page;
    },
    close: async () => {
      await Promise.all([...pages].map((page) => page.close().catch(() => undefined)));
      await browser.close();
      await standIns.close();
      await server.close();
      removeBuild(buildDir);
    },
  };
}
