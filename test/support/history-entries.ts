import type { HistoryEntry } from '../../shared/history';

let sequence = 0;

/** Builds a history entry of a pop that opened a password reset form for Jane Doe at Contoso. */
export function openedEntry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  sequence += 1;
  return {
    id: `entry-${sequence}`,
    at: new Date(Date.UTC(2026, 0, 1, 9, 0, sequence)).toISOString(),
    ok: true,
    link: 'https://app.rewst.io/form/f-password-reset?ticket_id=48213',
    warnings: [],
    steps: [{ name: 'parse_request', status: 'ok', ms: 0.2, detail: 'form password_reset' }],
    params: { ticketId: '48213', companyId: '250', contactId: '7731', formName: 'password_reset' },
    subject: { companyName: 'Contoso', contactName: 'Jane Doe', contactEmail: 'jdoe@contoso.com' },
    totalMs: 120,
    ...overrides,
  };
}

/** Builds a history entry of a pop that failed because the PSA contact was not found. */
export function failedEntry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return openedEntry({
    ok: false,
    link: undefined,
    error: {
      code: 'contact_not_found',
      message: 'PSA contact 7731 was not found in ConnectWise PSA.\nSecond line of detail.',
      fix: 'Check the contact in the PSA.',
    },
    subject: { companyName: 'Contoso' },
    ...overrides,
  });
}

/** Builds `count` entries for distinct tickets, newest first, numbered from 1000. */
export function distinctTickets(count: number): HistoryEntry[] {
  return Array.from({ length: count }, (_, index) =>
    openedEntry({
      params: {
        ticketId: String(1000 + index),
        companyId: '250',
        contactId: String(7000 + index),
        formName: 'password_reset',
      },
      subject: { companyName: 'Contoso', contactName: `Caller ${index}` },
    }),
  );
}
