import { useId, useState, type FormEvent } from 'react';
import type { SecretStatus } from '../common/types';
import { errorMessage, invoke } from '../toolbox';

interface SecretRowProps {
  secret: SecretStatus;
  /** Called after a change, so the list shows the new status from main. */
  onChanged: () => void;
}

/**
 * Renders one keychain secret: whether it is stored, a field to set or replace it, and Delete.
 * The value only travels from this field to main, and main never sends a stored value back.
 */
export function SecretRow({ secret, onChanged }: SecretRowProps) {
  const inputId = useId();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string }>();

  async function run(action: () => Promise<void>, done: string) {
    setBusy(true);
    try {
      await action();
      setMessage({ tone: 'ok', text: done });
      onChanged();
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  function save(event: FormEvent) {
    event.preventDefault();
    if (value === '') return;

    const verb = secret.isSet ? 'Replaced' : 'Stored';
    void run(async () => {
      await invoke('secrets:set', { name: secret.name, value });
      setValue('');
    }, `${verb} in the keychain.`);
  }

  const remove = () =>
    void run(() => invoke('secrets:delete', { name: secret.name }), 'Deleted from the keychain.');

  return (
    <li className="secret">
      <form className="secret-form" onSubmit={save}>
        <label htmlFor={inputId} className="secret-label">
          <code>{secret.name}</code>
          <span className="muted">{secret.description}</span>
        </label>
        <span className={secret.isSet ? 'secret-state is-set' : 'secret-state'}>
          {secret.isSet ? 'Stored' : 'Not set'}
        </span>
        <input
          id={inputId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={secret.isSet ? 'New value to replace it' : 'Value'}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
        <button
          type="submit"
          className="secondary"
          aria-label={`${secret.isSet ? 'Replace' : 'Save'} ${secret.name}`}
          disabled={busy || value === ''}
        >
          {secret.isSet ? 'Replace' : 'Save'}
        </button>
        {secret.isSet && (
          <button
            type="button"
            className="secondary danger"
            aria-label={`Delete ${secret.name}`}
            disabled={busy}
            onClick={remove}
          >
            Delete
          </button>
        )}
      </form>
      {message && (
        <p className={message.tone === 'ok' ? 'ok-text' : 'error-text'} role="status">
          {message.text}
        </p>
      )}
    </li>
  );
}
