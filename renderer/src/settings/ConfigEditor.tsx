import { useEffect, useId, useState } from 'react';
import type { ConfigIssue } from '../common/types';
import { errorMessage, invoke } from '../toolbox';
import { ConfigIssues } from './ConfigIssues';
import { useConfigCheck } from './use-config-check';

interface SavedFile {
  path: string;
  /** The text as last read or saved, to tell whether there are unsaved changes. */
  text: string;
}

/** Edits the config file as JSON text, checked as you type and saved only when main accepts it. */
export function ConfigEditor({ onSaved }: { onSaved: () => void }) {
  const editorId = useId();
  const issuesId = `${editorId}-issues`;
  const [saved, setSaved] = useState<SavedFile>();
  const [text, setText] = useState<string>();
  const [saveIssues, setSaveIssues] = useState<ConfigIssue[]>();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string }>();
  const check = useConfigCheck(text);

  useEffect(() => {
    invoke('config:read', undefined).then(
      (file) => {
        setSaved(file);
        setText(file.text);
      },
      (error: unknown) =>
        setMessage({ tone: 'error', text: `Could not read the config: ${errorMessage(error)}` }),
    );
  }, []);

  async function save() {
    if (text === undefined || !saved) return;
    try {
      const outcome = await invoke('config:save', { text });
      setSaveIssues(outcome.ok ? undefined : outcome.issues);
      if (outcome.ok) {
        setSaved({ ...saved, text });
        setMessage({ tone: 'ok', text: `Saved to ${saved.path}.` });
        onSaved();
      } else {
        setMessage({ tone: 'error', text: 'Not saved: correct the problems listed below first.' });
      }
    } catch (error) {
      setMessage({ tone: 'error', text: `Not saved: ${errorMessage(error)}` });
    }
  }

  function edit(next: string | undefined) {
    setText(next);
    setSaveIssues(undefined);
    setMessage(undefined);
  }

  const issues = saveIssues ?? check.issues;
  const changed = text !== undefined && text !== saved?.text;
  return (
    <section className="card" aria-labelledby="config-title">
      <h2 id="config-title">Configuration</h2>
      <p>
        {saved ? (
          <>
            The config file at <code>{saved.path}</code>.
          </>
        ) : (
          'Reading the config file…'
        )}{' '}
        Secrets do not belong here: use Secrets above.
      </p>
      <label htmlFor={editorId} className="visually-hidden">
        Config file (JSON)
      </label>
      <textarea
        id={editorId}
        className="config-text"
        spellCheck={false}
        rows={18}
        value={text ?? ''}
        disabled={text === undefined}
        aria-invalid={issues !== undefined && issues.length > 0}
        aria-describedby={issuesId}
        onChange={(event) => edit(event.target.value)}
      />
      <ConfigIssues
        id={issuesId}
        issues={issues}
        warnings={saveIssues ? undefined : check.warnings}
        checking={check.checking}
        failure={check.failure}
      />
      <p className="actions">
        <button type="button" className="primary" disabled={!changed} onClick={() => void save()}>
          Save config
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!changed}
          onClick={() => edit(saved?.text)}
        >
          Undo changes
        </button>
        {message && (
          <span className={message.tone === 'ok' ? 'ok-text' : 'error-text'} role="status">
            {message.text}
          </span>
        )}
      </p>
    </section>
  );
}
