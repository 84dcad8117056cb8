import { z } from 'zod';
import type { PopParams } from '../../../shared/result';
import type { RawPopQuery } from '../app';
import { ToolboxError } from '../errors';
import type { FormDefinition } from '../forms/builtin';
import type { FormCatalogue } from '../forms/catalogue';

/**
 * Values 1Stream sends when it has nothing to substitute: an empty string, 0,
 * null, undefined, or the placeholder itself (such as `@contactid`).
 */
function isUnsubstituted(value: string): boolean {
  return ['', '0', 'null', 'undefined'].includes(value.toLowerCase()) || value.startsWith('@');
}

/** Drops leading zeros, so `00101` and `101` name the same PSA record. */
function normalizeDigits(value: string): string {
  return /^\d+$/.test(value) ? value.replace(/^0+(?=\d)/, '') : value;
}

const popValue = z
  .string()
  .optional()
  .transform((value) => {
    const trimmed = value === undefined ? undefined : normalizeDigits(value.trim());
    return trimmed === undefined || isUnsubstituted(trimmed) ? undefined : trimmed;
  });

const popQuerySchema = z.object({
  ticket_id: popValue,
  company_id: popValue,
  contact_id: popValue,
  form_name: popValue,
});
type PopQuery = z.infer<typeof popQuerySchema>;

const idParams = ['ticket_id', 'company_id', 'contact_id'] as const;

const templateHint =
  'Check the 1Stream Screen Pop URL template: it must carry ' +
  'ticket_id=@ticketid&company_id=@companyid&contact_id=@contactid&form_name=<form>. ' +
  '1Stream leaves a value empty or as its @placeholder when the call has no matched ' +
  'contact or ticket: match the caller in 1Stream and pop again.';

/** A pop whose ids and form passed every check. */
export interface ParsedPop {
  params: PopParams;
  form: FormDefinition & { formId: string };
}

function toParams(query: PopQuery): PopParams {
  return {
    ...(query.ticket_id && { ticketId: query.ticket_id }),
    ...(query.company_id && { companyId: query.company_id }),
    ...(query.contact_id && { contactId: query.contact_id }),
    ...(query.form_name && { formName: query.form_name }),
  };
}

/**
 * Reads a pop's query into params, treating unsubstituted values as missing.
 * Returns no params instead of throwing for a query that is not all strings.
 */
export function readPopParams(query: RawPopQuery): PopParams {
  const parsed = popQuerySchema.safeParse(query);
  return parsed.success ? toParams(parsed.data) : {};
}

/**
 * Checks the pop's parameters: a form and at least one PSA id present, ids
 * numeric, the form known. The pipeline derives the ids that are missing
 * from the ticket or the contact.
 */
export function checkPopParams(query: RawPopQuery, forms: FormCatalogue): ParsedPop {
  const raw = popQuerySchema.parse(query);

  checkRequiredParams(raw);
  checkIds(raw);

  const formName = raw.form_name ?? '';
  const form = forms.get(formName);
  if (!form?.formId) {
    throw new ToolboxError('unknown_form', describeUnknownForm(formName, form !== undefined, forms), {
      fix: `Use one of the configured form names (${forms.names().join(', ') || 'none yet'}), or add "${formName}" with its formId under rewst.forms in the config file.`,
    });
  }

  return { params: toParams(raw), form: { ...form, formId: form.formId } };
}

function checkRequiredParams(raw: PopQuery): void {
  const noIds = idParams.every((name) => raw[name] === undefined);
  const missing = [...(noIds ? idParams : []), ...(raw.form_name === undefined ? ['form_name'] : [])];
  if (missing.length === 0) return;

  const message = noIds
    ? `The screen pop carries none of ticket_id, company_id and contact_id${raw.form_name === undefined ? ', and no form_name' : ''}; it needs at least one id to find the caller.`
    : 'The screen pop is missing form_name.';
  throw new ToolboxError('missing_param', message, { missing, fix: templateHint });
}

function checkIds(raw: PopQuery): void {
  for (const name of idParams) {
    const value = raw[name];
    if (value === undefined || /^\d{1,18}$/.test(value)) continue;

    const problem = /^\d+$/.test(value) ? 'has more than 18 digits' : 'must be a positive whole number';
    throw new ToolboxError('invalid_param', `${name} "${shorten(value)}" is not a PSA id: it ${problem}.`, {
      fix: `Use the PSA's numeric id in the 1Stream template (for ${name}, the @${name.replace('_', '')} variable).`,
    });
  }
}

/** Keeps messages readable when a pop carries a very long value. */
function shorten(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}… (${value.length} characters)` : value;
}

function describeUnknownForm(name: string, isBuiltin: boolean, forms: FormCatalogue): string {
  if (isBuiltin) return `The form "${name}" is built in but has no Rewst formId configured.`;
  return `The form "${shorten(name)}" is not configured. Configured forms: ${forms.names().join(', ') || 'none'}.`;
}
