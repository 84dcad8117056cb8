import { CopyButton } from './CopyButton';
import { useTemplates } from './toolbox-state';
import type { FormSummary } from './types';

interface EmptyHistoryProps {
  forms: FormSummary[];
  onOpenSettings: () => void;
}

/** Explains what to do when no screen pop has arrived yet: point 1Stream at the listener. */
export function EmptyHistory({ forms, onOpenSettings }: EmptyHistoryProps) {
  const templates = useTemplates();
  const first = templates.value?.[0];
  const label = forms.find((form) => form.name === first?.formName)?.label ?? first?.formName;

  return (
    <section className="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">No screen pops yet</h2>
      <p>
        Set 1Stream’s Screen Pop URL to the address below, then take or place a call. Each screen
        pop shows up here with its ticket, contact and company.
      </p>
      {first && (
        <>
          <p className="template-line">
            <code>{first.url}</code>
          </p>
          <p className="muted small">
            This address opens {label}. Settings lists one address per form.
          </p>
          <p className="actions">
            <CopyButton
              text={first.url}
              label="Copy address"
              description={`Copy the Screen Pop URL for ${label}`}
            />
            <button type="button" className="secondary" onClick={onOpenSettings}>
              All Screen Pop URLs
            </button>
          </p>
        </>
      )}
      {templates.error && (
        <p className="error-text">Could not load the Screen Pop URLs: {templates.error}</p>
      )}
    </section>
  );
}
