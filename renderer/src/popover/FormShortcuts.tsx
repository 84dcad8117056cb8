import type { HistoryEntry } from '../../../shared/history';
import { FormButtons } from '../common/FormButtons';
import { callerLine } from '../common/describe-entry';
import type { FormSummary } from '../common/types';

interface FormShortcutsProps {
  /** The most recent pop that named a caller. */
  entry: HistoryEntry;
  forms: FormSummary[];
  onReopen: (entry: HistoryEntry, formName: string, formLabel: string) => void;
}

/** Offers every form for the most recent caller, one click each. */
export function FormShortcuts({ entry, forms, onReopen }: FormShortcutsProps) {
  return (
    <section className="panel shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Forms for the last caller</h2>
      <p className="caller">{callerLine(entry)}</p>
      <FormButtons entry={entry} forms={forms} onReopen={onReopen} />
    </section>
  );
}
