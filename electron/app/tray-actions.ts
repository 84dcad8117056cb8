import { shell } from 'electron';

import type { Logger } from '../core/log';
import type { TrayMenuActions } from '../tray/menu';
import type { WindowManager } from '../windows/window-manager';
import type { Runtime } from './runtime';

export interface TrayActionDeps {
  runtime: Runtime;
  windows: WindowManager;
  writeClipboard: (text: string) => void;
  /** The log folder, which View logs opens in the file manager. */
  logDir: string;
  quit: () => void;
  log: Logger;
}

/**
 * Builds the actions of the tray menu items. A menu click has no caller to report an error to,
 * so every failure is logged here. A failed reopen also shows in the history, the Errors
 * submenu and a notification, because the runtime records it like any pop.
 */
export function createTrayActions(deps: TrayActionDeps): Omit<TrayMenuActions, 'setStartAtLogin'> {
  const { runtime, windows, log } = deps;
  const report = (action: string) => (error: unknown) =>
    log.error(`Tray action "${action}" failed:`, error);

  return {
    reopen(historyId, formName) {
      runtime.reopen(historyId, formName).catch(report(`reopen ${formName}`));
    },
    copyLink(historyId) {
      const entry = runtime.history().find((candidate) => candidate.id === historyId);
      const link = entry?.link ?? entry?.fallbackLink;
      if (!link) {
        log.warn(`Copy link: screen pop ${historyId} has no link to copy.`);
        return;
      }
      deps.writeClipboard(link);
    },
    showDetails: (historyId) => windows.showView('details', historyId),
    openApp: () => windows.showView('recent'),
    openSettings: () => windows.showView('settings'),
    pause() {
      runtime.pause().catch(report('pause listener'));
    },
    resume() {
      runtime.resume().catch(report('resume listener'));
    },
    viewLogs() {
      shell
        .openPath(deps.logDir)
        .then((problem) => {
          // openPath resolves with an error message instead of rejecting.
          if (problem) log.error(`Opening the log folder ${deps.logDir} failed: ${problem}`);
        })
        .catch(report('view logs'));
    },
    quit: deps.quit,
  };
}
