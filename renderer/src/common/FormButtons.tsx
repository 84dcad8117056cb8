import type { HistoryEntry } from '../../../shared/history';
import { contactText } from './describe-entry';
import type { FormSummary } from './types';

interface FormButtonsProps {
  entry: HistoryEntry;
  forms: FormSummary[];
  onReopen: (entry: HistoryEntry, formName: string, formLabel: string) => void;
}

/** Renders one button per configured form, each reopening the entry's caller in that form. */
export function FormButtons({ entry, forms, onReopen }: FormButtonsProps) {
  if (forms.length === 0) {
    return <p className="muted">No forms have a Rewst form id yet. Add them in Settings.</p>;
  }

  const contact = contactText(entry);
  return (
    <ul className="form-buttons" aria-label={`Forms for ${contact}`}>
      {forms.map((form) => (
        <li key={form.name}>
          <button
            type="button"
            className={form.name === entry.params.formName ? 'chip chip-current' : 'chip'}
            title={`Open ${form.label} for ${contact}`}
            onClick={() => onReopen(entry, form.name, form.label)}
          >
            {form.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
