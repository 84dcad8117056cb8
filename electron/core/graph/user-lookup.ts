import { type AxiosInstance, type AxiosResponse, isAxiosError } from 'axios';

import { parseRetryAfter, sleep } from '../http/retry-after';
import { createLogger } from '../log';
import { DeadlineError, withDeadline } from './deadline';
import {
  toCancelledError,
  toGraphResponseError,
  toGraphTimeoutError,
  toMalformedResponseError,
  toNetworkError,
} from './graph-errors';
import { describeLookup, type LookupContext } from './lookup-context';
import { buildUserQuery } from './odata';

const log = createLogger('graph');

/** Maximum Retry-After that the lookup waits out before its one retry (a screen pop is waiting). */
const MAX_RETRY_WAIT_MS = 3000;
/** Wait before the retry when a 429 or 503 carries no Retry-After. */
const DEFAULT_RETRY_WAIT_MS = 1000;

/** A user row as `/v1.0/users` returns it with the lookup's `$select`. */
export interface GraphUserRow {
  id?: unknown;
  userPrincipalName?: unknown;
  mail?: unknown;
  displayName?: unknown;
  accountEnabled?: unknown;
  onPremisesSyncEnabled?: unknown;
  onPremisesSamAccountName?: unknown;
}

/**
 * Sends the `/v1.0/users` lookup for `context.email` and returns its rows (at most
 * two). Retries once after a 429 or 503 whose Retry-After is at most 3 s. Each
 * attempt has graph.timeoutMs. Every failure is a ToolboxError.
 */
export async function lookupUsers(
  http: AxiosInstance,
  token: string,
  context: Required<LookupContext>,
  signal?: AbortSignal,
): Promise<GraphUserRow[]> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await sendLookup(http, token, context, signal);
    const { status } = response;

    if (status === 429 || status === 503) {
      const retryAfter: unknown = response.headers['retry-after'];
      const waitMs = parseRetryAfter(retryAfter, Infinity) ?? DEFAULT_RETRY_WAIT_MS;
      if (attempt > 1 || waitMs > MAX_RETRY_WAIT_MS) {
        throw toGraphResponseError(status, parseJson(response.data), context, waitMs);
      }

      const lookup = describeLookup(context);
      log.warn(`Graph responded ${status} to the lookup of ${lookup}, retrying in ${waitMs} ms`);
      await sleep(waitMs, signal).catch(() => {
        throw toCancelledError(context);
      });
      continue;
    }

    return readRows(response, context);
  }
}

async function sendLookup(
  http: AxiosInstance,
  token: string,
  context: Required<LookupContext>,
  signal?: AbortSignal,
): Promise<AxiosResponse<string>> {
  const url = `${context.config.baseUrl}/v1.0/users?${buildUserQuery(context.email)}`;
  const timeoutMs = context.config.timeoutMs;

  try {
    return await withDeadline(timeoutMs, signal, (deadlineSignal) =>
      http.get<string>(url, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        signal: deadlineSignal,
        responseType: 'text',
        // Keep the body as text so a malformed body becomes a clear error, not a string.
        transformResponse: (data: unknown) => data,
        validateStatus: () => true,
        maxRedirects: 0,
      }),
    );
  } catch (error) {
    if (error instanceof DeadlineError) throw toGraphTimeoutError(timeoutMs, context);
    if (signal?.aborted) throw toCancelledError(context);
    // Only the code and message: an AxiosError's config carries the Authorization header.
    const detail = isAxiosError(error)
      ? [error.code, error.message].filter(Boolean).join(' ')
      : error instanceof Error ? error.message : String(error);
    throw toNetworkError(detail, context);
  }
}

function readRows(
  response: AxiosResponse<string>,
  context: Required<LookupContext>,
): GraphUserRow[] {
  const body = parseJson(response.data);
  if (response.status < 200 || response.status >= 300) {
    throw toGraphResponseError(response.status, body, context);
  }

  const rows = (body as { value?: unknown } | undefined)?.value;
  if (!Array.isArray(rows) || !rows.every((row) => typeof row === 'object' && row !== null)) {
    throw toMalformedResponseError(response.status, context);
  }
  return rows as GraphUserRow[];
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
