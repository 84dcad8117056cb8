import { useState } from 'react';
import type { ListenerStatus } from '../../../shared/ipc';
import { ListenerBadge } from '../common/ListenerBadge';
import { errorMessage, invoke } from '../toolbox';

interface ListenerPanelProps {
  status?: ListenerStatus;
  onStatus: (status: ListenerStatus) => void;
}

/** Shows the listener's state and address, with Pause and Resume. */
export function ListenerPanel({ status, onStatus }: ListenerPanelProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const stopped = status?.state === 'stopped';

  async function toggle() {
    setBusy(true);
    try {
      onStatus(await invoke(stopped ? 'listener:resume' : 'listener:pause', undefined));
      setProblem(undefined);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="listener-title">
      <h2 id="listener-title">Listener</h2>
      <p>
        <ListenerBadge status={status} />
      </p>
      {status?.url ? (
        <p>
          Screen pops arrive at <code>{status.url}</code>.
        </p>
      ) : (
        status && (
          <p>Screen pops to port {status.port} are not answered while the listener is stopped.</p>
        )
      )}
      {status?.message && <p className="muted">{status.message}</p>}
      <p className="actions">
        <button
          type="button"
          className="secondary"
          disabled={!status || busy}
          onClick={() => void toggle()}
        >
          {stopped ? 'Resume listener' : 'Pause listener'}
        </button>
        {problem && (
          <span className="error-text" role="alert">
            {problem}
          </span>
        )}
      </p>
    </section>
  );
}
