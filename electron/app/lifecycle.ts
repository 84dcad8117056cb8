import { app } from 'electron';

import type { Logger } from '../core/log';
import type { Runtime } from './runtime';

/**
 * Keeps the app running in the tray when its last window closes, and on quit closes the
 * listener (which aborts pops still running) before the process ends, because Electron does
 * not wait for asynchronous 'before-quit' handlers.
 */
export function stopRuntimeOnQuit(runtime: Runtime, log: Logger): void {
  app.on('window-all-closed', () => undefined);

  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    runtime
      .stop()
      .catch((error: unknown) => log.error('Stopping the listener failed:', error))
      .finally(() => {
        stopped = true;
        log.info('Technician Toolbox stopped.');
        app.quit();
      });
  });
}
