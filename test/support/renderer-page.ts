import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ipcEvents, type IpcEvent } from '../../shared/ipc';
import { FIXED_NOW } from './renderer-history';
import type { ToolboxApiDouble } from './toolbox-api-double';

export type Theme = 'light' | 'dark';
/** Device scale factor in percent, as Windows' display settings name it. */
export type Scale = 100 | 150;

export interface RendererPageOptions {
  /** Location hash that picks the view, e.g. '#/popover' or '#/details/h-1'. */
  hash?: string;
  theme?: Theme;
  scale?: Scale;
  viewport?: { width: number; height: number };
}

export interface RendererPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught exceptions and CSP violations seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/** Popover-sized and main-window-sized viewports, in CSS pixels. */
export const POPOVER_VIEWPORT = { width: 380, height: 520 };
export const WINDOW_VIEWPORT = { width: 960, height: 720 };

interface BridgeWindow {
  toolbox: unknown;
  toolboxInvoke(channel: string, request: unknown): Promise<unknown>;
  toolboxEmit(event: string, payload: unknown): void;
}

/**
 * Runs in the page before its scripts and plays the preload script's part: `window.toolbox`
 * forwards each invoke to the double through an exposed binding, and `toolboxEmit` delivers
 * the double's events to the subscribed listeners.
 */
function installBridge(): void {
  const bridge = window as unknown as BridgeWindow;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  bridge.toolboxEmit = (event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  bridge.toolbox = Object.freeze({
    invoke: (channel: string, request: unknown) => bridge.toolboxInvoke(channel, request),
    on: (event: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  });
  document.addEventListener('securitypolicyviolation', (violation) => {
    console.error(`CSP violation: ${violation.violatedDirective} blocked ${violation.blockedURI}`);
  });
}

/**
 * Opens the built renderer from `baseUrl` in a new context with `double` as main: the page's
 * clock is frozen at FIXED_NOW, in English and UTC, so times and screenshots are stable.
 */
export async function openRendererPage(
  browser: Browser,
  baseUrl: string,
  double: ToolboxApiDouble,
  options: RendererPageOptions = {},
): Promise<RendererPage> {
  const context = await browser.newContext({
    colorScheme: options.theme ?? 'light',
    deviceScaleFactor: (options.scale ?? 100) / 100,
    viewport: options.viewport ?? WINDOW_VIEWPORT,
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  await context.clock.setFixedTime(FIXED_NOW);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  await page.exposeFunction('toolboxInvoke', (channel: string, request: unknown) =>
    double.invoke(channel as never, request as never),
  );
  await page.addInitScript(installBridge);

  const unsubscribes = (Object.keys(ipcEvents) as IpcEvent[]).map((event) =>
    double.on(event, (payload) => {
      page
        .evaluate(([name, value]) => (window as unknown as BridgeWindow).toolboxEmit(name, value), [
          event,
          payload,
        ] as const)
        .catch(() => undefined);
    }),
  );

  await page.goto(`${baseUrl}/index.html${options.hash ?? ''}`);
  await page.waitForSelector('#root > *');

  return {
    page,
    context,
    problems,
    close: async () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
      await context.close();
    },
  };
}
