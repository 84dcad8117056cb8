import { isIdp } from '../../../shared/config';
import type { PsaTicket } from '../psa/types';
import { hasEntraAccounts } from './determine-idp';
import { findCompany, type CompanySources } from './find-company';
import { describeContactConcerns, getContact } from './get-contact';
import { getTicket } from './get-ticket';
import type { PopState } from './pop-state';
import type { PipelineDeps } from './resolve-pop';
import { softenUnless } from './soften';
import type { StepLog } from './step-log';

/**
 * Identifies the caller and their company. Reads the ticket when the pop
 * lacks the contact or company, then the contact, then maps the company the
 * records point at. Each step's detail records which id came from where.
 */
export async function identifyCaller(state: PopState, log: StepLog, deps: PipelineDeps, signal?: AbortSignal): Promise<void> {
  const { params } = state;
  const { psa } = deps;
  const required = state.form?.directoryUser === 'required';

  warmUpDirectoryToken(state, deps, signal);

  let ticket: PsaTicket | undefined;
  if (params.ticketId && (!params.contactId || !params.companyId)) {
    const ticketId = params.ticketId;
    const canGoOnWithout = Boolean(params.contactId ?? params.companyId);
    ticket = await log.run('get_ticket', async () => {
      const outcome = await softenUnless(!canGoOnWithout, state, getTicket(psa, ticketId, signal));
      if (!outcome.value && outcome.code === 'ticket_not_found') state.ticketNotFound = true;
      return outcome;
    });
  } else {
    log.skip('get_ticket', params.ticketId ? 'the pop carried the contact and company' : 'the pop carried no ticket');
  }

  const contactId = params.contactId ?? ticket?.contactId;
  if (contactId) {
    const companyKnown = Boolean(params.companyId ?? ticket?.companyId);
    const origin = params.contactId ? '' : ` (contact taken from ticket ${ticket?.id})`;
    state.contact = await log.run('get_contact', async () => {
      const outcome = await softenUnless(required || !companyKnown, state, getContact(psa, contactId, signal));
      return { ...outcome, detail: outcome.detail + origin };
    });
    if (state.contact) state.warnings.push(...describeContactConcerns(state.contact));
  } else {
    const where = ticket ? `the screen pop or on ticket ${ticket.id}` : 'the screen pop';
    const warning = `No contact in ${where}, so the form opens without the caller's details.`;
    state.warnings.push(warning);
    await log.run('get_contact', () => ({ value: undefined, status: 'warning', detail: warning }));
  }

  const sources: CompanySources = { pop: params.companyId };
  if (state.contact?.companyId) sources.record = { companyId: state.contact.companyId, from: `contact ${state.contact.id}` };
  else if (ticket?.companyId) sources.record = { companyId: ticket.companyId, from: `ticket ${ticket.id}` };
  else if (state.contact) sources.recordWithoutCompany = `contact ${state.contact.id}`;

  state.company = await log.run('find_company', () => {
    const outcome = findCompany(deps.companies, sources);
    if (outcome.warning) state.warnings.push(outcome.warning);
    return outcome;
  });
}

/**
 * Starts fetching the Graph token for the pop's company while the PSA calls
 * are in flight. Any failure is ignored here, because the lookup requests
 * the token again and reports the failure.
 */
function warmUpDirectoryToken(state: PopState, deps: PipelineDeps, signal?: AbortSignal): void {
  const company = state.params.companyId ? deps.companies.get(state.params.companyId) : undefined;
  const wantsUser = state.form !== undefined && state.form.directoryUser !== 'none';
  if (!deps.directory || !company?.tenantId || !wantsUser) return;
  if (!isIdp(company.idp) || !hasEntraAccounts(company.idp)) return;

  deps.directory.warmUp(company.tenantId, signal).catch(() => undefined);
}
