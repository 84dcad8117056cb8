import { useId, useState, type FormEvent } from 'react';
import type { PopResult } from '../../../shared/result';
import type { FormSummary } from '../common/types';
import { errorMessage, invoke } from '../toolbox';
import { TestPopResult } from './TestPopResult';

type IdField = 'companyId' | 'contactId' | 'ticketId';

const idFields: ReadonlyArray<[IdField, string]> = [
  ['companyId', 'PSA company id'],
  ['contactId', 'PSA contact id'],
  ['ticketId', 'PSA ticket id'],
];

/** Resolves a pop from typed-in ids without opening anything, and shows the timeline. */
export function TestPop({ forms }: { forms: FormSummary[] }) {
  const baseId = useId();
  const [ids, setIds] = useState<Record<IdField, string>>({
    companyId: '',
    contactId: '',
    ticketId: '',
  });
  const [formName, setFormName] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PopResult>();
  const [problem, setProblem] = useState<string>();
  const chosenForm = formName ?? forms[0]?.name ?? '';

  async function test(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);

    // Empty fields are left out, the way 1Stream leaves out an id it does not have.
    const providedIds = Object.fromEntries(
      Object.entries(ids).filter(([, value]) => value.trim() !== ''),
    );
    try {
      setResult(await invoke('pop:test', { ...providedIds, formName: chosenForm }));
    } catch (error) {
      setResult(undefined);
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="test-title">
      <h2 id="test-title">Test a pop</h2>
      <p>Looks up the PSA and the directory like a real screen pop, but opens nothing.</p>
      <form className="test-form" onSubmit={(event) => void test(event)}>
        {idFields.map(([field, label]) => (
          <label key={field} htmlFor={`${baseId}-${field}`}>
            {label}
            <input
              id={`${baseId}-${field}`}
              inputMode="numeric"
              value={ids[field]}
              onChange={(event) => setIds({ ...ids, [field]: event.target.value })}
            />
          </label>
        ))}
        <label htmlFor={`${baseId}-form`}>
          Form
          <select
            id={`${baseId}-form`}
            value={chosenForm}
            onChange={(event) => setFormName(event.target.value)}
          >
            {forms.map((form) => (
              <option key={form.name} value={form.name}>
                {form.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={busy || chosenForm === ''}>
          {busy ? 'Testing…' : 'Test'}
        </button>
      </form>
      {problem && (
        <p className="error-text" role="alert">
          The test did not run: {problem}
        </p>
      )}
      {result && <TestPopResult result={result} />}
    </section>
  );
}
