import type { PopResult } from '../../../shared/result';
import { callerLine, failureTitle, outcomeOf } from '../common/describe-entry';
import { duration } from '../common/time';
import { StepTimeline } from '../details/StepTimeline';

/** Shows the outcome of "Test a pop": what would have opened, or why it failed, and the steps. */
export function TestPopResult({ result }: { result: PopResult }) {
  const outcome = outcomeOf(result);
  const headline =
    outcome === 'failed'
      ? failureTitle(result)
      : `The form would open${outcome === 'warning' ? ', with warnings' : ''}`;

  return (
    <div className="test-result" aria-live="polite">
      <h3 className={`outcome-title outcome-${outcome}`}>{headline}</h3>
      <p className="muted">
        {callerLine(result)} · {duration(result.totalMs)}
      </p>
      {result.error && <p>{result.error.message}</p>}
      {result.error?.fix && (
        <p className="fix">
          <strong>What to do:</strong> {result.error.fix}
        </p>
      )}
      {result.warnings.length > 0 && (
        <ul className="warnings">
          {result.warnings.map((warning, index) => (
            <li key={index}>{warning}</li>
          ))}
        </ul>
      )}
      {result.link && (
        <p className="link-preview">
          Form link: <code>{result.link}</code>
        </p>
      )}
      <StepTimeline steps={result.steps} error={result.error} />
    </div>
  );
}
