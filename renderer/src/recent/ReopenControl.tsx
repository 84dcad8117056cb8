import { useId, useState } from 'react';
import type { HistoryEntry } from '../../../shared/history';
import { contactText } from '../common/describe-entry';
import type { FormSummary } from '../common/types';

interface ReopenControlProps {
  entry: HistoryEntry;
  forms: FormSummary[];
  onReopen: (entry: HistoryEntry, formName: string, formLabel: string) => void;
}

/** Renders a form picker and an Open button that reopen any form for the entry's caller. */
export function ReopenControl({ entry, forms, onReopen }: ReopenControlProps) {
  const selectId = useId();
  // Until the technician picks one, the form of the original pop is selected.
  const [choice, setChoice] = useState<string>();
  const preferred = choice ?? entry.params.formName;
  const selected = forms.find((form) => form.name === preferred) ?? forms[0];
  if (!selected) return null;

  const contact = contactText(entry);
  return (
    <span className="reopen">
      <label htmlFor={selectId} className="visually-hidden">
        Form to open for {contact}
      </label>
      <select
        id={selectId}
        value={selected.name}
        onChange={(event) => setChoice(event.target.value)}
      >
        {forms.map((form) => (
          <option key={form.name} value={form.name}>
            {form.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="secondary"
        aria-label={`Open ${selected.label} for ${contact}`}
        onClick={() => onReopen(entry, selected.name, selected.label)}
      >
        Open
      </button>
    </span>
  );
}
