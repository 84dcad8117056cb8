import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../support/electron-stand-in'));

import { createPopNotifier } from '../../electron/shell/notifications';
import { FakeNotification, recorded, resetElectronStandIn } from '../support/electron-stand-in';
import { failedEntry, openedEntry } from '../support/history-entries';

const labels: Record<string, string> = { password_reset: 'Password reset' };

function notifier(enabled = true) {
  const showDetails = vi.fn();
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
  const notify = createPopNotifier({
    isEnabled: () => enabled,
    formLabel: (name) => labels[name] ?? name,
    showDetails,
    log,
  });
  return { notify, showDetails, log };
}

beforeEach(() => {
  resetElectronStandIn();
});

describe('createPopNotifier', () => {
  it('names the form and contact of an opened pop', () => {
    const { notify } = notifier();

    notify(openedEntry());

    expect(recorded.notifications).toHaveLength(1);
    expect(recorded.notifications[0]?.options).toMatchObject({
      title: 'Opened Password reset',
      body: 'Jane Doe · Contoso',
    });
    expect(recorded.notifications[0]?.show).toHaveBeenCalledOnce();
  });

  it('cleans control and bidi characters', () => {
    const { notify } = notifier();

    notify(
      openedEntry({
        params: { ...openedEntry().params, formName: 'reset\u202E' },
        subject: { contactName: 'Jane\nDoe', companyName: '\u200FContoso\u0007' },
      }),
    );

    expect(recorded.notifications[0]?.options).toMatchObject({
      title: 'Opened reset',
      body: 'Jane Doe · Contoso ',
    });
  });

  it('gives the reason of a failed pop', () => {
    const { notify } = notifier();

    notify(failedEntry());

    expect(recorded.notifications[0]?.options).toMatchObject({
      title: 'Screen pop failed: Password reset',
      body: 'PSA contact 7731 was not found in ConnectWise PSA.',
    });
  });

  it('counts warnings of an opened pop', () => {
    const { notify } = notifier();

    notify(openedEntry({ warnings: ['Directory user not found; the form opened without it.'] }));

    expect(recorded.notifications[0]?.options.body).toBe('Jane Doe · Contoso (1 warning(s))');
  });

  it('shows details on click', () => {
    const { notify, showDetails } = notifier();
    const entry = failedEntry();

    notify(entry);
    recorded.notifications[0]?.emit('click');

    expect(showDetails).toHaveBeenCalledWith(entry.id);
  });

  it('shows nothing when turned off', () => {
    const { notify } = notifier(false);

    notify(openedEntry());

    expect(recorded.notifications).toHaveLength(0);
  });

  it('shows nothing where unsupported, logging once', () => {
    FakeNotification.isSupported.mockReturnValue(false);
    const { notify, log } = notifier();

    notify(openedEntry());
    notify(openedEntry());

    expect(recorded.notifications).toHaveLength(0);
    expect(log.info).toHaveBeenCalledOnce();
  });
});
