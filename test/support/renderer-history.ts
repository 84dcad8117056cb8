import { historyEntrySchema, type HistoryEntry } from '../../shared/history';
import type { PopError, StepRecord } from '../../shared/result';

/**
 * History entries for the renderer tests, shaped like the pipeline's results for the stand-in
 * ConnectWise and Graph data (company 250 Contoso, contacts 101-110), so reopening one through
 * the real core resolves. Every builder validates its entry with the shared schema.
 */

/** The clock the browser tests freeze the page at; entry times count back from it. */
export const FIXED_NOW = new Date('2025-06-12T14:30:00.000Z');

function minutesAgo(minutes: number): string {
  return new Date(FIXED_NOW.getTime() - minutes * 60_000).toISOString();
}

export interface Caller {
  ticketId?: string;
  companyId?: string;
  contactId?: string;
  companyName?: string;
  contactName?: string;
  contactEmail?: string;
  userPrincipalName?: string;
}

/** Liam O'Brien at Contoso, contact 101, with ticket 5001. */
export const liam: Caller = {
  ticketId: '5001',
  companyId: '250',
  contactId: '101',
  companyName: 'Contoso',
  contactName: "Liam O'Brien",
  contactEmail: "o'brien@contoso.com",
  userPrincipalName: "o'brien@contoso.com",
};

/** John Smith at Contoso, contact 102, with ticket 5003. */
export const john: Caller = {
  ticketId: '5003',
  companyId: '250',
  contactId: '102',
  companyName: 'Contoso',
  contactName: 'John Smith',
  contactEmail: 'j.smith+helpdesk@contoso.com',
};

/** Megan Bowen at Contoso, contact 105, with ticket 5011. */
export const megan: Caller = {
  ticketId: '5011',
  companyId: '250',
  contactId: '105',
  companyName: 'Contoso',
  contactName: 'Megan Bowen',
  contactEmail: 'megan.bowen@contoso.com',
};

function step(name: StepRecord['name'], ms: number, detail: string): StepRecord {
  return { name, status: 'ok', ms, detail };
}

function okSteps(caller: Caller, formName: string, rewstBaseUrl: string): StepRecord[] {
  const { ticketId, companyId, contactId, companyName, contactName, contactEmail } = caller;
  const host = new URL(rewstBaseUrl).host;
  return [
    step('parse_request', 0.4, `form ${formName} (Rewst form f-${formName})`),
    step('get_ticket', 182, `ticket ${ticketId} has company ${companyId} and contact ${contactId}`),
    step('get_contact', 141, `contact ${contactId} is ${contactName}, ${contactEmail}`),
    step(
      'find_company',
      0.2,
      `PSA company ${companyId} (from the ticket) is ${companyName}, Rewst org org-contoso`,
    ),
    step('determine_idp', 0.1, 'identity provider azure_ad'),
    step(
      'check_directory_need',
      0.1,
      `form ${formName} wants a required directory user; looking up ${contactEmail}`,
    ),
    step('find_directory_user', 388, `found ${caller.userPrincipalName ?? contactEmail}`),
    step('build_link', 0.6, 'prefilled 7 parameters'),
    step('check_link', 0.1, `https link on ${host}, 243 characters`),
  ];
}

function formLink(rewstBaseUrl: string, formName: string, caller: Caller): string {
  const query = new URLSearchParams({
    org_id: 'org-contoso',
    ticket_id: caller.ticketId ?? '',
    email: caller.contactEmail ?? '',
  });
  return `${rewstBaseUrl}/form/f-${formName}?${query}`;
}

function entry(id: string, minutes: number, fields: Omit<HistoryEntry, 'id' | 'at'>): HistoryEntry {
  return historyEntrySchema.parse({ id, at: minutesAgo(minutes), ...fields });
}

function paramsOf(caller: Caller, formName: string) {
  const { ticketId, companyId, contactId } = caller;
  return { ticketId, companyId, contactId, formName };
}

function subjectOf(caller: Caller) {
  const { companyName, contactName, contactEmail, userPrincipalName } = caller;
  return { companyName, contactName, contactEmail, userPrincipalName };
}

/** Builds a pop that opened its form. */
export function successEntry(
  id: string,
  minutes: number,
  caller: Caller,
  formName: string,
  rewstBaseUrl: string,
): HistoryEntry {
  const steps = okSteps(caller, formName, rewstBaseUrl);
  return entry(id, minutes, {
    ok: true,
    link: formLink(rewstBaseUrl, formName, caller),
    warnings: [],
    steps,
    params: paramsOf(caller, formName),
    subject: subjectOf(caller),
    totalMs: 716,
  });
}

/** Builds a pop that opened its form without the directory user, because Graph timed out. */
export function warningEntry(
  id: string,
  minutes: number,
  caller: Caller,
  formName: string,
  rewstBaseUrl: string,
): HistoryEntry {
  const warning =
    'Microsoft Graph did not answer within 8000 ms. The form opens without these details.';
  const steps = okSteps(caller, formName, rewstBaseUrl).map((step): StepRecord =>
    step.name === 'find_directory_user'
      ? { ...step, status: 'warning', ms: 8004, detail: warning }
      : step,
  );
  return entry(id, minutes, {
    ok: true,
    link: formLink(rewstBaseUrl, formName, caller),
    warnings: [warning],
    steps,
    params: paramsOf(caller, formName),
    subject: { ...subjectOf(caller), userPrincipalName: undefined },
    totalMs: 8330,
  });
}

/** Builds a pop that stopped at `failure.step` with `failure.error`, skipping the later steps. */
export function failedEntry(
  id: string,
  minutes: number,
  caller: Caller,
  formName: string,
  failure: { step: StepRecord['name']; error: PopError; fallbackLink?: string },
  rewstBaseUrl: string,
): HistoryEntry {
  const steps: StepRecord[] = [];
  for (const step of okSteps(caller, formName, rewstBaseUrl)) {
    if (steps.some((done) => done.name === failure.step)) {
      const detail = `not run: the pop stopped with ${failure.error.code}`;
      steps.push({ name: step.name, status: 'skipped', ms: 0, detail });
    } else if (step.name === failure.step) {
      steps.push({ name: step.name, status: 'error', ms: 212, detail: failure.error.message });
    } else {
      steps.push(step);
    }
  }
  // The directory user is known only when its lookup succeeded before the failure.
  const userFound = steps.some(
    (done) => done.name === 'find_directory_user' && done.status === 'ok',
  );
  const subject = { ...subjectOf(caller), ...(!userFound && { userPrincipalName: undefined }) };
  return entry(id, minutes, {
    ok: false,
    ...(failure.fallbackLink && { fallbackLink: failure.fallbackLink }),
    warnings: [],
    error: failure.error,
    steps,
    params: paramsOf(caller, formName),
    subject,
    totalMs: steps.reduce((sum, step) => sum + step.ms, 0),
  });
}
