import { cleanDisplayText } from '../../shared/display-text';
import type { HistoryEntry } from '../../shared/history';
import type { ListenerStatus } from '../../shared/ipc';

/** Windows cuts tray tooltips at 127 characters (NOTIFYICONDATA.szTip holds 128 with the NUL). */
const MAX_TOOLTIP_LENGTH = 127;
/** Menu labels longer than this make the tray menu wider than most screens at 150% scaling. */
const MAX_LABEL_LENGTH = 70;

/** Shortens text to `max` characters, ending with an ellipsis when it was cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Escapes text from the PSA for a menu label. Control characters become spaces and bidi
 * controls are removed (cleanDisplayText), so a newline cannot split the item and U+202E cannot
 * reverse it. Electron reads a single `&` as a mnemonic marker (on Windows and Linux) and hides
 * it, and `&&` shows one `&`.
 */
export function escapeMenuText(text: string): string {
  return cleanDisplayText(text).replace(/&/g, '&&');
}

/** Returns a pop's menu label, `#ticket · contact · company`, with ids where names are unknown. */
export function describePop(entry: HistoryEntry): string {
  const { params, subject } = entry;
  const ticket = params.ticketId ? `#${params.ticketId}` : 'No ticket';
  const contact =
    subject.contactName ?? (params.contactId ? `contact ${params.contactId}` : undefined);
  const company =
    subject.companyName ?? (params.companyId ? `company ${params.companyId}` : undefined);
  const parts = [ticket, contact, company].filter((part): part is string => Boolean(part));

  return escapeMenuText(truncate(parts.join(' · '), MAX_LABEL_LENGTH));
}

/** Returns the caller of a pop in words, for the form shortcuts header and notifications. */
export function describeCaller(entry: HistoryEntry): string {
  const { params, subject } = entry;
  const contact =
    subject.contactName ?? (params.contactId ? `contact ${params.contactId}` : undefined);
  const company =
    subject.companyName ?? (params.companyId ? `company ${params.companyId}` : undefined);
  return cleanDisplayText([contact, company].filter(Boolean).join(' · ')) || 'unknown caller';
}

/** Returns the first line of a failed pop's error message, shortened for a menu or a toast. */
export function describeFailure(entry: HistoryEntry, max = MAX_LABEL_LENGTH): string {
  const message = entry.error?.message ?? 'The screen pop failed for an unknown reason.';
  const firstLine = message.split('\n')[0] ?? message;
  return truncate(cleanDisplayText(firstLine), max);
}

/** Returns the label of a failed pop in the Errors submenu: `#ticket: reason`. */
export function describeErrorItem(entry: HistoryEntry): string {
  const ticket = entry.params.ticketId ? `#${entry.params.ticketId}` : 'No ticket';
  return escapeMenuText(truncate(`${ticket}: ${describeFailure(entry, 200)}`, MAX_LABEL_LENGTH));
}

/** Returns the listener state in words, for the first menu line and the tooltip. */
export function describeStatus(status: ListenerStatus): string {
  switch (status.state) {
    case 'ready':
      return `Ready: screen pops go to ${status.url ?? `port ${status.port}`}`;
    case 'working':
      return 'Working on a screen pop';
    case 'failed':
      return `Last screen pop failed: ${status.message ?? 'see Errors'}`;
    case 'stopped':
      return `Listener stopped: ${status.message ?? 'screen pops are not received'}`;
  }
}

/** Returns the tray tooltip: the product name and the state in words. */
export function describeTooltip(status: ListenerStatus): string {
  const text = cleanDisplayText(`Technician Toolbox: ${describeStatus(status)}`);
  return truncate(text, MAX_TOOLTIP_LENGTH);
}

/** Returns the status line of the menu, shortened and escaped. */
export function describeStatusLine(status: ListenerStatus): string {
  return escapeMenuText(truncate(describeStatus(status), MAX_LABEL_LENGTH));
}
