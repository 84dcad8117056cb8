import type { IncomingMessage, ServerResponse } from 'node:http';

import type { RawPopQuery } from '../app';
import { ToolboxError } from '../errors';
import { createLogger } from '../log';
import { verifyApiKey } from './api-key';
import { PopDedupe, popIdentity } from './dedupe';
import { LogThrottle } from './log-throttle';
import { describePopIds } from './pop-log';
import { type ResponseContext, sendPopOutcome, sendRequestFailure } from './pop-response';
import { paramsFromQuery } from './pop-result';
import { PopRateLimiter } from './rate-limit';
import { type PopRunContext, runPop } from './run-pop';

const log = createLogger('listener');

/** Maximum distinct pops per window, far above what one technician's calls produce. */
const MAX_POPS_PER_WINDOW = 30;
const RATE_WINDOW_MS = 10_000;
const DEFAULT_DEDUPE_WINDOW_MS = 10_000;

/**
 * Builds the handler of `GET /pop` and `GET /`: checks the API key, shares the result of an
 * identical recent pop, applies the rate limit, runs the pop and sends the outcome.
 */
export function createPopHandler(context: PopRunContext & ResponseContext) {
  const dedupe = new PopDedupe(context.options.dedupeWindowMs ?? DEFAULT_DEDUPE_WINDOW_MS);
  const limiter = new PopRateLimiter(MAX_POPS_PER_WINDOW, RATE_WINDOW_MS);
  const throttle = new LogThrottle(RATE_WINDOW_MS);

  return async function handlePop(req: IncomingMessage, res: ServerResponse, url: URL) {
    const { query, providedKey } = readPopQuery(url.searchParams, req.headers['x-api-key']);
    const keyError = context.options.requireApiKey
      ? await verifyApiKey(providedKey, context.options.getApiKey)
      : undefined;

    // The key check outcome is part of the identity, so a wrong-key pop never shares a result
    // with a right-key one.
    const keyOutcome = keyError ? `${keyError.code}:${keyError.message}` : 'accepted';
    const identity = popIdentity(query, keyOutcome);
    let pending = dedupe.find(identity);

    if (pending) {
      logRepeat(query);
    } else {
      const retryAfterSeconds = limiter.take();
      if (retryAfterSeconds !== undefined) {
        rejectOverLimit(req, res, retryAfterSeconds);
        return;
      }
      pending = runPop(query, keyError, context);
      dedupe.remember(identity, pending);
    }

    sendPopOutcome(req, res, await pending, context);
  };

  function logRepeat(query: RawPopQuery): void {
    const skipped = throttle.admit('repeated');
    if (skipped === undefined) return;

    log.info(
      `Screen pop ${describePopIds(paramsFromQuery(query))} repeated within the dedupe window; ` +
        `sharing the first result (${skipped} more repeats not logged before it).`,
    );
  }

  function rejectOverLimit(req: IncomingMessage, res: ServerResponse, retryAfterSeconds: number) {
    const skipped = throttle.admit('rate_limited');
    if (skipped !== undefined) {
      log.warn(`Rejected a screen pop over the rate limit (${skipped} more rejected before it).`);
    }

    const error = new ToolboxError(
      'rate_limited',
      `More than ${MAX_POPS_PER_WINDOW} different screen pops arrived within ` +
        `${RATE_WINDOW_MS / 1000} seconds, so this one was not resolved.`,
      {
        fix:
          `Wait ${retryAfterSeconds} seconds and reload this page. If you did not open these ` +
          'pops, close the web page that keeps opening them.',
      },
    );
    sendRequestFailure(req, res, error, context, {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }
}

/**
 * Takes the first value of each query parameter and removes the API key, which is read from
 * the `key` parameter or else the X-Api-Key header.
 */
export function readPopQuery(
  searchParams: URLSearchParams,
  keyHeader: string | string[] | undefined,
): { query: RawPopQuery; providedKey: string | undefined } {
  const firstValues = new Map<string, string>();
  for (const [name, value] of searchParams) {
    if (!firstValues.has(name)) firstValues.set(name, value);
  }

  const queryKey = firstValues.get('key');
  firstValues.delete('key');
  const headerKey = typeof keyHeader === 'string' ? keyHeader : undefined;

  // Object.fromEntries defines own properties, so a parameter named __proto__ stays data.
  return { query: Object.fromEntries(firstValues), providedKey: queryKey || headerKey };
}
