import {
  Menu,
  nativeImage,
  nativeTheme,
  Tray,
  type MenuItemConstructorOptions,
  type Rectangle,
} from 'electron';

import type { Runtime } from '../app/runtime';
import type { Logger } from '../core/log';
import type { LoginItem } from '../shell/login-item';
import { trayIconPath } from './icon-files';
import { describeTooltip } from './labels';
import { buildTrayMenu, type TrayMenuActions } from './menu';

export interface TrayControllerOptions {
  iconDir: string;
  runtime: Runtime;
  loginItem: LoginItem;
  /** Menu actions except Start at login, which the controller handles with the login item. */
  actions: Omit<TrayMenuActions, 'setStartAtLogin'>;
  /** Called on a left click with the icon's bounds, to show the popover. */
  onClick: (bounds: Rectangle) => void;
  log: Logger;
  platform?: NodeJS.Platform;
}

export interface TrayController {
  /** Rebuilds the icon, tooltip and menu from the runtime's current state. */
  refresh(): void;
  /** The template of the menu last set, for the e2e test hook. */
  menuTemplate(): MenuItemConstructorOptions[];
  destroy(): void;
}

/**
 * Creates the tray icon and keeps its image, tooltip and context menu in step with the runtime.
 * The menu is built and set again on every refresh, because Linux AppIndicator menus do not
 * update in place. On macOS a context menu would also take the left click, so there the menu
 * opens on right click only and the left click shows the popover, as on Windows.
 */
export function createTrayController(options: TrayControllerOptions): TrayController {
  const { runtime, loginItem, log } = options;
  const platform = options.platform ?? process.platform;
  let startAtLogin = false;
  let template: MenuItemConstructorOptions[] = [];
  let menu: Menu | undefined;

  const darkPanel = () =>
    platform === 'win32'
      ? nativeTheme.shouldUseDarkColorsForSystemIntegratedUI
      : nativeTheme.shouldUseDarkColors;

  function iconFor(state: ReturnType<Runtime['status']>['state']) {
    const image = nativeImage.createFromPath(
      trayIconPath(options.iconDir, state, platform, darkPanel()),
    );
    if (platform === 'darwin') image.setTemplateImage(true);
    return image;
  }

  const tray = new Tray(iconFor(runtime.status().state));

  async function setStartAtLogin(enabled: boolean): Promise<void> {
    try {
      await loginItem.setEnabled(enabled);
      startAtLogin = await loginItem.isEnabled();
      log.info(`Start at login turned ${startAtLogin ? 'on' : 'off'}.`);
    } catch (error) {
      log.error(`Turning start at login ${enabled ? 'on' : 'off'} failed:`, error);
    }
    refresh();
  }

  function refresh(): void {
    const status = runtime.status();
    template = buildTrayMenu(
      {
        status,
        needsSetup: runtime.needsSetup(),
        paused: runtime.paused(),
        history: runtime.history(),
        forms: runtime.forms(),
        startAtLogin,
      },
      { ...options.actions, setStartAtLogin: (enabled) => void setStartAtLogin(enabled) },
    );
    menu = Menu.buildFromTemplate(template);
    tray.setImage(iconFor(status.state));
    tray.setToolTip(describeTooltip(status));
    if (platform !== 'darwin') tray.setContextMenu(menu);
  }

  tray.on('click', (_event, bounds) => options.onClick(bounds));
  if (platform === 'darwin') tray.on('right-click', () => menu && tray.popUpContextMenu(menu));
  nativeTheme.on('updated', refresh);

  loginItem
    .isEnabled()
    .then((enabled) => {
      startAtLogin = enabled;
      refresh();
    })
    .catch((error: unknown) => log.warn('Reading the start-at-login setting failed:', error));
  refresh();

  return {
    refresh,
    menuTemplate: () => template,
    destroy: () => {
      nativeTheme.removeListener('updated', refresh);
      tray.destroy();
    },
  };
}
