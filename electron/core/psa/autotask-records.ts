import { z } from 'zod';
import { ToolboxError } from '../errors';
import type { PsaCompany, PsaContact, PsaTicket } from './types';

const text = z.string().nullish();
// The REST API sends isActive as 1/0 on contacts and as true/false on companies.
const activeFlag = z.union([z.number(), z.boolean()]).nullish();

const contactSchema = z.object({
  id: z.number(),
  companyID: z.number().nullish(),
  firstName: text,
  lastName: text,
  emailAddress: text,
  emailAddress2: text,
  emailAddress3: text,
  phone: text,
  mobilePhone: text,
  isActive: activeFlag,
});

const ticketSchema = z.object({
  id: z.number(),
  companyID: z.number().nullish(),
  contactID: z.number().nullish(),
  title: text,
});

const companySchema = z.object({
  id: z.number(),
  companyName: z.string(),
  isActive: activeFlag,
});

/**
 * Maps `{item}` from `GET V1.0/Contacts/{id}` to a PsaContact, or null for `{item: null}`.
 * The contact record holds only the company id, so companyName stays undefined.
 */
export function toPsaContact(body: unknown, id: string): PsaContact | null {
  const contact = parseItem(contactSchema, body, 'contact', id);
  if (!contact) return null;

  const email = firstFilled(contact.emailAddress, contact.emailAddress2, contact.emailAddress3);
  const phone = firstFilled(contact.phone, contact.mobilePhone);
  return {
    id: String(contact.id),
    firstName: contact.firstName ?? '',
    lastName: contact.lastName ?? '',
    ...(email && { email }),
    ...(phone && { phone }),
    ...(contact.companyID != null && { companyId: String(contact.companyID) }),
    active: isActive(contact.isActive),
  };
}

export function toPsaTicket(body: unknown, id: string): PsaTicket | null {
  const ticket = parseItem(ticketSchema, body, 'ticket', id);
  if (!ticket) return null;

  return {
    id: String(ticket.id),
    ...(ticket.title && { summary: ticket.title }),
    ...(ticket.companyID != null && { companyId: String(ticket.companyID) }),
    ...(ticket.contactID != null && { contactId: String(ticket.contactID) }),
  };
}

/**
 * Maps an Autotask company to a PsaCompany. An inactive company is still returned, because
 * old tickets and contacts can still refer to it.
 */
export function toPsaCompany(
  body: unknown,
  id: string,
): (PsaCompany & { active: boolean }) | null {
  const company = parseItem(companySchema, body, 'company', id);
  if (!company) return null;

  return { id: String(company.id), name: company.companyName, active: isActive(company.isActive) };
}

/** Absent counts as active, so that a record without the field is not turned away. */
function isActive(flag: number | boolean | null | undefined): boolean {
  return flag !== 0 && flag !== false;
}

function firstFilled(...values: (string | null | undefined)[]): string | undefined {
  for (const value of values) {
    const trimmed = value?.trim();
    if (trimmed) return trimmed;
  }
  return undefined;
}

function parseItem<T>(schema: z.ZodType<T>, body: unknown, record: string, id: string): T | null {
  // getPsaJson returns null for a 404, and Autotask sends {item: null} with 200 as well.
  if (body === null) return null;

  const result = z.object({ item: schema.nullable() }).safeParse(body);
  if (result.success) return result.data.item;

  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the body';
  const detail = `${where}: ${issue?.message ?? 'invalid'}`;
  throw new ToolboxError(
    'psa_error',
    `Autotask returned ${record} ${id} in an unexpected shape (${detail}).`,
    {
      fix:
        'Check that psa.zoneDiscoveryUrl points at the Autotask REST API. If it does, report ' +
        'the problem with the Technician Toolbox log.',
    },
  );
}
