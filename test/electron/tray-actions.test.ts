import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../support/electron-stand-in'));

import type { Runtime } from '../../electron/app/runtime';
import { createTrayActions } from '../../electron/app/tray-actions';
import type { WindowManager } from '../../electron/windows/window-manager';
import { resetElectronStandIn, shell } from '../support/electron-stand-in';
import { failedEntry, openedEntry } from '../support/history-entries';

const opened = openedEntry();
const failedWithFallback = failedEntry({ fallbackLink: 'https://app.rewst.io/form/f-1?org_id=o' });
const failedWithoutLink = failedEntry();

function setUp() {
  const runtime = {
    history: () => [opened, failedWithFallback, failedWithoutLink],
    reopen: vi.fn(async () => opened),
    pause: vi.fn(async () => ({ state: 'stopped', port: 1 })),
    resume: vi.fn(async () => ({ state: 'ready', port: 1 })),
  } as unknown as Runtime;
  const windows = { showView: vi.fn(), togglePopover: vi.fn(), broadcast: vi.fn() } as WindowManager;
  const writeClipboard = vi.fn();
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
  const quit = vi.fn();
  const actions = createTrayActions({ runtime, windows, writeClipboard, logDir: '/logs', quit, log });
  return { actions, runtime, windows, writeClipboard, log };
}

beforeEach(() => {
  resetElectronStandIn();
});

describe('createTrayActions', () => {
  it('copies the form link', () => {
    const { actions, writeClipboard } = setUp();

    actions.copyLink(opened.id);

    expect(writeClipboard).toHaveBeenCalledWith(opened.link);
  });

  it('copies the fallback link of a failed pop', () => {
    const { actions, writeClipboard } = setUp();

    actions.copyLink(failedWithFallback.id);

    expect(writeClipboard).toHaveBeenCalledWith(failedWithFallback.fallbackLink);
  });

  it('copies nothing without a link', () => {
    const { actions, writeClipboard, log } = setUp();

    actions.copyLink(failedWithoutLink.id);

    expect(writeClipboard).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledOnce();
  });

  it('logs a failed reopen', async () => {
    const { actions, runtime, log } = setUp();
    vi.mocked(runtime.reopen).mockRejectedValueOnce(new Error('PSA down'));

    actions.reopen(opened.id, 'reset_mfa');

    await vi.waitFor(() => expect(log.error).toHaveBeenCalledOnce());
    expect(String(log.error.mock.calls[0]?.[0])).toContain('reopen reset_mfa');
  });

  it('opens the log folder', () => {
    const { actions } = setUp();

    actions.viewLogs();

    expect(shell.openPath).toHaveBeenCalledWith('/logs');
  });

  it('shows details in the main window', () => {
    const { actions, windows } = setUp();

    actions.showDetails(opened.id);

    expect(windows.showView).toHaveBeenCalledWith('details', opened.id);
  });
});
