import { ToolboxError } from '../errors';
import { psaDisplayName, type PsaClient, type PsaTicket } from '../psa/types';
import type { StepOutcome } from './step-log';

/** Reads the ticket to learn the caller's contact and company when the pop did not carry them. */
export async function getTicket(psa: PsaClient, ticketId: string, signal?: AbortSignal): Promise<StepOutcome<PsaTicket>> {
  const ticket = await psa.getTicket(ticketId, signal);
  if (!ticket) {
    throw new ToolboxError('ticket_not_found', `Ticket ${ticketId} was not found in ${psaDisplayName[psa.type]}.`, {
      fix: 'Check that the ticket still exists (it may have been merged or deleted) and that the PSA API user may read it.',
    });
  }

  const learned = [
    ticket.contactId ? `contact ${ticket.contactId}` : 'no contact',
    ticket.companyId ? `company ${ticket.companyId}` : 'no company',
  ];
  return { value: ticket, detail: `ticket ${ticketId} has ${learned.join(' and ')}` };
}
