import { ToolboxError } from '../errors';
import { psaDisplayName, type PsaClient, type PsaContact } from '../psa/types';
import { contactName } from './pop-state';
import type { StepOutcome } from './step-log';

/** Reads the caller's contact from the PSA; a missing contact is contact_not_found. */
export async function getContact(
  psa: PsaClient,
  contactId: string,
  signal?: AbortSignal,
): Promise<StepOutcome<PsaContact>> {
  const contact = await psa.getContact(contactId, signal);
  if (!contact) {
    throw new ToolboxError('contact_not_found', `Contact ${contactId} was not found in ${psaDisplayName[psa.type]}.`, {
      fix:
        'Check that the caller is matched to the right contact in 1Stream. 1Stream refreshes its ' +
        'PSA contact cache hourly, so a contact created or merged in the last hour may not be matched yet.',
    });
  }

  const email = contact.email ? ` <${contact.email}>` : ', no email address';
  return { value: contact, detail: `contact ${contactId} is ${contactName(contact) ?? 'unnamed'}${email}` };
}

/** Warnings about a contact that was found but may not be the one the technician expects. */
export function describeContactConcerns(contact: PsaContact): string[] {
  const concerns: string[] = [];
  const name = contactName(contact) ?? `Contact ${contact.id}`;

  if (!contact.active) concerns.push(`${name} is marked inactive in the PSA.`);
  if (!contact.email) concerns.push(`${name} has no email address in the PSA, so no directory user can be looked up.`);
  return concerns;
}
