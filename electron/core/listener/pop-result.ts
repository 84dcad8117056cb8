import type { RawPopQuery } from '../app';
import type { ToolboxError } from '../errors';
import type { PopParams, PopResult } from '../../../shared/result';

/** Screen pop query parameters with the PopParams field each one fills. */
export const popParamNames = {
  ticket_id: 'ticketId',
  company_id: 'companyId',
  contact_id: 'contactId',
  form_name: 'formName',
} as const satisfies Record<string, keyof PopParams>;

/** Reads the known pop parameters from a query, trimmed, and leaves out empty values. */
export function paramsFromQuery(query: RawPopQuery): PopParams {
  const params: PopParams = {};
  for (const [queryName, field] of Object.entries(popParamNames)) {
    const value = query[queryName]?.trim();
    if (value) params[field] = value;
  }
  return params;
}

/** Builds the result of a pop, or of any request, that the listener itself failed. */
export function failureResult(error: ToolboxError, params: PopParams = {}, totalMs = 0): PopResult {
  return {
    ok: false,
    warnings: [],
    error: error.toPopError(),
    steps: [],
    params,
    subject: {},
    totalMs,
  };
}

/** A pop's result as the listener answers it. */
export interface PopOutcome {
  result: PopResult;
}
