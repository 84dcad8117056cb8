import type { HistoryEntry } from '../../../shared/history';
import type { FormSummary } from '../common/types';
import { HistoryRow } from './HistoryRow';

interface HistoryTableProps {
  entries: HistoryEntry[];
  forms: FormSummary[];
  formLabels: ReadonlyMap<string, string>;
  onReopen: (entry: HistoryEntry, formName: string, formLabel: string) => void;
  onOpenDetails: (entry: HistoryEntry) => void;
}

/** Renders the history table, one row per screen pop, newest first. */
export function HistoryTable({ entries, ...rowProps }: HistoryTableProps) {
  return (
    <div className="table-scroll">
      <table className="history">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Caller</th>
            <th scope="col" className="form-column">
              Form
            </th>
            <th scope="col">Outcome</th>
            <th scope="col">Open a form</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <HistoryRow key={entry.id} entry={entry} {...rowProps} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
