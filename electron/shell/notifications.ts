import { Notification } from 'electron';

import { cleanDisplayText } from '../../shared/display-text';
import type { HistoryEntry } from '../../shared/history';
import type { Logger } from '../core/log';
import { describeCaller, describeFailure, truncate } from '../tray/labels';

/** Windows toasts show about four lines of body text; longer text is cut by the OS anyway. */
const MAX_BODY_LENGTH = 200;

export interface PopNotifierOptions {
  /** Reads `tray.notifications` from the config in use; notifications are off when false. */
  isEnabled: () => boolean;
  /** Returns the label of a form, such as "Password reset" for `password_reset`. */
  formLabel: (formName: string) => string;
  /** Shows the details of a pop; called when the technician clicks its notification. */
  showDetails: (historyId: string) => void;
  log: Logger;
}

/**
 * Title and body of the notification for a pop. The form name comes from the pop URL and the
 * caller from the PSA, so both are cleaned of control and bidi characters (cleanDisplayText).
 */
export function describeNotification(entry: HistoryEntry, formLabel: (name: string) => string) {
  const form = entry.params.formName ? cleanDisplayText(formLabel(entry.params.formName)) : 'form';
  const caller = describeCaller(entry);
  if (entry.ok) {
    const warnings = entry.warnings.length > 0 ? ` (${entry.warnings.length} warning(s))` : '';
    return { title: `Opened ${form}`, body: truncate(`${caller}${warnings}`, MAX_BODY_LENGTH) };
  }
  return {
    title: `Screen pop failed: ${form}`,
    body: truncate(describeFailure(entry, MAX_BODY_LENGTH), MAX_BODY_LENGTH),
  };
}

/**
 * Creates the function that shows one desktop notification per pop outcome: the form and the
 * caller when it opened, the reason when it failed. Clicking it shows the pop's details.
 * Windows shows toasts only for an app with an AppUserModelID (set in main) and a Start-menu
 * shortcut, which the NSIS and MSI installers create.
 */
export function createPopNotifier(options: PopNotifierOptions): (entry: HistoryEntry) => void {
  // A notification object that is garbage collected no longer emits 'click' (electron/electron
  // issue 16922), so each one stays referenced here until it is clicked or closed.
  const shown = new Set<Notification>();
  let unsupportedLogged = false;

  return (entry) => {
    if (!options.isEnabled()) return;
    if (!Notification.isSupported()) {
      if (!unsupportedLogged) options.log.info('Desktop notifications are not supported here.');
      unsupportedLogged = true;
      return;
    }

    const notification = new Notification({
      ...describeNotification(entry, options.formLabel),
      silent: entry.ok,
    });
    shown.add(notification);
    notification.on('click', () => {
      shown.delete(notification);
      options.showDetails(entry.id);
    });
    notification.on('close', () => shown.delete(notification));
    notification.show();
  };
}
