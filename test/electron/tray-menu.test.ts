import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

import type { ListenerStatus } from '../../shared/ipc';
import { buildTrayMenu, type TrayMenuActions, type TrayMenuState } from '../../electron/tray/menu';
import { describeTooltip } from '../../electron/tray/labels';
import { distinctTickets, failedEntry, openedEntry } from '../support/history-entries';

const ready: ListenerStatus = { state: 'ready', url: 'http://127.0.0.1:17345', port: 17345 };
const forms = [
  { name: 'password_reset', label: 'Password reset' },
  { name: 'reset_mfa', label: 'Reset MFA' },
];

function stateWith(overrides: Partial<TrayMenuState> = {}): TrayMenuState {
  return {
    status: ready,
    needsSetup: false,
    paused: false,
    history: [],
    forms,
    startAtLogin: false,
    ...overrides,
  };
}

function spyActions(): TrayMenuActions {
  return {
    reopen: vi.fn(),
    copyLink: vi.fn(),
    showDetails: vi.fn(),
    openApp: vi.fn(),
    openSettings: vi.fn(),
    pause: vi.fn(),
    resume: vi.fn(),
    setStartAtLogin: vi.fn(),
    viewLogs: vi.fn(),
    quit: vi.fn(),
  };
}

function item(
  menu: MenuItemConstructorOptions[],
  label: string | RegExp,
): MenuItemConstructorOptions {
  const found = menu.find((entry) =>
    typeof label === 'string' ? entry.label === label : label.test(entry.label ?? ''),
  );
  if (!found)
    throw new Error(
      `No menu item ${String(label)} in ${menu.map((entry) => entry.label).join(', ')}`,
    );
  return found;
}

function submenu(entry: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  return entry.submenu as MenuItemConstructorOptions[];
}

function click(entry: MenuItemConstructorOptions, checked = false): void {
  const handler = entry.click as unknown as (item: { checked: boolean }) => void;
  handler({ checked });
}

describe('buildTrayMenu', () => {
  it('shows placeholders for an empty history', () => {
    const menu = buildTrayMenu(stateWith(), spyActions());

    expect(submenu(item(menu, 'Recent tickets'))).toEqual([
      { label: 'No screen pops yet', enabled: false },
    ]);
    expect(submenu(item(menu, 'Form shortcuts'))).toEqual([
      { label: 'No caller yet', enabled: false },
    ]);
    expect(submenu(item(menu, 'Errors'))).toEqual([
      { label: 'No failed screen pops', enabled: false },
    ]);
  });

  it('lists the last 10 distinct tickets newest first', () => {
    const history = distinctTickets(14);
    const tickets = submenu(
      item(buildTrayMenu(stateWith({ history }), spyActions()), 'Recent tickets'),
    );

    expect(tickets).toHaveLength(10);
    expect(tickets[0]?.label).toBe('#1000 · Caller 0 · Contoso');
    expect(tickets[9]?.label).toBe('#1009 · Caller 9 · Contoso');
  });

  it('lists a ticket once when it was popped twice', () => {
    const history = [
      openedEntry(),
      openedEntry({ params: { ...openedEntry().params, formName: 'reset_mfa' } }),
    ];
    const tickets = submenu(
      item(buildTrayMenu(stateWith({ history }), spyActions()), 'Recent tickets'),
    );

    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.label).toBe('#48213 · Jane Doe · Contoso');
  });

  it('offers every form, copy link and details per ticket', () => {
    const entry = openedEntry();
    const actions = spyActions();
    const ticket = submenu(
      item(buildTrayMenu(stateWith({ history: [entry] }), actions), 'Recent tickets'),
    )[0]!;
    const choices = submenu(ticket);

    expect(choices.map((choice) => choice.label ?? choice.type)).toEqual([
      'Password reset',
      'Reset MFA',
      'separator',
      'Copy link',
      'Details',
    ]);
    click(item(choices, 'Reset MFA'));
    expect(actions.reopen).toHaveBeenCalledWith(entry.id, 'reset_mfa');
    click(item(choices, 'Copy link'));
    expect(actions.copyLink).toHaveBeenCalledWith(entry.id);
  });

  it('disables copy link when the pop has no link', () => {
    const ticket = submenu(
      item(buildTrayMenu(stateWith({ history: [failedEntry()] }), spyActions()), 'Recent tickets'),
    )[0]!;

    expect(item(submenu(ticket), 'Copy link').enabled).toBe(false);
  });

  it('uses ids when names are unknown', () => {
    const entry = openedEntry({
      subject: {},
      params: { companyId: '250', contactId: '7731', formName: 'reset_mfa' },
    });
    const ticket = submenu(
      item(buildTrayMenu(stateWith({ history: [entry] }), spyActions()), 'Recent tickets'),
    )[0]!;

    expect(ticket.label).toBe('No ticket · contact 7731 · company 250');
  });

  it('escapes ampersands from the PSA', () => {
    const entry = openedEntry({ subject: { companyName: 'Smith & Jones', contactName: 'Ann' } });
    const ticket = submenu(
      item(buildTrayMenu(stateWith({ history: [entry] }), spyActions()), 'Recent tickets'),
    )[0]!;

    expect(ticket.label).toBe('#48213 · Ann · Smith && Jones');
  });

  it('keeps hostile PSA text on one readable line', () => {
    const entry = openedEntry({
      subject: { companyName: 'Contoso\u202Etxt.exe', contactName: 'Ann\nQuit\u0085Now' },
    });
    const menu = buildTrayMenu(stateWith({ history: [entry] }), spyActions());
    const ticket = submenu(item(menu, 'Recent tickets'))[0]!;
    const header = submenu(item(menu, 'Form shortcuts'))[0];

    expect(ticket.label).toBe('#48213 · Ann Quit Now · Contosotxt.exe');
    expect(header?.label).toBe('For Ann Quit Now · Contosotxt.exe');
  });

  it('keeps a failure reason with line breaks on one line', () => {
    const entry = failedEntry({
      error: { code: 'unknown_company', message: 'Company \u2066"x\r\ty"\u2069 not found\nmore' },
    });
    const menu = buildTrayMenu(stateWith({ history: [entry] }), spyActions());
    const errors = submenu(item(menu, /^Errors/));

    expect(errors[0]?.label).toBe(`#${entry.params.ticketId}: Company "x  y" not found`);
  });

  it('offers form shortcuts for the most recent caller', () => {
    const newest = openedEntry({ subject: { contactName: 'Bob Lee', companyName: 'Fabrikam' } });
    const actions = spyActions();
    const menu = buildTrayMenu(stateWith({ history: [newest, openedEntry()] }), actions);
    const shortcuts = submenu(item(menu, 'Form shortcuts'));

    expect(shortcuts[0]).toEqual({ label: 'For Bob Lee · Fabrikam', enabled: false });
    click(item(shortcuts, 'Password reset'));
    expect(actions.reopen).toHaveBeenCalledWith(newest.id, 'password_reset');
  });

  it('lists failed pops with a one-line reason', () => {
    const failed = failedEntry();
    const actions = spyActions();
    const menu = buildTrayMenu(stateWith({ history: [openedEntry(), failed] }), actions);
    const errors = submenu(item(menu, /^Errors/));

    expect(item(menu, /^Errors/).label).toBe('Errors (1)');
    expect(errors[0]?.label).toBe('#48213: PSA contact 7731 was not found in ConnectWise PSA.');
    click(errors[0]!);
    expect(actions.showDetails).toHaveBeenCalledWith(failed.id);
  });

  it('caps the errors at 10', () => {
    const history = Array.from({ length: 12 }, () => failedEntry());
    const errors = submenu(item(buildTrayMenu(stateWith({ history }), spyActions()), /^Errors/));

    expect(errors).toHaveLength(10);
  });

  it('shortens long reasons', () => {
    const long = failedEntry({ error: { code: 'psa_error', message: 'x'.repeat(300) } });
    const errors = submenu(
      item(buildTrayMenu(stateWith({ history: [long] }), spyActions()), /^Errors/),
    );

    expect(errors[0]?.label?.length).toBeLessThanOrEqual(70);
    expect(errors[0]?.label?.endsWith('…')).toBe(true);
  });

  it('offers resume while paused', () => {
    const actions = spyActions();
    const status: ListenerStatus = { state: 'stopped', port: 17345, message: 'paused' };
    const menu = buildTrayMenu(stateWith({ paused: true, status }), actions);

    expect(menu.some((entry) => entry.label === 'Pause listener')).toBe(false);
    click(item(menu, 'Resume listener'));
    expect(actions.resume).toHaveBeenCalled();
    expect(menu[0]?.label).toBe('Listener stopped: paused');
  });

  it('disables pause and offers setup when setup is needed', () => {
    const menu = buildTrayMenu(stateWith({ needsSetup: true }), spyActions());

    expect(item(menu, 'Pause listener').enabled).toBe(false);
    expect(item(menu, 'Set up…')).toBeDefined();
  });

  it('reflects and toggles start at login', () => {
    const actions = spyActions();
    const checkbox = item(
      buildTrayMenu(stateWith({ startAtLogin: true }), actions),
      'Start at login',
    );

    expect(checkbox.type).toBe('checkbox');
    expect(checkbox.checked).toBe(true);
    click(checkbox, false);
    expect(actions.setStartAtLogin).toHaveBeenCalledWith(false);
  });

  it('wires the fixed items', () => {
    const actions = spyActions();
    const menu = buildTrayMenu(stateWith(), actions);

    click(item(menu, 'Open Technician Toolbox'));
    click(item(menu, 'Settings…'));
    click(item(menu, 'View logs'));
    click(item(menu, 'Quit Technician Toolbox'));
    expect(actions.openApp).toHaveBeenCalledOnce();
    expect(actions.openSettings).toHaveBeenCalledOnce();
    expect(actions.viewLogs).toHaveBeenCalledOnce();
    expect(actions.quit).toHaveBeenCalledOnce();
  });
});

describe('describeTooltip', () => {
  it.each([
    [ready, 'Technician Toolbox: Ready: screen pops go to http://127.0.0.1:17345'],
    [
      { state: 'working', port: 1 } as ListenerStatus,
      'Technician Toolbox: Working on a screen pop',
    ],
    [
      { state: 'failed', port: 1, message: 'PSA down' } as ListenerStatus,
      'Technician Toolbox: Last screen pop failed: PSA down',
    ],
    [
      { state: 'stopped', port: 1, message: 'port in use' } as ListenerStatus,
      'Technician Toolbox: Listener stopped: port in use',
    ],
  ])('describes %o', (status, tooltip) => {
    expect(describeTooltip(status)).toBe(tooltip);
  });

  it('stays within the Windows limit', () => {
    const status: ListenerStatus = { state: 'stopped', port: 1, message: 'y'.repeat(400) };
    expect(describeTooltip(status).length).toBeLessThanOrEqual(127);
  });
});
