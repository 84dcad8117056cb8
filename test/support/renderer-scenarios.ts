import { historyEntrySchema, type HistoryEntry } from '../../shared/history';
import type { StepRecord } from '../../shared/result';
import {
  failedEntry,
  john,
  liam,
  megan,
  successEntry,
  warningEntry,
  type Caller,
} from './renderer-history';

/** A caller whose PSA company has no mapping in the config. */
const unmapped: Caller = {
  ticketId: '5020',
  companyId: '999',
  contactId: '201',
  contactName: 'Pat Jones',
  contactEmail: 'pat.jones@adatum.example',
};

/**
 * Builds a realistic morning: successes, a pop that opened with a warning, and failures of several
 * kinds, newest first. `rewstBaseUrl` is the configured Rewst host, so links pass the allowlist.
 */
export function sampleHistory(rewstBaseUrl: string): HistoryEntry[] {
  return [
    successEntry('h-liam-reset', 2, liam, 'password_reset', rewstBaseUrl),
    warningEntry('h-john-mfa', 14, john, 'reset_mfa', rewstBaseUrl),
    failedEntry(
      'h-unmapped',
      38,
      unmapped,
      'password_reset',
      {
        step: 'find_company',
        error: {
          code: 'unknown_company',
          message: 'PSA company 999 is not mapped to a Rewst organization.',
          fix: 'Add {"psaCompanyId": "999", ...} under companies in the config file.',
        },
      },
      rewstBaseUrl,
    ),
    failedEntry(
      'h-contact-404',
      95,
      { ticketId: '5007', companyId: '250', contactId: '111' },
      'user_offboarding',
      {
        step: 'get_contact',
        error: {
          code: 'contact_not_found',
          message: 'ConnectWise has no contact 111 (HTTP 404).',
          fix: 'Check that 1Stream sends the PSA contact id, and that the API member may read contacts.',
          upstreamStatus: 404,
        },
      },
      rewstBaseUrl,
    ),
    failedEntry(
      'h-no-user',
      130,
      megan,
      'reset_mfa',
      {
        step: 'find_directory_user',
        error: {
          code: 'directory_user_not_found',
          message: 'No user with mail megan.bowen@contoso.com in tenant contoso.onmicrosoft.com.',
          fix: 'Check the contact’s email in the PSA, or open the form and pick the user by hand.',
        },
        fallbackLink: `${rewstBaseUrl}/form/f-reset_mfa?org_id=org-contoso&ticket_id=5011`,
      },
      rewstBaseUrl,
    ),
    successEntry('h-john-groups', 60 * 20, john, 'group_membership', rewstBaseUrl),
  ];
}

/** Builds a history whose only pop never named a contact or ticket: 1Stream sent its placeholders. */
export function placeholderOnlyHistory(rewstBaseUrl: string): HistoryEntry[] {
  return [
    failedEntry(
      'h-placeholders',
      5,
      {},
      'password_reset',
      {
        step: 'parse_request',
        error: {
          code: 'missing_param',
          message:
            'The screen pop has no contact_id or ticket_id: 1Stream sent @contactid and @ticketid.',
          fix: "Open the call's ticket in the PSA first, so 1Stream can fill in its ids.",
          missing: ['contact_id', 'ticket_id'],
        },
      },
      rewstBaseUrl,
    ),
  ];
}

/** An upstream message that echoed a bearer token, which "Copy details" must not copy. */
export const ECHOED_TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.sig';

const retryDetail = (attempt: number, status: number, seconds: number) =>
  `attempt ${attempt}: Microsoft Graph returned HTTP ${status} (Service Unavailable) for ` +
  `GET /v1.0/users?$filter=mail eq 'o''brien@contoso.com' or otherMails/any(m:m eq ` +
  `'o''brien@contoso.com'); retrying after ${seconds} s as its Retry-After header asked`;

/**
 * Builds a failed pop with a long step timeline: every step, Graph retries recorded as their own
 * steps, long messages, several warnings, and a token in an upstream message.
 */
export function longFailureEntry(rewstBaseUrl: string): HistoryEntry {
  const base = failedEntry(
    'h-long-failure',
    6,
    liam,
    'password_reset',
    {
      step: 'find_directory_user',
      error: {
        code: 'graph_error',
        message:
          "Microsoft Graph returned HTTP 503 for o'brien@contoso.com in tenant contoso.onmicrosoft.com " +
          'three times in a row; the directory user could not be looked up.',
        fix: 'Try again in a few minutes. If it keeps failing, check https://status.cloud.microsoft for Graph incidents.',
        upstreamStatus: 503,
      },
      fallbackLink: `${rewstBaseUrl}/form/f-password_reset?org_id=org-contoso&ticket_id=5001&email=o%27brien%40contoso.com`,
    },
    rewstBaseUrl,
  );

  const retries: StepRecord[] = [1, 2, 3].map((attempt) => ({
    name: 'find_directory_user',
    status: 'warning',
    ms: 1200 * attempt,
    detail: retryDetail(attempt, 503, attempt * 2),
  }));
  const steps = base.steps.flatMap((step) => {
    if (step.name === 'find_directory_user' && step.status === 'error') {
      const detail =
        `${step.detail} Last response: {"error":{"code":"ServiceUnavailable"}} ` +
        `sent with Authorization: Bearer ${ECHOED_TOKEN}`;
      return [...retries, { ...step, ms: 4210, detail }];
    }
    return [step];
  });

  return historyEntrySchema.parse({
    ...base,
    steps,
    warnings: [
      'The ticket names contact 101 but the screen pop named contact 102; the ticket’s contact is used.',
      'Contact 101 has two email addresses; the default one, o’brien@contoso.com, is used.',
      'Microsoft Graph answered slowly (over 4 s per request); tenant contoso.onmicrosoft.com may be throttled.',
    ],
    totalMs: steps.reduce((sum, step) => sum + step.ms, 0),
  });
}

/** Builds the sample history with the long failure in its place by time, newest first. */
export function historyWithLongFailure(rewstBaseUrl: string): HistoryEntry[] {
  const entries = [longFailureEntry(rewstBaseUrl), ...sampleHistory(rewstBaseUrl)];
  return entries.sort((a, b) => b.at.localeCompare(a.at));
}
