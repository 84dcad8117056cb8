import type { PopError, StepRecord } from '../../../shared/result';
import { duration } from '../common/time';
import { redactSecrets } from './redact';
import { statusLabels, stepLabels } from './step-labels';

interface StepTimelineProps {
  steps: StepRecord[];
  /** The pop's error; its upstream status is shown on the failed step. */
  error?: PopError;
}

/**
 * Lists the pipeline's steps in order, each with its status, duration and message. Messages
 * are shown with credential-shaped values removed, because an upstream error can echo a token.
 */
export function StepTimeline({ steps, error }: StepTimelineProps) {
  if (steps.length === 0) {
    return <p className="muted">The listener rejected the request before any step ran.</p>;
  }

  return (
    <ol className="timeline">
      {steps.map((step, index) => (
        <li key={`${step.name}-${index}`} className={`step step-${step.status}`}>
          <span className={`step-status status-${step.status}`}>{statusLabels[step.status]}</span>
          <span className="step-name">
            {stepLabels[step.name] ?? step.name} <code>{step.name}</code>
          </span>
          <span className="step-ms">{duration(step.ms)}</span>
          <p className="step-detail">{redactSecrets(step.detail)}</p>
          {step.status === 'error' && error?.upstreamStatus !== undefined && (
            <p className="step-detail upstream">Upstream status: HTTP {error.upstreamStatus}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
