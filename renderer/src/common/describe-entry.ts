import { cleanDisplayText } from '../../../shared/display-text';
import { errorTitles } from '../../../shared/error-titles';
import type { HistoryEntry } from '../../../shared/history';
import type { PopResult } from '../../../shared/result';

// The names below come from the PSA, Graph or the pop URL, so each passes cleanDisplayText:
// control characters become spaces and bidi controls such as U+202E are removed.

/** Names the ticket: "#5001", or "No ticket" for a pop without one. */
export function ticketText(result: PopResult): string {
  return result.params.ticketId ? cleanDisplayText(`#${result.params.ticketId}`) : 'No ticket';
}

/** Names the caller: their name, else their email, else the PSA contact id. */
export function contactText(result: PopResult): string {
  const { contactName, contactEmail } = result.subject;
  const contactId = result.params.contactId;
  const text = contactName ?? contactEmail ?? (contactId ? `Contact ${contactId}` : undefined);
  return text === undefined ? 'Unknown contact' : cleanDisplayText(text);
}

/** Names the company: its name from the mapping, else its PSA id. */
export function companyText(result: PopResult): string {
  const companyId = result.params.companyId;
  const text = result.subject.companyName ?? (companyId ? `Company ${companyId}` : undefined);
  return text === undefined ? 'Unknown company' : cleanDisplayText(text);
}

/** "#5001 · Megan Bowen · Contoso", the way the tray menu names a pop. */
export function callerLine(result: PopResult): string {
  return [ticketText(result), contactText(result), companyText(result)].join(' · ');
}

export type Outcome = 'opened' | 'warning' | 'failed';

export function outcomeOf(result: PopResult): Outcome {
  if (!result.ok) return 'failed';
  return result.warnings.length > 0 ? 'warning' : 'opened';
}

export const outcomeLabels: Record<Outcome, string> = {
  opened: 'Opened',
  warning: 'Opened with warnings',
  failed: 'Failed',
};

/** Returns the one-line reason of a failed pop, in the words of the listener's error page. */
export function failureTitle(result: PopResult): string {
  if (!result.error) return 'The screen pop failed without an error message';
  return errorTitles[result.error.code] ?? 'The screen pop failed';
}

/** Names the form: its label from the catalogue, else its name, else a placeholder. */
export function formText(result: PopResult, labels: ReadonlyMap<string, string>): string {
  const name = result.params.formName;
  if (!name) return 'No form';
  return cleanDisplayText(labels.get(name) ?? name);
}

/** True when the entry names someone to reopen a form for. */
export function canReopen(entry: HistoryEntry): boolean {
  return Boolean(entry.params.contactId || entry.params.ticketId);
}
