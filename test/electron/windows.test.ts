import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../support/electron-stand-in'));

import { registerAppScheme, serveRenderer } from '../../electron/windows/app-protocol';
import { e2eHooksEnabled } from '../../electron/testing/e2e-hooks';
import { createAppWindow, devToolsEnabled } from '../../electron/windows/app-window';
import { hardenApp } from '../../electron/windows/hardening';
import { positionPopover } from '../../electron/windows/popover-position';
import { RENDERER_CSP, respondWithRendererFile } from '../../electron/windows/renderer-files';
import { createWindowManager } from '../../electron/windows/window-manager';
import {
  app,
  FakeBrowserWindow,
  recorded,
  resetElectronStandIn,
  screen,
  session,
} from '../support/electron-stand-in';

function quietLog() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
}

let rendererDir: string;

beforeAll(async () => {
  rendererDir = await mkdtemp(path.join(tmpdir(), 'toolbox-renderer-'));
  await mkdir(path.join(rendererDir, 'assets'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Toolbox</title>');
  await writeFile(path.join(rendererDir, 'assets', 'index.js'), 'console.log(1);');
  await writeFile(path.join(path.dirname(rendererDir), 'outside-secret.txt'), 'do not serve');
});

afterAll(async () => {
  await rm(rendererDir, { recursive: true, force: true });
  await rm(path.join(path.dirname(rendererDir), 'outside-secret.txt'), { force: true });
});

beforeEach(() => {
  resetElectronStandIn();
});

describe('renderer protocol', () => {
  const get = (url: string, method = 'GET') =>
    respondWithRendererFile(rendererDir, { url, method });

  it('registers app as a standard secure scheme', () => {
    registerAppScheme();

    expect(recorded.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves index.html with the CSP', async () => {
    serveRenderer(rendererDir);
    const handler = recorded.protocolHandlers.get('app')!;

    const response = await handler(new Request('app://toolbox/index.html#/popover'));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Toolbox</title>');
  });

  it('serves index.html for the root', async () => {
    expect((await get('app://toolbox/')).status).toBe(200);
  });

  it('serves scripts as JavaScript', async () => {
    const response = await get('app://toolbox/assets/index.js');

    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    ['a parent folder', 'app://toolbox/..%2Foutside-secret.txt'],
    ['an encoded parent folder', 'app://toolbox/%2e%2e/outside-secret.txt'],
    ['an encoded backslash', 'app://toolbox/..%5Coutside-secret.txt'],
    ['a bad escape', 'app://toolbox/%E0%A4%A'],
    ['a missing file', 'app://toolbox/nope.js'],
    ['another host', 'app://evil/index.html'],
  ])('answers 404 for %s', async (_case, url) => {
    const response = await get(url);

    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('do not serve');
  });

  it('rejects POST', async () => {
    expect((await get('app://toolbox/index.html', 'POST')).status).toBe(405);
  });

  it('allows nothing remote in the CSP', () => {
    expect(RENDERER_CSP).toContain("default-src 'none'");
    expect(RENDERER_CSP).toContain("connect-src 'none'");
    expect(RENDERER_CSP).not.toMatch(/unsafe-(inline|eval)|https?:|\*/);
  });
});

describe('window hardening', () => {
  function hardenedContents() {
    const log = quietLog();
    hardenApp(log);
    const window = new FakeBrowserWindow();
    app.emit('web-contents-created', {}, window.webContents);
    return { contents: window.webContents, log };
  }

  it('denies window.open', () => {
    const { contents } = hardenedContents();
    const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (details: {
      url: string;
    }) => unknown;

    expect(handler({ url: 'https://app.rewst.io/form/1' })).toEqual({ action: 'deny' });
  });

  it.each(['https://evil.example/', 'file:///etc/passwd', 'app://toolbox.evil/'])(
    'denies navigation to %s',
    (url) => {
      const { contents } = hardenedContents();
      const event = { preventDefault: vi.fn() };

      contents.emit('will-navigate', event, url);

      expect(event.preventDefault).toHaveBeenCalledOnce();
    },
  );

  it('allows navigation within the app', () => {
    const { contents } = hardenedContents();
    const event = { preventDefault: vi.fn() };

    contents.emit('will-navigate', event, 'app://toolbox/index.html#/settings');

    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('denies redirects and webviews', () => {
    const { contents } = hardenedContents();
    const redirect = { preventDefault: vi.fn() };
    const webview = { preventDefault: vi.fn() };

    contents.emit('will-redirect', redirect, 'https://evil.example/');
    contents.emit('will-attach-webview', webview);

    expect(redirect.preventDefault).toHaveBeenCalledOnce();
    expect(webview.preventDefault).toHaveBeenCalledOnce();
  });

  it('denies every permission', () => {
    hardenedContents();
    const requestHandler = session.defaultSession.setPermissionRequestHandler.mock
      .calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    const checkHandler = session.defaultSession.setPermissionCheckHandler.mock
      .calls[0]?.[0] as () => boolean;
    const callback = vi.fn();

    requestHandler({}, 'media', callback);

    expect(callback).toHaveBeenCalledWith(false);
    expect(checkHandler()).toBe(false);
  });
});

describe('createAppWindow', () => {
  it.each(['main', 'popover'] as const)('locks down the %s window', (kind) => {
    const window = createAppWindow(kind) as unknown as FakeBrowserWindow;
    const preferences = window.options.webPreferences as Record<string, unknown>;

    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(preferences.preload)).toMatch(/preload\.js$/);
  });

  it('makes the popover frameless', () => {
    const window = createAppWindow('popover') as unknown as FakeBrowserWindow;

    expect(window.options).toMatchObject({ frame: false, skipTaskbar: true, show: false });
  });

  it('turns the developer tools off by default', () => {
    const window = createAppWindow('main') as unknown as FakeBrowserWindow;

    expect(window.options.webPreferences).toMatchObject({ devTools: false });
  });

  it('fits the main window into a small work area', () => {
    const small = { width: 911, height: 472 };
    const window = createAppWindow('main', small) as unknown as FakeBrowserWindow;

    expect(window.options).toMatchObject({ ...small, minWidth: 640, minHeight: 472 });
  });
});

describe('development switches', () => {
  it.each([
    ['no variable', false, {}, false],
    ['TOOLBOX_DEV_TOOLS=1', false, { TOOLBOX_DEV_TOOLS: '1' }, true],
    ['the e2e hooks', false, { TOOLBOX_E2E_HOOKS: '1' }, true],
    ['TOOLBOX_DEV_TOOLS=1 when packaged', true, { TOOLBOX_DEV_TOOLS: '1' }, false],
    ['the e2e hooks when packaged', true, { TOOLBOX_E2E_HOOKS: '1' }, false],
  ])('dev tools with %s', (_case, isPackaged, env, expected) => {
    expect(devToolsEnabled(isPackaged, env)).toBe(expected);
  });

  it('ignores TOOLBOX_E2E_HOOKS in a packaged app', () => {
    expect(e2eHooksEnabled(true, { TOOLBOX_E2E_HOOKS: '1' })).toBe(false);
    expect(e2eHooksEnabled(false, { TOOLBOX_E2E_HOOKS: '1' })).toBe(true);
  });
});

describe('positionPopover', () => {
  const size = { width: 380, height: 520 };
  const workArea = { x: 0, y: 0, width: 1920, height: 1040 };

  it('opens above a tray at the bottom (Windows)', () => {
    const tray = { x: 1700, y: 1045, width: 24, height: 30 };

    const bounds = positionPopover(tray, size, workArea, { x: 0, y: 0 });

    expect(bounds).toEqual({ x: 1522, y: 520, ...size });
  });

  it('opens below a tray at the top (macOS)', () => {
    const tray = { x: 1500, y: 0, width: 22, height: 24 };

    const bounds = positionPopover(tray, size, workArea, { x: 0, y: 0 });

    expect(bounds).toEqual({ x: 1321, y: 28, ...size });
  });

  it('stays inside the work area at the right edge', () => {
    const tray = { x: 1910, y: 0, width: 10, height: 24 };

    expect(positionPopover(tray, size, workArea, { x: 0, y: 0 }).x).toBe(1920 - 380);
  });

  it('uses the cursor when the tray has no bounds (Linux)', () => {
    const empty = { x: 0, y: 0, width: 0, height: 0 };

    expect(positionPopover(empty, size, workArea, { x: 960, y: 10 })).toEqual({
      x: 770,
      y: 14,
      ...size,
    });
  });

  it('shrinks to a work area lower than the popover', () => {
    const small = { x: 0, y: 0, width: 911, height: 472 };
    const tray = { x: 850, y: 475, width: 20, height: 30 };

    expect(positionPopover(tray, size, small, { x: 0, y: 0 })).toEqual({
      x: 531,
      y: 0,
      width: 380,
      height: 472,
    });
  });
});

describe('createWindowManager', () => {
  it('opens the main window on the requested view', () => {
    const windows = createWindowManager(quietLog());

    windows.showView('details', 'entry 1');

    const window = recorded.windows[0]!;
    expect(window.loadURL).toHaveBeenCalledWith('app://toolbox/index.html#/details/entry%201');
  });

  it('reuses an open main window and sends the view', () => {
    const windows = createWindowManager(quietLog());
    windows.showView('recent');

    windows.showView('settings');

    expect(recorded.windows).toHaveLength(1);
    expect(recorded.windows[0]?.webContents.send).toHaveBeenCalledWith('view:show', {
      view: 'settings',
    });
    expect(recorded.windows[0]?.show).toHaveBeenCalled();
  });

  it('toggles the popover next to the tray', () => {
    const windows = createWindowManager(quietLog());
    const tray = { x: 1700, y: 1045, width: 24, height: 30 };

    windows.togglePopover(tray);
    const popover = recorded.windows[0]!;
    expect(popover.loadURL).toHaveBeenCalledWith('app://toolbox/index.html#/popover');
    expect(popover.setBounds).toHaveBeenCalledWith({ x: 1522, y: 520, width: 380, height: 520 });
    expect(popover.isVisible()).toBe(true);

    windows.togglePopover(tray);
    expect(popover.isVisible()).toBe(false);
  });

  it('hides the popover when it loses focus', () => {
    const windows = createWindowManager(quietLog());
    windows.togglePopover({ x: 0, y: 0, width: 0, height: 0 });
    const popover = recorded.windows[0]!;

    popover.emit('blur');

    expect(popover.isVisible()).toBe(false);
  });

  it('hides the popover on Escape', () => {
    const windows = createWindowManager(quietLog());
    windows.togglePopover({ x: 0, y: 0, width: 0, height: 0 });
    const popover = recorded.windows[0]!;

    popover.webContents.emit('before-input-event', {}, { type: 'keyDown', key: 'Escape' });

    expect(popover.isVisible()).toBe(false);
  });

  it('keeps the popover open on other keys', () => {
    const windows = createWindowManager(quietLog());
    windows.togglePopover({ x: 0, y: 0, width: 0, height: 0 });
    const popover = recorded.windows[0]!;

    popover.webContents.emit('before-input-event', {}, { type: 'keyDown', key: 'Enter' });

    expect(popover.isVisible()).toBe(true);
  });

  it('opens the main window no larger than the work area', () => {
    const small = { workArea: { x: 0, y: 0, width: 911, height: 472 } };
    screen.getDisplayNearestPoint.mockReturnValueOnce(small);
    const windows = createWindowManager(quietLog());

    windows.showView('recent');

    expect(recorded.windows[0]?.options).toMatchObject({ width: 911, height: 472 });
  });

  it('shrinks the popover on a small work area', () => {
    const small = { workArea: { x: 0, y: 0, width: 911, height: 472 } };
    screen.getDisplayNearestPoint.mockReturnValueOnce(small);
    const windows = createWindowManager(quietLog());

    windows.togglePopover({ x: 850, y: 475, width: 20, height: 30 });

    expect(recorded.windows[0]?.setBounds).toHaveBeenCalledWith({
      x: 531,
      y: 0,
      width: 380,
      height: 472,
    });
  });

  it('keeps the popover closed on the click that blurred it', () => {
    const windows = createWindowManager(quietLog());
    const tray = { x: 1700, y: 1045, width: 24, height: 30 };
    windows.togglePopover(tray);
    const popover = recorded.windows[0]!;

    popover.emit('blur');
    windows.togglePopover(tray);

    expect(popover.isVisible()).toBe(false);
  });

  it('broadcasts events to open windows only', () => {
    const windows = createWindowManager(quietLog());
    windows.showView('recent');

    windows.broadcast('listener:changed', { state: 'ready', port: 17345 });

    expect(recorded.windows[0]?.webContents.send).toHaveBeenCalledWith('listener:changed', {
      state: 'ready',
      port: 17345,
    });
  });
});
