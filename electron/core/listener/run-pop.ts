import type { RawPopQuery } from '../app';
import { ToolboxError, httpStatusByCode } from '../errors';
import { createLogger } from '../log';
import { popResultSchema, type PopResult } from '../../../shared/result';
import type { LinkPolicy } from './link-policy';
import { openForm } from './open-form';
import type { ListenerOptions } from './options';
import { logPop } from './pop-log';
import { failureResult, paramsFromQuery, type PopOutcome } from './pop-result';
import type { ResultRecorder } from './result-recorder';

const log = createLogger('listener');

export interface PopRunContext {
  options: ListenerOptions;
  linkPolicy: LinkPolicy;
  /** Aborts when the listener closes. */
  signal: AbortSignal;
  recorder: ResultRecorder;
}

/** Builds the error for a pop that close() cut off. close() also aborts pops with it. */
export function createShutdownError(): ToolboxError {
  return new ToolboxError(
    'shutting_down',
    'Technician Toolbox is shutting down, so it stopped this screen pop before it finished.',
    { fix: 'Reopen the screen pop from 1Stream once Technician Toolbox is running again.' },
  );
}

/**
 * Resolves one distinct pop (or turns a failed key check into its result), applies the link
 * policy, opens the form in 'open' mode, logs the outcome and hands the result to onResult.
 * The pop counts as running for close() until it settles. Never rejects.
 */
export function runPop(
  query: RawPopQuery,
  keyError: ToolboxError | undefined,
  context: PopRunContext,
): Promise<PopOutcome> {
  const running = resolveAndRecord(query, keyError, context);
  context.recorder.track(running);
  return running;
}

async function resolveAndRecord(
  query: RawPopQuery,
  keyError: ToolboxError | undefined,
  context: PopRunContext,
): Promise<PopOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let outcome: PopOutcome;

  try {
    let result = keyError
      ? failureResult(keyError, paramsFromQuery(query), elapsed())
      : await resolveChecked(query, context);
    result = enforceLinkPolicy(result, context.linkPolicy);

    const { popMode, openExternal } = context.options;
    outcome =
      result.ok && popMode === 'open' && openExternal
        ? await openForm(result, openExternal)
        : { result };
  } catch (error) {
    outcome = { result: unexpectedFailure(error, query, context.signal, elapsed()) };
  }

  // A pop that failed after close() began most likely failed because close() aborted it,
  // whatever error the PSA or Graph client made of the abort.
  if (context.signal.aborted && !outcome.result.ok) {
    const error = createShutdownError().toPopError();
    outcome = { result: { ...outcome.result, error } };
  }

  logPop(outcome.result, elapsed());
  context.recorder.record(outcome.result);
  return outcome;
}

/** Returns the HTTP status for a result: 200 when it succeeded, else its error code's status. */
export function statusOf(result: PopResult): number {
  if (result.ok) return 200;
  return httpStatusByCode[result.error?.code ?? 'internal_error'] ?? 500;
}

async function resolveChecked(query: RawPopQuery, context: PopRunContext): Promise<PopResult> {
  const raw = await context.options.resolvePop(query, context.signal);
  const resolved = popResultSchema.safeParse(raw);
  if (resolved.success) return resolved.data;

  log.error(`resolvePop returned a result that does not match PopResult: ${resolved.error.message}`);
  throw new Error('resolvePop returned an invalid result');
}

function unexpectedFailure(
  error: unknown,
  query: RawPopQuery,
  signal: AbortSignal,
  ms: number,
): PopResult {
  // An abort during close() is expected, and runPop replaces its error with the shutdown one.
  if (!signal.aborted) log.error('Resolving a screen pop failed unexpectedly:', error);

  const internal =
    error instanceof ToolboxError
      ? error
      : new ToolboxError('internal_error', 'Resolving the screen pop failed unexpectedly.', {
          fix: 'Check the Technician Toolbox log for the details and report the problem.',
        });
  return failureResult(internal, paramsFromQuery(query), ms);
}

/** Turns a success whose link fails the policy into link_rejected. Drops a bad fallback link. */
function enforceLinkPolicy(result: PopResult, policy: LinkPolicy): PopResult {
  let checked = result;
  const fallbackReason = result.fallbackLink && policy.rejectReason(result.fallbackLink);
  if (fallbackReason) {
    log.warn(`Dropped the fallback link because ${fallbackReason}.`);
    checked = { ...checked, fallbackLink: undefined };
  }
  if (!checked.ok) return checked;

  const reason = checked.link ? policy.rejectReason(checked.link) : 'the pop returned no form link';
  if (!reason) return checked;

  log.warn(`Rejected the form link because ${reason}.`);
  return {
    ...checked,
    ok: false,
    link: undefined,
    error: {
      code: 'link_rejected',
      message: `The form was not opened because ${reason}.`,
      fix:
        `Check rewst.baseUrl (now ${policy.rewstOrigin}) ` +
        "and the form's prefill in the config file.",
    },
  };
}
