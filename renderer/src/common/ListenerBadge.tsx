import type { ListenerStatus } from '../../../shared/ipc';

const stateWords: Record<ListenerStatus['state'], string> = {
  ready: 'Ready for screen pops',
  working: 'Resolving a screen pop…',
  failed: 'Last screen pop failed',
  stopped: 'Listener stopped',
};

/** Shows the listener's state as a coloured dot and words, so the meaning never rests on colour. */
export function ListenerBadge({ status }: { status?: ListenerStatus }) {
  if (!status) return <span className="badge badge-unknown">Checking the listener…</span>;

  return (
    <span className={`badge badge-${status.state}`} title={status.message ?? status.url}>
      <span className="dot" aria-hidden="true" />
      {stateWords[status.state]}
    </span>
  );
}
