import type { PsaConfig } from '../../../shared/config';
import { ToolboxError } from '../errors';
import { psaDisplayName } from './types';

/** One HTTP response from a PSA, read as text so that a broken body can still be reported. */
export interface PsaHttpResponse {
  status: number;
  /** Media type in lower case without parameters, e.g. `application/json`, or '' when absent. */
  mediaType: string;
  text: string;
  /** The parsed body when the media type is JSON and the text parses, else undefined. */
  json?: unknown;
  retryAfter?: string;
}

/** Cause and fix for one failed status. A field left undefined keeps the generic wording. */
export interface StatusExplanation {
  cause?: string;
  fix?: string;
}

/** Hooks that fit error handling to one PSA's responses. Every hook is optional. */
export interface PsaErrorHooks {
  /** Extracts the upstream's own message from an error response. The default reads `message`. */
  readMessage?: (response: PsaHttpResponse) => string | undefined;
  explainStatus?: (response: PsaHttpResponse) => StatusExplanation | undefined;
  /** Whether a 404 means the record does not exist. The default is any 404 with a JSON body. */
  isRecordMissing?: (response: PsaHttpResponse) => boolean;
  /** Whether a 2xx response (e.g. an empty body) means a missing record. The default is never. */
  isEmptyRecord?: (response: PsaHttpResponse) => boolean;
  /** The config key and an example of the API base URL, used in fixes for unreachable PSAs. */
  baseUrlHint?: string;
}

/** The PSA, record and URL of a request, for error messages. It contains no header values. */
export interface PsaLookup extends PsaErrorHooks {
  psa: PsaConfig['type'];
  /** Record kind, e.g. `contact`. */
  record: string;
  id: string;
  url: string;
  /** Replaces `<PSA> <record> <id>` in messages, for a request that reads no record (a token). */
  label?: string;
}

/** Maximum length in characters of an upstream message quoted in an error. */
const MAX_QUOTED_CHARS = 200;

export function describeLookup(lookup: PsaLookup): string {
  return lookup.label ?? `${psaDisplayName[lookup.psa]} ${lookup.record} ${lookup.id}`;
}

/**
 * Cuts an upstream message to about 200 characters on one line. An HTML page is reduced to
 * its <title>, or to its text when it has none.
 */
export function shortenUpstreamText(text: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
  const plain = (title || text)
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > MAX_QUOTED_CHARS ? `${plain.slice(0, MAX_QUOTED_CHARS - 1)}…` : plain;
}

/** Reads `message` from a JSON error body, or the plain text of any other body. */
export function readDefaultMessage(response: PsaHttpResponse): string | undefined {
  const json = response.json;
  if (json && typeof json === 'object' && 'message' in json && typeof json.message === 'string') {
    return json.message;
  }
  if (json !== undefined) return undefined;

  return response.text.trim() === '' ? undefined : response.text;
}

/** Builds the psa_error for a non-2xx response that is not a missing record. */
export function statusError(lookup: PsaLookup, response: PsaHttpResponse): ToolboxError {
  const status = response.status;
  const generic = genericExplanation(lookup, status);
  const specific = lookup.explainStatus?.(response) ?? {};
  const upstream = (lookup.readMessage ?? readDefaultMessage)(response);
  const quoted = upstream ? `: "${shortenUpstreamText(upstream)}"` : '';
  const cause = `${specific.cause ?? generic.cause} (HTTP ${status}${quoted})`;

  const message = `Looking up ${describeLookup(lookup)} failed: ${cause}.`;
  return new ToolboxError('psa_error', message, {
    fix: specific.fix ?? generic.fix,
    upstreamStatus: status,
  });
}

function genericExplanation(lookup: PsaLookup, status: number): Required<StatusExplanation> {
  const psa = psaDisplayName[lookup.psa];

  if (status === 401) {
    return {
      cause: `${psa} rejected the API credentials`,
      fix: 'Check the PSA credentials in the config and in the keychain.',
    };
  }
  if (status === 403) {
    return {
      cause: `${psa} denied access to the record`,
      fix: `Give the ${psa} API user read access to ${lookup.record} records.`,
    };
  }
  if (status === 404) {
    return { cause: `${psa} did not find the API path`, fix: `Check ${baseUrlHint(lookup)}.` };
  }
  if (status === 429) {
    return {
      cause: `${psa} is rate limiting requests and refused again after one retry`,
      fix:
        'Wait a minute and reopen the screen pop. If it keeps happening, check which other ' +
        `integrations share this ${psa} API user.`,
    };
  }
  if (status >= 500) {
    return {
      cause: status === 500 ? `${psa} failed with a server error` : `${psa} is unavailable`,
      fix: `Try again in a few minutes. If it persists, check the ${psa} status page.`,
    };
  }
  return {
    cause: `${psa} rejected the request`,
    fix: 'Try the screen pop again. If it fails again, report it with the Technician Toolbox log.',
  };
}

/** Builds the psa_error for a 2xx response whose body is not JSON or does not parse. */
export function bodyError(lookup: PsaLookup, response: PsaHttpResponse): ToolboxError {
  const psa = psaDisplayName[lookup.psa];
  const label = describeLookup(lookup);
  const status = response.status;

  if (isJsonMediaType(response.mediaType)) {
    const detail = describeParseFailure(response.text);
    return new ToolboxError(
      'psa_error',
      `Looking up ${label} failed: ${psa} sent malformed JSON (HTTP ${status}: ${detail}).`,
      {
        fix:
          'Try again. If it persists, a proxy or firewall may be altering the response. ' +
          'Report it with the Technician Toolbox log.',
        upstreamStatus: status,
      },
    );
  }

  const type = response.mediaType || 'no content type';
  const excerpt = shortenUpstreamText(response.text);
  const quoted = excerpt ? `: "${excerpt}"` : '';
  return new ToolboxError(
    'psa_error',
    `Looking up ${label} failed: ${psa} returned ${type} instead of JSON ` +
      `(HTTP ${status}${quoted}).`,
    {
      fix:
        `Check ${baseUrlHint(lookup)}. A URL that points at the ${psa} web pages instead of ` +
        'its API returns HTML.',
      upstreamStatus: status,
    },
  );
}

/** Returns the base URL's config key and an example, for use in fixes. */
export function baseUrlHint(lookup: PsaLookup): string {
  return lookup.baseUrlHint ?? 'the PSA base URL in the config';
}

function describeParseFailure(text: string): string {
  if (text.trim() === '') return 'empty body';

  try {
    JSON.parse(text);
    return 'unexpected body';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * True for `application/json` and structured-syntax JSON types (RFC 6839) such as
 * `application/vnd.connectwise.com+json`.
 */
export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || /^application\/[\w.+-]+\+json$/.test(mediaType);
}
