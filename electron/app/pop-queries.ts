import type { HistoryEntry } from '../../shared/history';
import type { PopResult } from '../../shared/result';
import type { RawPopQuery } from '../core/app';

/** Builds the query that resolves a recorded pop again, for the same caller and another form. */
export function reopenQuery(entry: HistoryEntry, formName: string): RawPopQuery {
  const { ticketId, companyId, contactId } = entry.params;
  return { ticket_id: ticketId, company_id: companyId, contact_id: contactId, form_name: formName };
}

/** Builds the query of "Test a pop" from the ids the technician typed. */
export function testQuery(request: {
  ticketId?: string;
  companyId?: string;
  contactId?: string;
  formName: string;
}): RawPopQuery {
  return {
    ticket_id: request.ticketId,
    company_id: request.companyId,
    contact_id: request.contactId,
    form_name: request.formName,
  };
}

/**
 * Turns a resolved pop whose link was not opened into a failure. The link is dropped rather than
 * kept as the fallback, because the opener may have rejected it as unsafe.
 */
export function rejectUnopenedLink(result: PopResult, reason: string | undefined): PopResult {
  return {
    ...result,
    ok: false,
    link: undefined,
    error: {
      code: 'link_rejected',
      message: `The form was resolved but not opened because ${reason ?? 'the link was rejected'}.`,
      fix: 'Check rewst.baseUrl and the form prefill in Settings, then reopen the form.',
    },
  };
}
