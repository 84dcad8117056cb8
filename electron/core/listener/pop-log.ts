import { createLogger } from '../log';
import type { PopParams, PopResult } from '../../../shared/result';

const log = createLogger('listener');

/**
 * Names a pop's ids for a log line, such as `ticket="48213" company="19342" contact=null
 * form="password_reset"`. JSON quoting keeps values from the URL (which may contain line breaks)
 * on one line, and each value is cut to 80 characters.
 */
export function describePopIds(params: PopParams): string {
  const { ticketId, companyId, contactId, formName } = params;
  const ids = { ticket: ticketId, company: companyId, contact: contactId, form: formName };
  return Object.entries(ids)
    .map(([name, value]) => `${name}=${JSON.stringify(value?.slice(0, 80) ?? null)}`)
    .join(' ');
}

/** Logs a pop's outcome with its ids: info when it succeeded, else a warning. */
export function logPop(result: PopResult, ms: number): void {
  const outcome = result.ok ? 'ok' : (result.error?.code ?? 'failed');
  const line = `Screen pop ${describePopIds(result.params)} outcome=${outcome} ms=${ms}`;

  if (result.ok) log.info(line);
  else log.warn(line);
}
