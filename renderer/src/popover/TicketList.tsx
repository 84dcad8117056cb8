import type { HistoryEntry } from '../../../shared/history';
import { FormButtons } from '../common/FormButtons';
import {
  contactText,
  companyText,
  outcomeLabels,
  outcomeOf,
  ticketText,
} from '../common/describe-entry';
import { longTime, shortTime } from '../common/time';
import type { FormSummary } from '../common/types';

interface TicketListProps {
  entries: HistoryEntry[];
  forms: FormSummary[];
  onReopen: (entry: HistoryEntry, formName: string, formLabel: string) => void;
}

/** Lists recent tickets, newest first, each with a button per form. */
export function TicketList({ entries, forms, onReopen }: TicketListProps) {
  return (
    <ul className="tickets">
      {entries.map((entry) => {
        const outcome = outcomeOf(entry);
        return (
          <li key={entry.id} className="ticket">
            <div className="ticket-head">
              <span className="ticket-id">{ticketText(entry)}</span>
              <span className="ticket-contact">{contactText(entry)}</span>
              <time dateTime={entry.at} title={longTime(entry.at)}>
                {shortTime(entry.at)}
              </time>
            </div>
            <div className="ticket-meta">
              <span>{companyText(entry)}</span>
              <span className={`outcome outcome-${outcome}`}>{outcomeLabels[outcome]}</span>
            </div>
            <FormButtons entry={entry} forms={forms} onReopen={onReopen} />
          </li>
        );
      })}
    </ul>
  );
}
