import type { RawPopQuery } from '../app';
import { ToolboxError, httpStatusByCode } from '../errors';
import { createLogger } from '../log';
import { popResultSchema, type PopResult } from '../../../shared/result';
import type { LinkPolicy } from './link-policy';
import type { ListenerOptions } from './options';
import { failureResult, paramsFromQuery } from './pop-result';

const log = createLogger('listener');

export interface PopRunContext {
  options: ListenerOptions;
  linkPolicy: LinkPolicy;
  /** Aborts when the listener closes. */
  signal: AbortSignal;
}

/**
 * Resolves one distinct pop (or turns a failed key check into its result), applies the link
 * policy, opens the form in 'open' mode, logs the outcome and hands the result to onResult.
 * Never rejects.
 */
export async function runPop(
  query: RawPopQuery,
  keyError: ToolboxError | undefined,
  context: PopRunContext,
): Promise<PopResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let result: PopResult;

  try {
    result = keyError
      ? failureResult(keyError, paramsFromQuery(query), elapsed())
      : await resolveChecked(query, context);
    result = enforceLinkPolicy(result, context.linkPolicy);
    if (result.ok && context.options.popMode === 'open') result = await openForm(result, context);
  } catch (error) {
    log.error('Resolving a screen pop failed unexpectedly:', error);
    const internal =
      error instanceof ToolboxError
        ? error
        : new ToolboxError('internal_error', 'Resolving the screen pop failed unexpectedly.', {
            fix: 'Check the Technician Toolbox log for the details and report the problem.',
          });
    result = failureResult(internal, paramsFromQuery(query), elapsed());
  }

  logPop(result, elapsed());
  recordResult(result, context.options.onResult);
  return result;
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

async function openForm(result: PopResult, context: PopRunContext): Promise<PopResult> {
  const { openExternal } = context.options;
  if (!openExternal || !result.link) return result;

  try {
    await openExternal(result.link);
    return result;
  } catch (error) {
    log.error('Opening the form in the default browser failed:', error);
    return {
      ...result,
      ok: false,
      link: undefined,
      fallbackLink: result.fallbackLink ?? result.link,
      error: {
        code: 'internal_error',
        message: 'The form could not be opened in your default browser.',
        fix: 'Open the form in this browser with the button below.',
      },
    };
  }
}

function logPop(result: PopResult, ms: number): void {
  const { ticketId, companyId, contactId, formName } = result.params;
  const ids = { ticket: ticketId, company: companyId, contact: contactId, form: formName };
  // JSON quoting keeps values from the URL (which may hold line breaks) on one log line.
  const idText = Object.entries(ids)
    .map(([name, value]) => `${name}=${JSON.stringify(value?.slice(0, 80) ?? null)}`)
    .join(' ');
  const outcome = result.ok ? 'ok' : (result.error?.code ?? 'failed');
  const line = `Screen pop ${idText} outcome=${outcome} ms=${ms}`;

  if (result.ok) log.info(line);
  else log.warn(line);
}

function recordResult(result: PopResult, onResult: ListenerOptions['onResult']): void {
  if (!onResult) return;

  const logFailure = (error: unknown) => {
    log.error('Recording the screen pop result failed:', error);
  };
  try {
    Promise.resolve(onResult(result)).catch(logFailure);
  } catch (error) {
    logFailure(error);
  }
}
