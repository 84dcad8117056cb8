import { Fragment } from 'react';
import type { HistoryEntry } from '../../../shared/history';
import { CopyButton } from '../common/CopyButton';
import { callerLine, failureTitle, outcomeOf } from '../common/describe-entry';
import { duration, longTime } from '../common/time';
import { buildDetailsReport } from './details-report';
import { OpenLinkButton } from './OpenLinkButton';

function heading(entry: HistoryEntry): string {
  const outcome = outcomeOf(entry);
  if (outcome === 'failed') return failureTitle(entry);
  return outcome === 'warning' ? 'The form opened, with warnings' : 'The form opened';
}

/** Shows what happened and what to do next, with the fallback link, Copy details and Close. */
export function DetailsSummary({ entry, onClose }: { entry: HistoryEntry; onClose: () => void }) {
  const error = entry.error;
  const outcome = outcomeOf(entry);

  return (
    <section className="card summary">
      <p className="eyebrow">
        {callerLine(entry)} · <time dateTime={entry.at}>{longTime(entry.at)}</time> ·{' '}
        {duration(entry.totalMs)}
      </p>
      <h1 id="details-title" className={`outcome-title outcome-${outcome}`} tabIndex={-1}>
        {heading(entry)}
      </h1>
      {error && <p>{error.message}</p>}
      {error?.fix && (
        <p className="fix">
          <strong>What to do:</strong> {error.fix}
        </p>
      )}
      {error?.missing && error.missing.length > 0 && (
        <p>
          Missing:{' '}
          {error.missing.map((name, index) => (
            <Fragment key={name}>
              {index > 0 && ', '}
              <code>{name}</code>
            </Fragment>
          ))}
        </p>
      )}
      {error?.upstreamStatus !== undefined && <p>Upstream status: HTTP {error.upstreamStatus}</p>}
      <p className="actions">
        {entry.fallbackLink && (
          <OpenLinkButton
            url={entry.fallbackLink}
            label={error?.code === 'form_open_failed' ? 'Open the form' : 'Open the form with what is known'}
          />
        )}
        <CopyButton text={() => buildDetailsReport(entry)} label="Copy details" />
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </p>
      {error && <p className="muted small">Error code {error.code}</p>}
    </section>
  );
}
