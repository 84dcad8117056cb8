import type { MenuItemConstructorOptions } from 'electron';

import type { HistoryEntry } from '../../shared/history';
import type { ListenerStatus } from '../../shared/ipc';
import {
  describeCaller,
  describeErrorItem,
  describePop,
  describeStatusLine,
  escapeMenuText,
} from './labels';

/** Number of recent tickets and of errors the menu lists. */
export const MENU_ENTRY_LIMIT = 10;

/** A form the menu offers: its `form_name` and its label. */
export interface MenuForm {
  name: string;
  label: string;
}

/** Everything the tray menu shows. */
export interface TrayMenuState {
  status: ListenerStatus;
  /** True while the config file is missing or invalid. */
  needsSetup: boolean;
  paused: boolean;
  /** Screen pops, newest first. */
  history: HistoryEntry[];
  /** Forms that can be opened (those with a Rewst form id). */
  forms: MenuForm[];
  startAtLogin: boolean;
}

/** What the menu items do; the tray wires them to the runtime and the windows. */
export interface TrayMenuActions {
  reopen(historyId: string, formName: string): void;
  copyLink(historyId: string): void;
  showDetails(historyId: string): void;
  openApp(): void;
  openSettings(): void;
  pause(): void;
  resume(): void;
  setStartAtLogin(enabled: boolean): void;
  viewLogs(): void;
  quit(): void;
}

function hasCallerIds(entry: HistoryEntry): boolean {
  const { ticketId, companyId, contactId } = entry.params;
  return Boolean(ticketId || companyId || contactId);
}

/** Returns the newest pop of each distinct ticket and caller, at most `limit` of them. */
export function recentPops(history: HistoryEntry[], limit = MENU_ENTRY_LIMIT): HistoryEntry[] {
  const seen = new Set<string>();
  const recent: HistoryEntry[] = [];

  for (const entry of history) {
    if (!hasCallerIds(entry)) continue;
    const { ticketId, companyId, contactId } = entry.params;
    const key = `${ticketId ?? ''}|${companyId ?? ''}|${contactId ?? ''}`;
    if (seen.has(key)) continue;

    seen.add(key);
    recent.push(entry);
    if (recent.length === limit) break;
  }
  return recent;
}

function formItems(entry: HistoryEntry, forms: MenuForm[], actions: TrayMenuActions) {
  return forms.map((form): MenuItemConstructorOptions => ({
    label: escapeMenuText(form.label),
    click: () => actions.reopen(entry.id, form.name),
  }));
}

function recentTicketsMenu(
  state: TrayMenuState,
  actions: TrayMenuActions,
): MenuItemConstructorOptions {
  const pops = recentPops(state.history);
  if (pops.length === 0) {
    return { label: 'Recent tickets', submenu: [{ label: 'No screen pops yet', enabled: false }] };
  }

  const submenu = pops.map((entry): MenuItemConstructorOptions => ({
    label: describePop(entry),
    submenu: [
      ...formItems(entry, state.forms, actions),
      { type: 'separator' },
      {
        label: 'Copy link',
        enabled: Boolean(entry.link ?? entry.fallbackLink),
        click: () => actions.copyLink(entry.id),
      },
      { label: 'Details', click: () => actions.showDetails(entry.id) },
    ],
  }));
  return { label: 'Recent tickets', submenu };
}

function formShortcutsMenu(
  state: TrayMenuState,
  actions: TrayMenuActions,
): MenuItemConstructorOptions {
  const latest = recentPops(state.history, 1)[0];
  if (!latest) {
    return { label: 'Form shortcuts', submenu: [{ label: 'No caller yet', enabled: false }] };
  }
  if (state.forms.length === 0) {
    const hint = 'No forms configured: add form ids in Settings';
    return { label: 'Form shortcuts', submenu: [{ label: hint, enabled: false }] };
  }

  const header = escapeMenuText(`For ${describeCaller(latest)}`);
  return {
    label: 'Form shortcuts',
    submenu: [
      { label: header, enabled: false },
      { type: 'separator' },
      ...formItems(latest, state.forms, actions),
    ],
  };
}

function errorsMenu(state: TrayMenuState, actions: TrayMenuActions): MenuItemConstructorOptions {
  const failed = state.history.filter((entry) => !entry.ok).slice(0, MENU_ENTRY_LIMIT);
  if (failed.length === 0) {
    return { label: 'Errors', submenu: [{ label: 'No failed screen pops', enabled: false }] };
  }

  const submenu = failed.map((entry): MenuItemConstructorOptions => ({
    label: describeErrorItem(entry),
    click: () => actions.showDetails(entry.id),
  }));
  return { label: `Errors (${failed.length})`, submenu };
}

function listenerItem(state: TrayMenuState, actions: TrayMenuActions): MenuItemConstructorOptions {
  if (state.paused) return { label: 'Resume listener', click: () => actions.resume() };
  return { label: 'Pause listener', enabled: !state.needsSetup, click: () => actions.pause() };
}

/**
 * Builds the tray's context menu template. The tray builds and sets it again after every
 * history, config or status change, because Linux AppIndicator menus do not update in place.
 */
export function buildTrayMenu(
  state: TrayMenuState,
  actions: TrayMenuActions,
): MenuItemConstructorOptions[] {
  return [
    { label: describeStatusLine(state.status), enabled: false },
    { type: 'separator' },
    recentTicketsMenu(state, actions),
    formShortcutsMenu(state, actions),
    errorsMenu(state, actions),
    { type: 'separator' },
    { label: 'Open Technician Toolbox', click: () => actions.openApp() },
    { label: state.needsSetup ? 'Set up…' : 'Settings…', click: () => actions.openSettings() },
    listenerItem(state, actions),
    {
      label: 'Start at login',
      type: 'checkbox',
      checked: state.startAtLogin,
      click: (item) => actions.setStartAtLogin(item.checked),
    },
    { label: 'View logs', click: () => actions.viewLogs() },
    { type: 'separator' },
    { label: 'Quit Technician Toolbox', click: () => actions.quit() },
  ];
}
