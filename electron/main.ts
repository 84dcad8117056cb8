/**
 * Entry point of the Electron main process. It only wires: single-instance lock, logging,
 * hardening, the renderer protocol, the core runtime, IPC, the tray, windows and notifications.
 */
import path from 'node:path';

import { app, clipboard, Menu } from 'electron';

import { stopRuntimeOnQuit } from './app/lifecycle';
import { parseLaunchOptions } from './app/launch-options';
import { setUpLogging } from './app/logging';
import { createServices } from './app/services';
import { createTrayActions } from './app/tray-actions';
import { UsageError } from './core/cli/command';
import { createLogger } from './core/log';
import { createIpcHandlers } from './ipc/handlers';
import { registerIpcHandlers } from './ipc/register';
import { createLoginItem } from './shell/login-item';
import { createPopNotifier } from './shell/notifications';
import { e2eHooksEnabled, installE2eHooks } from './testing/e2e-hooks';
import { createTrayController } from './tray/tray-controller';
import { registerAppScheme, serveRenderer } from './windows/app-protocol';
import { hardenApp } from './windows/hardening';
import { createWindowManager } from './windows/window-manager';

/** Windows groups toasts and taskbar entries by this id, which matches electron-builder's appId. */
const APP_USER_MODEL_ID = 'com.technician-toolbox.app';

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another instance runs the listener; it shows its window on 'second-instance'.
  app.quit();
} else {
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // A wrong --config or --port needs its message only, not a stack trace.
      const detail = error instanceof UsageError ? error.message : error;
      console.error('Technician Toolbox failed to start:', detail);
      app.exit(1);
    });
}

async function start(): Promise<void> {
  // argv[0] is the executable; the app folder and Chromium's switches are skipped by the parser.
  const launch = parseLaunchOptions(process.argv.slice(1));
  const logDir = app.getPath('logs');
  setUpLogging(logDir);
  const log = createLogger('main');
  log.info(`Technician Toolbox ${app.getVersion()} starting.`);
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  hardenApp(log);
  // Electron's default menu offers the developer tools and links to electronjs.org.
  Menu.setApplicationMenu(null);
  serveRenderer(path.join(__dirname, '..', 'renderer'));

  // The hook reads the tray created below; the e2e test calls it only after start-up.
  const recordLink = e2eHooksEnabled(app.isPackaged)
    ? installE2eHooks(() => tray.menuTemplate())
    : undefined;
  const { paths, runtime, configFile, secrets, openLink } = createServices(log, launch, recordLink);
  const portNote = launch.port === undefined ? '' : `, listener port ${launch.port} from --port`;
  log.info(`Using config ${paths.config}${portNote}.`);
  const windows = createWindowManager(log);
  const writeClipboard = (text: string) => clipboard.writeText(text);

  const showView = windows.showView;
  const ipcDeps = { runtime, configFile, secrets, openLink, writeClipboard, showView };
  registerIpcHandlers(createIpcHandlers(ipcDeps), log);

  const quit = () => app.quit();
  const actions = createTrayActions({ runtime, windows, writeClipboard, logDir, quit, log });
  const tray = createTrayController({
    iconDir: path.join(__dirname, '..', 'icons'),
    runtime,
    loginItem: createLoginItem(),
    actions,
    onClick: (bounds) => windows.togglePopover(bounds),
    log,
  });

  const formLabel = (name: string) =>
    runtime.forms().find((form) => form.name === name)?.label ?? name;
  const isEnabled = () => runtime.config()?.tray.notifications ?? false;
  runtime.onPop(createPopNotifier({ isEnabled, formLabel, showDetails: actions.showDetails, log }));
  runtime.onChange(() => {
    tray.refresh();
    windows.broadcast('history:changed', runtime.history());
    windows.broadcast('listener:changed', runtime.status());
  });

  app.on('second-instance', () => windows.showView('recent'));
  stopRuntimeOnQuit(runtime, log);

  await runtime.start();
  if (runtime.needsSetup()) windows.showView('settings');
}
