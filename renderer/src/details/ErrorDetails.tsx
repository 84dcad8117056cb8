import { useLayoutEffect } from 'react';
import type { HistoryEntry } from '../../../shared/history';
import { useEscape } from '../common/use-escape';
import { DetailsSummary } from './DetailsSummary';
import { PopFacts } from './PopFacts';
import { StepTimeline } from './StepTimeline';

interface ErrorDetailsProps {
  /** Undefined when the entry has left the history, which keeps only the latest pops. */
  entry?: HistoryEntry;
  onClose: () => void;
}

/** Shows one screen pop in full: the reason, the step timeline, the warnings and its parameters. */
export function ErrorDetails({ entry, onClose }: ErrorDetailsProps) {
  useEscape(onClose);

  // Put keyboard focus on the heading, so Tab continues from the details and not the nav.
  useLayoutEffect(() => {
    document.getElementById('details-title')?.focus();
  }, [entry?.id]);

  if (!entry) {
    return (
      <section className="card">
        <h1 id="details-title" tabIndex={-1}>
          This screen pop is no longer in the history
        </h1>
        <p>
          The history keeps the latest screen pops only. Choose another one from Recent tickets.
        </p>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </section>
    );
  }

  return (
    <div className="details">
      <DetailsSummary entry={entry} onClose={onClose} />
      {entry.warnings.length > 0 && (
        <section className="card" aria-labelledby="warnings-title">
          <h2 id="warnings-title">Warnings</h2>
          <ul className="warnings">
            {entry.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </section>
      )}
      <section className="card" aria-labelledby="steps-title">
        <h2 id="steps-title">Steps</h2>
        <StepTimeline steps={entry.steps} error={entry.error} />
      </section>
      <section className="card" aria-labelledby="params-title">
        <h2 id="params-title">Screen pop</h2>
        <PopFacts result={entry} />
      </section>
    </div>
  );
}
