import { screen, type BrowserWindow, type Rectangle } from 'electron';

import type { IpcEvent, IpcEventPayload } from '../../shared/ipc';
import type { Logger } from '../core/log';
import { sendIpcEvent } from '../ipc/register';
import { rendererUrl, type WindowView } from './app-origin';
import { createAppWindow, POPOVER_SIZE } from './app-window';
import { positionPopover } from './popover-position';

/** Opens, shows and updates the app's two windows. */
export interface WindowManager {
  /** Shows a view in the main window, creating the window when none is open. */
  showView(view: Exclude<WindowView, 'popover'>, historyId?: string): void;
  /** Shows the popover next to the tray icon, or hides it when it is visible. */
  togglePopover(trayBounds: Rectangle): void;
  /** Sends an event to every open window. */
  broadcast<E extends IpcEvent>(event: E, payload: IpcEventPayload<E>): void;
}

/**
 * A click on the tray icon first takes focus from a visible popover, which hides it on blur, and
 * then arrives as a click. A click this soon after such a hide only closes the popover.
 */
const BLUR_CLICK_MS = 300;

export function createWindowManager(log: Logger): WindowManager {
  let mainWindow: BrowserWindow | undefined;
  let popover: BrowserWindow | undefined;
  let popoverHiddenAt = 0;

  function load(window: BrowserWindow, url: string): void {
    window.loadURL(url).catch((error: unknown) => log.error(`Loading ${url} failed:`, error));
  }

  function openMainWindow(view: WindowView, historyId?: string): BrowserWindow {
    // The window opens on the display the technician is working on: the one with the cursor.
    const { workArea } = screen.getDisplayNearestPoint(screen.getCursorScreenPoint());
    const window = createAppWindow('main', workArea);
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      mainWindow = undefined;
    });
    load(window, rendererUrl(view, historyId));
    return window;
  }

  function openPopover(): BrowserWindow {
    const window = createAppWindow('popover');
    // The popover behaves like a menu: clicking anywhere else or pressing Escape hides it.
    window.on('blur', () => {
      window.hide();
      popoverHiddenAt = Date.now();
    });
    // Main sees the key before the page does; no IPC channel lets the renderer hide the popover.
    window.webContents.on('before-input-event', (_event, input) => {
      if (input.type === 'keyDown' && input.key === 'Escape') window.hide();
    });
    window.on('closed', () => {
      popover = undefined;
    });
    load(window, rendererUrl('popover'));
    return window;
  }

  return {
    showView(view, historyId) {
      popover?.hide();
      if (!mainWindow || mainWindow.isDestroyed()) {
        mainWindow = openMainWindow(view, historyId);
        return;
      }

      sendIpcEvent(
        mainWindow.webContents,
        'view:show',
        historyId ? { view, historyId } : { view },
        log,
      );
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.show();
      mainWindow.focus();
    },

    togglePopover(trayBounds) {
      if (popover && !popover.isDestroyed() && popover.isVisible()) {
        popover.hide();
        return;
      }
      if (Date.now() - popoverHiddenAt < BLUR_CLICK_MS) return;

      popover = popover && !popover.isDestroyed() ? popover : openPopover();
      const cursor = screen.getCursorScreenPoint();
      const { workArea } = screen.getDisplayNearestPoint(
        trayBounds.width > 0 ? trayBounds : cursor,
      );
      popover.setBounds(positionPopover(trayBounds, POPOVER_SIZE, workArea, cursor));
      sendIpcEvent(popover.webContents, 'view:show', { view: 'popover' }, log);
      popover.show();
      popover.focus();
    },

    broadcast(event, payload) {
      for (const window of [mainWindow, popover]) {
        if (window && !window.isDestroyed()) sendIpcEvent(window.webContents, event, payload, log);
      }
    },
  };
}
