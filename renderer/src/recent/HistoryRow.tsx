import type { HistoryEntry } from '../../../shared/history';
import {
  canReopen,
  companyText,
  contactText,
  failureTitle,
  formText,
  outcomeLabels,
  outcomeOf,
  ticketText,
} from '../common/describe-entry';
import { longTime, shortTime } from '../common/time';
import type { FormSummary } from '../common/types';
import { ReopenControl } from './ReopenControl';

interface HistoryRowProps {
  entry: HistoryEntry;
  forms: FormSummary[];
  formLabels: ReadonlyMap<string, string>;
  onReopen: (entry: HistoryEntry, formName: string, formLabel: string) => void;
  onOpenDetails: (entry: HistoryEntry) => void;
}

/** Renders one screen pop as a row of the history table. */
export function HistoryRow({ entry, forms, formLabels, onReopen, onOpenDetails }: HistoryRowProps) {
  const outcome = outcomeOf(entry);
  const reason = outcome === 'failed' ? failureTitle(entry) : entry.warnings[0];
  const form = formText(entry, formLabels);

  return (
    <tr>
      <td>
        <time dateTime={entry.at} title={longTime(entry.at)}>
          {shortTime(entry.at)}
        </time>
      </td>
      <td className="caller-cell">
        <span className="ticket-id">{ticketText(entry)}</span>{' '}
        <span className="caller-contact">{contactText(entry)}</span>
        <span className="caller-company">{companyText(entry)}</span>
        {/* Shown instead of the Form column when the window is narrow. */}
        <span className="caller-form">{form}</span>
      </td>
      <td className="form-column">{form}</td>
      <td>
        <span className={`outcome outcome-${outcome}`}>{outcomeLabels[outcome]}</span>
        {reason && <span className="reason">{reason}</span>}
        <button
          type="button"
          className="link-button"
          aria-label={`Details of ${ticketText(entry)} at ${shortTime(entry.at)}`}
          onClick={() => onOpenDetails(entry)}
        >
          Details
        </button>
      </td>
      <td>
        {canReopen(entry) && <ReopenControl entry={entry} forms={forms} onReopen={onReopen} />}
      </td>
    </tr>
  );
}
