import type { CompanyMapping, Idp } from '../../../shared/config';
import type { PopParams, PopSubject } from '../../../shared/result';
import type { FormDefinition } from '../forms/builtin';
import type { TemplateContext } from '../forms/template';
import type { DirectoryUser } from '../graph/types';
import type { PsaContact } from '../psa/types';

/** Everything learned about a pop so far; a failed step leaves the rest undefined. */
export interface PopState {
  params: PopParams;
  form?: FormDefinition & { formId: string };
  company?: CompanyMapping;
  contact?: PsaContact;
  idp?: Idp;
  user?: DirectoryUser;
  /** True when the PSA has no ticket with the pop's ticket_id, so the id is not prefilled. */
  ticketNotFound?: boolean;
  warnings: string[];
}

/** Builds the values prefill templates can read from what the pop has learned so far. */
export function toTemplateContext(state: PopState): TemplateContext {
  const { params, company, contact, user } = state;
  return {
    'ticket.id': state.ticketNotFound ? undefined : params.ticketId,
    'company.id': company?.psaCompanyId ?? params.companyId,
    'company.name': company?.name,
    'org.id': company?.rewstOrgId,
    'contact.id': contact?.id ?? params.contactId,
    'contact.firstName': contact?.firstName,
    'contact.lastName': contact?.lastName,
    'contact.email': contact?.email,
    'contact.phone': contact?.phone,
    'user.id': user?.id,
    'user.userPrincipalName': user?.userPrincipalName,
    'user.mail': user?.mail,
    'user.displayName': user?.displayName,
    idp: state.idp,
    'form.name': state.form?.name,
  };
}

export function contactName(contact: PsaContact | undefined): string | undefined {
  const name = [contact?.firstName, contact?.lastName].filter(Boolean).join(' ').trim();
  return name || undefined;
}

/** Describes the caller as the tray and the history show it. */
export function toSubject(state: PopState): PopSubject {
  return {
    ...(state.company && { companyName: state.company.name }),
    ...(contactName(state.contact) && { contactName: contactName(state.contact) }),
    ...(state.contact?.email && { contactEmail: state.contact.email }),
    ...(state.user && { userPrincipalName: state.user.userPrincipalName }),
  };
}
