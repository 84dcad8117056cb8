import path from 'node:path';

import { app, BrowserWindow } from 'electron';

import { e2eHooksEnabled } from '../testing/e2e-hooks';

/** Set to `1` to allow the developer tools in an app run from the repository (`npm start`). */
export const DEV_TOOLS_ENV = 'TOOLBOX_DEV_TOOLS';

/**
 * Returns whether windows may open the developer tools: only in an app run from the repository,
 * and only when TOOLBOX_DEV_TOOLS is 1 or the end-to-end hooks are on.
 */
export function devToolsEnabled(
  isPackaged: boolean,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (isPackaged) return false;
  return env[DEV_TOOLS_ENV] === '1' || e2eHooksEnabled(isPackaged, env);
}

/** Size and frame of the two kinds of window, in DIP. */
const windowKinds = {
  /** Recent tickets, settings and error details. */
  main: { width: 960, height: 720, minWidth: 640, minHeight: 480, frame: true },
  /**
   * The small window next to the tray icon. It has no minimum size, because positionPopover
   * shrinks it to fit a small work area, and a minimum would undo that.
   */
  popover: { width: 380, height: 520, minWidth: 0, minHeight: 0, frame: false },
} as const;

export type WindowKind = keyof typeof windowKinds;

/** The popover's size on a screen large enough for it. */
export const POPOVER_SIZE = {
  width: windowKinds.popover.width,
  height: windowKinds.popover.height,
};

/** Shrinks a window's default and minimum size so the window fits inside `workArea`. */
function fitSize(kind: WindowKind, workArea: { width: number; height: number }) {
  const size = windowKinds[kind];
  return {
    width: Math.min(size.width, workArea.width),
    height: Math.min(size.height, workArea.height),
    minWidth: Math.min(size.minWidth, workArea.width),
    minHeight: Math.min(size.minHeight, workArea.height),
  };
}

/**
 * Creates a window for the renderer with the locked-down web preferences: context isolation,
 * the Chromium sandbox, no Node in the page, web security on, the preload script as the only
 * bridge, and developer tools only where devToolsEnabled allows them. Every preference is
 * written out here, in one place, so that a reviewer and electronegativity can check each of
 * them. The default size is cut to `workArea`, the work area of the display it opens on.
 */
export function createAppWindow(
  kind: WindowKind,
  workArea: { width: number; height: number } = { width: Infinity, height: Infinity },
): BrowserWindow {
  const isPopover = kind === 'popover';

  return new BrowserWindow({
    ...fitSize(kind, workArea),
    frame: windowKinds[kind].frame,
    show: false,
    title: 'Technician Toolbox',
    resizable: !isPopover,
    skipTaskbar: isPopover,
    alwaysOnTop: isPopover,
    fullscreenable: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: path.join(__dirname, 'preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // A middle click on a link would open it in a new Electron window (the auxclick event).
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: devToolsEnabled(app.isPackaged),
    },
  });
}
