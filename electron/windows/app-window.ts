import path from 'node:path';

import { BrowserWindow } from 'electron';

/** Size and frame of the two kinds of window. */
const windowKinds = {
  /** Recent tickets, settings and error details. */
  main: { width: 960, height: 720, minWidth: 640, minHeight: 480, frame: true },
  /** The small window next to the tray icon. */
  popover: { width: 380, height: 520, minWidth: 380, minHeight: 520, frame: false },
} as const;

export type WindowKind = keyof typeof windowKinds;

/**
 * Creates a window for the renderer with the locked-down web preferences: context isolation,
 * the Chromium sandbox, no Node in the page, web security on, and the preload script as the
 * only bridge. Every preference is written out here, in one place, so that a reviewer and
 * electronegativity can check each of them.
 */
export function createAppWindow(kind: WindowKind): BrowserWindow {
  const size = windowKinds[kind];
  const isPopover = kind === 'popover';

  return new BrowserWindow({
    ...size,
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
    },
  });
}
