import type { PopParams, PopResult } from '../../../shared/result';

/** The screen pop's query parameters, in the order 1Stream's template lists them. */
export const popQueryFields: ReadonlyArray<[queryName: string, field: keyof PopParams]> = [
  ['ticket_id', 'ticketId'],
  ['company_id', 'companyId'],
  ['contact_id', 'contactId'],
  ['form_name', 'formName'],
];

export interface LabelledValue {
  label: string;
  /** Undefined when the pop did not carry the value. */
  value?: string;
}

/** Lists the pop's parameters, then what the pipeline learned about the caller. */
export function popFacts(result: PopResult): LabelledValue[] {
  const facts: LabelledValue[] = popQueryFields.map(([queryName, field]) => ({
    label: queryName,
    value: result.params[field],
  }));

  const { companyName, contactName, contactEmail, userPrincipalName } = result.subject;
  if (companyName) facts.push({ label: 'Company', value: companyName });
  if (contactName) facts.push({ label: 'Contact', value: contactName });
  if (contactEmail) facts.push({ label: 'Contact email', value: contactEmail });
  if (userPrincipalName) facts.push({ label: 'Directory user', value: userPrincipalName });
  return facts;
}
