import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A stand-in for the parts of the `electron` module the main process uses. It records calls
 * so tests can check them, and its events can be emitted by hand. Use it with
 * `vi.mock('electron', () => import('../support/electron-stand-in'))` and call
 * `resetElectronStandIn()` in `beforeEach`.
 */

type Handler = (event: unknown, ...args: unknown[]) => unknown;

/** Calls and objects the stand-in has recorded since the last reset. */
export const recorded = {
  menus: [] as Array<{ template: unknown[] }>,
  windows: [] as FakeBrowserWindow[],
  trays: [] as FakeTray[],
  notifications: [] as FakeNotification[],
  ipcHandlers: new Map<string, Handler>(),
  protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  privilegedSchemes: [] as unknown[],
  loginItemSettings: { openAtLogin: false } as { openAtLogin: boolean },
};

class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly send = vi.fn();
  readonly setWindowOpenHandler = vi.fn();
  readonly session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
  isDestroyed = () => false;
}

export class FakeBrowserWindow extends EventEmitter {
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly hide = vi.fn();
  readonly focus = vi.fn();
  readonly close = vi.fn();
  readonly setPosition = vi.fn();
  readonly setBounds = vi.fn();
  visible = false;
  destroyed = false;

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    this.show.mockImplementation(() => {
      this.visible = true;
    });
    this.hide.mockImplementation(() => {
      this.visible = false;
    });
    recorded.windows.push(this);
  }

  isVisible = () => this.visible;
  isDestroyed = () => this.destroyed;
  isMinimized = () => false;
  restore = vi.fn();
  getBounds = () => ({
    x: 0,
    y: 0,
    width: Number(this.options.width ?? 800),
    height: Number(this.options.height ?? 600),
  });
}

export class FakeTray extends EventEmitter {
  readonly image: unknown;
  readonly setImage = vi.fn();
  readonly setToolTip = vi.fn();
  readonly setContextMenu = vi.fn();
  readonly destroy = vi.fn();
  readonly popUpContextMenu = vi.fn();

  constructor(image: unknown) {
    super();
    this.image = image;
    recorded.trays.push(this);
  }

  getBounds = () => ({ x: 1800, y: 0, width: 24, height: 24 });
}

export class FakeNotification extends EventEmitter {
  static isSupported = vi.fn(() => true);
  readonly options: { title?: string; body?: string };
  readonly show = vi.fn();

  constructor(options: { title?: string; body?: string }) {
    super();
    this.options = options;
    recorded.notifications.push(this);
  }
}

const appEvents = new EventEmitter();

export const app = Object.assign(appEvents, {
  isPackaged: false,
  requestSingleInstanceLock: vi.fn(() => true),
  quit: vi.fn(),
  exit: vi.fn(),
  whenReady: vi.fn(async () => undefined),
  getVersion: vi.fn(() => '0.1.0-test'),
  getAppPath: vi.fn(() => '/app'),
  getPath: vi.fn((name: string) => `/fake/${name}`),
  setAppUserModelId: vi.fn(),
  setLoginItemSettings: vi.fn((settings: { openAtLogin?: boolean }) => {
    recorded.loginItemSettings = { openAtLogin: settings.openAtLogin ?? false };
  }),
  getLoginItemSettings: vi.fn(() => ({ ...recorded.loginItemSettings })),
  dock: { hide: vi.fn() },
});

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => {
    const menu = { template };
    recorded.menus.push(menu);
    return menu;
  }),
  setApplicationMenu: vi.fn((_menu: unknown) => undefined),
};

export const nativeImage = {
  createFromPath: vi.fn((path: string) => ({
    path,
    setTemplateImage: vi.fn(),
    isEmpty: () => false,
  })),
};

export const shell = {
  openExternal: vi.fn(async (_url: string) => undefined),
  openPath: vi.fn(async (_path: string) => ''),
};

export const ipcMain = {
  handle: vi.fn((channel: string, handler: Handler) => {
    recorded.ipcHandlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    recorded.ipcHandlers.delete(channel);
  }),
};

export const clipboard = { writeText: vi.fn() };

export const net = { fetch: vi.fn() };

export const protocol = {
  registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => {
    recorded.privilegedSchemes.push(...schemes);
  }),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
    recorded.protocolHandlers.set(scheme, handler);
  }),
};

export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false });

export const screen = {
  getDisplayNearestPoint: vi.fn(() => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } })),
  getCursorScreenPoint: vi.fn(() => ({ x: 1810, y: 10 })),
};

export const session = {
  defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
};

export const BrowserWindow = FakeBrowserWindow;
export const Tray = FakeTray;
export const Notification = FakeNotification;

/** Clears every record and call log, and restores the default answers. */
export function resetElectronStandIn(): void {
  recorded.menus.length = 0;
  recorded.windows.length = 0;
  recorded.trays.length = 0;
  recorded.notifications.length = 0;
  recorded.ipcHandlers.clear();
  recorded.protocolHandlers.clear();
  recorded.privilegedSchemes.length = 0;
  recorded.loginItemSettings = { openAtLogin: false };
  appEvents.removeAllListeners();
  nativeTheme.removeAllListeners();
  nativeTheme.shouldUseDarkColors = false;
  FakeNotification.isSupported.mockReturnValue(true);
  vi.clearAllMocks();
}

export default {
  app,
  BrowserWindow,
  Tray,
  Menu,
  nativeImage,
  shell,
  Notification,
  ipcMain,
  clipboard,
  net,
  protocol,
  nativeTheme,
  screen,
  session,
};
