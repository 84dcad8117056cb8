import { z } from 'zod';
import { ToolboxError } from '../errors';
import type { PsaCompany, PsaContact, PsaTicket } from './types';

const text = z.string().nullish();

// Halo "users" are the end users of a client, which the pipeline calls contacts.
const userSchema = z.object({
  id: z.number(),
  name: text,
  firstname: text,
  surname: text,
  emailaddress: text,
  email2: text,
  email3: text,
  phonenumber_preferred: text,
  phonenumber: text,
  mobilenumber: text,
  client_id: z.number().nullish(),
  client_name: text,
  inactive: z.boolean().nullish(),
});

const ticketSchema = z.object({
  id: z.number(),
  summary: text,
  client_id: z.number().nullish(),
  user_id: z.number().nullish(),
});

const clientSchema = z.object({
  id: z.number(),
  name: z.string(),
  inactive: z.boolean().nullish(),
});

/** Maps a Halo user to a PsaContact. Throws psa_error when the body is no user. */
export function toPsaContact(body: unknown, id: string): PsaContact {
  const user = parseRecord(userSchema, body, 'user', id);
  // emailaddress is the primary address, but it can be empty while email2 is set.
  const email = firstNonEmpty(user.emailaddress, user.email2, user.email3);
  const phone = firstNonEmpty(user.phonenumber_preferred, user.phonenumber, user.mobilenumber);
  const { firstName, lastName } = readName(user);
  const clientId = positiveId(user.client_id);
  const clientName = firstNonEmpty(user.client_name);

  return {
    id: String(user.id),
    firstName,
    lastName,
    ...(email && { email }),
    ...(phone && { phone }),
    ...(clientId && { companyId: clientId }),
    ...(clientId && clientName && { companyName: clientName }),
    active: user.inactive !== true,
  };
}

/** Maps a Halo ticket to a PsaTicket. A user_id of 0 means the ticket has no user. */
export function toPsaTicket(body: unknown, id: string): PsaTicket {
  const ticket = parseRecord(ticketSchema, body, 'ticket', id);
  const clientId = positiveId(ticket.client_id);
  const userId = positiveId(ticket.user_id);

  return {
    id: String(ticket.id),
    ...(ticket.summary && { summary: ticket.summary }),
    ...(clientId && { companyId: clientId }),
    ...(userId && { contactId: userId }),
  };
}

/** Maps a Halo client to a PsaCompany, also returning Halo's inactive flag. */
export function toPsaCompany(body: unknown, id: string): PsaCompany & { inactive: boolean } {
  const client = parseRecord(clientSchema, body, 'client', id);
  return { id: String(client.id), name: client.name, inactive: client.inactive === true };
}

/**
 * Returns firstname and surname, or splits `name` at its first space when both are empty:
 * "Ana de la Cruz" becomes "Ana" and "de la Cruz".
 */
function readName(user: z.infer<typeof userSchema>): { firstName: string; lastName: string } {
  const firstName = user.firstname?.trim() ?? '';
  const lastName = user.surname?.trim() ?? '';
  if (firstName || lastName) return { firstName, lastName };

  const [first = '', ...rest] = (user.name ?? '').trim().split(/\s+/);
  return { firstName: first, lastName: rest.join(' ') };
}

function firstNonEmpty(...values: Array<string | null | undefined>): string | undefined {
  for (const value of values) {
    const trimmed = value?.trim();
    if (trimmed) return trimmed;
  }
  return undefined;
}

// Halo sends 0 (or no field) where a record refers to no client or user.
function positiveId(value: number | null | undefined): string | undefined {
  return value !== null && value !== undefined && value > 0 ? String(value) : undefined;
}

function parseRecord<T>(schema: z.ZodType<T>, body: unknown, record: string, id: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;

  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the body';
  const detail = `${where}: ${issue?.message ?? 'invalid'}`;
  throw new ToolboxError(
    'psa_error',
    `HaloPSA returned ${record} ${id} in an unexpected shape (${detail}).`,
    {
      fix:
        'Check that psa.baseUrl is the HaloPSA address, such as https://contoso.halopsa.com. ' +
        'If it is, report the problem with the Technician Toolbox log.',
    },
  );
}
