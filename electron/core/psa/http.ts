import axios, { type AxiosAdapter, type AxiosResponse } from 'axios';
import { parseRetryAfter, sleep } from '../http/retry-after';
import { createLogger } from '../log';
import {
  bodyError,
  describeLookup,
  isJsonMediaType,
  statusError,
  type PsaHttpResponse,
  type PsaLookup,
} from './http-errors';
import { abortError, transportError } from './transport-errors';

export const DEFAULT_PSA_TIMEOUT_MS = 8000;
/** Maximum wait in ms before the retry, so that a long Retry-After cannot stall a screen pop. */
const MAX_RETRY_WAIT_MS = 3000;
/** Wait in ms before the retry when a 429 or 503 has no usable Retry-After. */
const DEFAULT_RETRY_WAIT_MS = 500;
/** Maximum response body in bytes. One PSA record is a few kilobytes. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

const log = createLogger('psa');

/** A JSON GET against a PSA, with the record kind and id that error messages name. */
export interface PsaGetRequest extends PsaLookup {
  /** Sent as given. Their values never appear in messages or logs. */
  headers: Record<string, string>;
  /** Timeout in ms for each attempt. The caller's signal can end the whole lookup sooner. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Transport to use instead of Node's http module, e.g. one built on Electron's net.fetch. */
  adapter?: AxiosAdapter;
  /** Called with every response, including one that is retried, e.g. to notice rate limiting. */
  onResponse?: (response: PsaHttpResponse) => void;
}

/** A POST of an `application/x-www-form-urlencoded` body, as OAuth token endpoints expect. */
export interface PsaFormPostRequest extends PsaGetRequest {
  /** The form fields. Their values never appear in messages or logs. */
  form: URLSearchParams;
}

/**
 * Sends one GET and returns the parsed JSON body. Returns null when the PSA reports the record
 * missing (see `isRecordMissing` and `isEmptyRecord`) or sends a JSON `null`. Retries once on
 * 429 or 503 after `Retry-After`, capped at 3 s. Every other failure, including a timeout,
 * throws a ToolboxError that names the record, the upstream status and the fix.
 */
export async function getPsaJson(request: PsaGetRequest): Promise<unknown> {
  return sendWithRetry(request);
}

/** Sends one form POST and returns the parsed JSON body, retrying and failing as getPsaJson. */
export async function postPsaForm(request: PsaFormPostRequest): Promise<unknown> {
  return sendWithRetry(request);
}

async function sendWithRetry(request: PsaGetRequest & { form?: URLSearchParams }) {
  let response = await sendOnce(request);

  if (response.status === 429 || response.status === 503) {
    const waitMs = parseRetryAfter(response.retryAfter, MAX_RETRY_WAIT_MS) ?? DEFAULT_RETRY_WAIT_MS;
    log.warn(`${describeLookup(request)}: HTTP ${response.status}, retrying once in ${waitMs} ms`);
    try {
      await sleep(waitMs, request.signal);
    } catch (reason) {
      throw abortError(request, reason);
    }
    response = await sendOnce(request);
  }

  return readResponse(request, response);
}

function readResponse(request: PsaGetRequest, response: PsaHttpResponse): unknown {
  if (response.status >= 200 && response.status < 300) {
    if (request.isEmptyRecord?.(response)) return null;
    if (response.json === undefined) throw bodyError(request, response);
    return response.json;
  }

  const isRecordMissing = request.isRecordMissing ?? ((response) => response.json !== undefined);
  if (response.status === 404 && isRecordMissing(response)) return null;

  throw statusError(request, response);
}

async function sendOnce(
  request: PsaGetRequest & { form?: URLSearchParams },
): Promise<PsaHttpResponse> {
  const timeoutMs = request.timeoutMs ?? DEFAULT_PSA_TIMEOUT_MS;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = request.signal
    ? AbortSignal.any([request.signal, timeout.signal])
    : timeout.signal;
  const started = Date.now();

  try {
    const response = await axios.request<string>({
      method: request.form ? 'POST' : 'GET',
      url: request.url,
      data: request.form?.toString(),
      headers: request.form
        ? { ...request.headers, 'Content-Type': 'application/x-www-form-urlencoded' }
        : request.headers,
      adapter: request.adapter,
      signal,
      responseType: 'text',
      // Keep the body as text, so that tryParseJson and bodyError can report malformed JSON.
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxContentLength: MAX_BODY_BYTES,
    });
    log.debug(`${describeLookup(request)}: HTTP ${response.status} in ${Date.now() - started} ms`);
    const psaResponse = toPsaResponse(response);
    request.onResponse?.(psaResponse);
    return psaResponse;
  } catch (error) {
    if (request.signal?.aborted) throw abortError(request, request.signal.reason);
    throw transportError(request, error, timeout.signal.aborted ? timeoutMs : undefined);
  } finally {
    clearTimeout(timer);
  }
}

function toPsaResponse(response: AxiosResponse<string>): PsaHttpResponse {
  const contentType = String(response.headers['content-type'] ?? '');
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const text = typeof response.data === 'string' ? response.data : String(response.data ?? '');
  const retryAfter = response.headers['retry-after'];

  return {
    status: response.status,
    mediaType,
    text,
    json: isJsonMediaType(mediaType) ? tryParseJson(text) : undefined,
    retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
  };
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
