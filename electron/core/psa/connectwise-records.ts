import { z } from 'zod';
import { ToolboxError } from '../errors';
import type { PsaCompany, PsaContact, PsaTicket } from './types';

const reference = z.object({ id: z.number(), name: z.string().nullish() }).nullish();

const communicationItem = z.object({
  type: z.object({ name: z.string().nullish() }).nullish(),
  value: z.string().nullish(),
  defaultFlag: z.boolean().nullish(),
  communicationType: z.string().nullish(),
});
type CommunicationItem = z.infer<typeof communicationItem>;

const contactSchema = z.object({
  id: z.number(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  // Null when the API member's security role may not see companies.
  company: reference,
  inactiveFlag: z.boolean().nullish(),
  defaultPhoneNbr: z.string().nullish(),
  communicationItems: z.array(communicationItem).nullish(),
});

const ticketSchema = z.object({
  id: z.number(),
  summary: z.string().nullish(),
  company: reference,
  contact: reference,
});

const companySchema = z.object({
  id: z.number(),
  name: z.string(),
  deletedFlag: z.boolean().nullish(),
});

/** Maps a ConnectWise contact to a PsaContact. Throws psa_error when the body is no contact. */
export function toPsaContact(body: unknown, id: string): PsaContact {
  const contact = parseRecord(contactSchema, body, 'contact', id);
  const items = contact.communicationItems ?? [];
  const email = pickDefault(items.filter(isEmailItem));
  const phone = nonEmpty(contact.defaultPhoneNbr) ?? pickDefault(items.filter(isPhoneItem));

  return {
    id: String(contact.id),
    firstName: contact.firstName ?? '',
    lastName: contact.lastName ?? '',
    ...(email && { email }),
    ...(phone && { phone }),
    ...(contact.company && { companyId: String(contact.company.id) }),
    ...(contact.company?.name && { companyName: contact.company.name }),
    active: contact.inactiveFlag !== true,
  };
}

export function toPsaTicket(body: unknown, id: string): PsaTicket {
  const ticket = parseRecord(ticketSchema, body, 'ticket', id);

  return {
    id: String(ticket.id),
    ...(ticket.summary && { summary: ticket.summary }),
    ...(ticket.company && { companyId: String(ticket.company.id) }),
    ...(ticket.contact && { contactId: String(ticket.contact.id) }),
  };
}

/**
 * Maps a ConnectWise company to a PsaCompany. A company with deletedFlag (deleted or merged)
 * is still returned, because old tickets and contacts can still refer to it.
 */
export function toPsaCompany(body: unknown, id: string): PsaCompany & { deleted: boolean } {
  const company = parseRecord(companySchema, body, 'company', id);
  return { id: String(company.id), name: company.name, deleted: company.deletedFlag === true };
}

/**
 * Returns the value of the item marked default, else of the first item. ConnectWise marks
 * one default per communication type, and it need not come first in the list.
 */
function pickDefault(items: CommunicationItem[]): string | undefined {
  const usable = items.filter((item) => nonEmpty(item.value) !== undefined);
  const chosen = usable.find((item) => item.defaultFlag === true) ?? usable[0];
  return nonEmpty(chosen?.value);
}

function isEmailItem(item: CommunicationItem): boolean {
  return item.communicationType === 'Email' || /email/i.test(item.type?.name ?? '');
}

function isPhoneItem(item: CommunicationItem): boolean {
  return item.communicationType === 'Phone';
}

function nonEmpty(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function parseRecord<T>(schema: z.ZodType<T>, body: unknown, record: string, id: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;

  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the body';
  const detail = `${where}: ${issue?.message ?? 'invalid'}`;
  throw new ToolboxError(
    'psa_error',
    `ConnectWise PSA returned ${record} ${id} in an unexpected shape (${detail}).`,
    {
      fix:
        'Check that psa.baseUrl points at the ConnectWise REST API 3.0. If it does, report ' +
        'the problem with the Technician Toolbox log.',
    },
  );
}
