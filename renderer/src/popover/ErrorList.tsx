import type { HistoryEntry } from '../../../shared/history';
import { callerLine, failureTitle } from '../common/describe-entry';
import { shortTime } from '../common/time';

interface ErrorListProps {
  /** Failed pops, newest first. */
  entries: HistoryEntry[];
  onOpenDetails: (entry: HistoryEntry) => void;
}

/** Lists failed screen pops with their one-line reason, each opening its details. */
export function ErrorList({ entries, onOpenDetails }: ErrorListProps) {
  return (
    <section className="panel" aria-labelledby="errors-title">
      <h2 id="errors-title">Errors</h2>
      {entries.length === 0 ? (
        <p className="muted">No failed screen pops.</p>
      ) : (
        <ul className="errors">
          {entries.map((entry) => (
            <li key={entry.id}>
              <button type="button" className="error-row" onClick={() => onOpenDetails(entry)}>
                <span className="error-reason">{failureTitle(entry)}</span>
                <span className="error-meta">
                  {callerLine(entry)} · {shortTime(entry.at)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
