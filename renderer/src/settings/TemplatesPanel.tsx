import { CopyButton } from '../common/CopyButton';
import { useTemplates } from '../common/toolbox-state';
import type { FormSummary } from '../common/types';

/** Lists the 1Stream Screen Pop URL for each form, with a button that copies it. */
export function TemplatesPanel({ forms }: { forms: FormSummary[] }) {
  const templates = useTemplates();
  const labels = new Map(forms.map((form) => [form.name, form.label]));

  return (
    <section className="card" aria-labelledby="templates-title">
      <h2 id="templates-title">1Stream Screen Pop URLs</h2>
      <p>
        Paste one of these into 1Stream as the Screen Pop URL. 1Stream fills in{' '}
        <code>@ticketid</code>, <code>@companyid</code> and <code>@contactid</code> for each call.
      </p>
      {templates.error && <p className="error-text">Could not load the URLs: {templates.error}</p>}
      <ul className="templates">
        {templates.value?.map((template) => {
          const label = labels.get(template.formName) ?? template.formName;
          return (
            <li key={template.formName}>
              <span className="template-label">{label}</span>
              <code className="template-url">{template.url}</code>
              <CopyButton
                text={template.url}
                description={`Copy the Screen Pop URL for ${label}`}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
