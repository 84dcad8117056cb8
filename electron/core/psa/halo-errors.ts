import { ToolboxError } from '../errors';
import type { PsaErrorHooks, PsaHttpResponse, StatusExplanation } from './http-errors';

/** Menu path to the API application's settings in HaloPSA. */
export const HALO_API_SETTINGS = 'Configuration > Integrations > HaloPSA API > View Applications';

/**
 * Fix for a rate-limited API application, shared by the API and token errors. The figure is
 * the text of hosted Halo's 429 as reported in 2022, not a documented limit.
 */
export const RATE_LIMIT_FIX =
  'Wait a minute and reopen the screen pop. Hosted HaloPSA allows roughly 300 API requests ' +
  'in 5 minutes, so check which other integrations use the same HaloPSA instance.';

/** Error hooks for HaloPSA API responses (`/api/...`), passed to getPsaJson. */
export const haloErrorHooks: PsaErrorHooks = {
  baseUrlHint: 'psa.baseUrl (the HaloPSA address, such as https://contoso.halopsa.com)',

  // A 404 with an HTML page comes from the web server, so psa.baseUrl is probably wrong.
  // NOTE: the body Halo sends with a 404 for an unknown id is not documented, so any other
  // 404 reads as a missing record.
  isRecordMissing: (response) => response.mediaType !== 'text/html',

  // NOTE: Halo does not document an empty 200 or a record with id 0 for an unknown id. Both are
  // read as a missing record, because neither can be a real contact, ticket or client.
  isEmptyRecord: (response) => {
    if (response.text.trim() === '') return true;
    return isObject(response.json) && response.json.id === 0;
  },

  readMessage: readHaloMessage,
  explainStatus: explainHaloStatus,
};

/**
 * Reads the upstream text from a Halo error body. Halo returns .NET exception objects
 * (`ClassName`, `Message`), OAuth bodies (`error`, `error_description`) or plain text.
 */
export function readHaloMessage(response: PsaHttpResponse): string | undefined {
  const json = response.json;
  if (typeof json === 'string') return json.trim() || undefined;
  if (!isObject(json)) return response.text.trim() || undefined;

  const error = readText(json, 'error');
  const description = readText(json, 'error_description');
  if (error && description) return `${error}: ${description}`;

  return description ?? error ?? readText(json, 'Message') ?? readText(json, 'message');
}

function explainHaloStatus(response: PsaHttpResponse): StatusExplanation | undefined {
  switch (response.status) {
    // The client renews its token after the first 401, so a 401 that reaches here came back
    // for a token HaloPSA had just issued.
    case 401:
      return {
        cause: 'HaloPSA rejected a newly issued access token',
        fix:
          'Check that psa.authUrl and psa.baseUrl belong to the same HaloPSA instance, and that ' +
          `the API application is active in ${HALO_API_SETTINGS}.`,
      };
    case 403:
      return {
        cause: 'the HaloPSA API application may not read this record',
        fix:
          'Give the API application the read:customers and read:tickets permissions (or all) ' +
          `in ${HALO_API_SETTINGS} > Permissions, and check the client restrictions of the ` +
          'agent it logs in as.',
      };
    case 404:
      return {
        cause: 'the API path was not found, so psa.baseUrl is probably wrong',
        fix: 'Set psa.baseUrl to the HaloPSA address, such as https://contoso.halopsa.com.',
      };
    case 429:
      return {
        cause: 'HaloPSA is rate limiting this API application and rejected one retry too',
        fix: RATE_LIMIT_FIX,
      };
    default:
      return undefined;
  }
}

/** Builds the error for a lookup skipped because HaloPSA returned HTTP 429 shortly before. */
export function pausedError(record: string, id: string, remainingMs: number): ToolboxError {
  const seconds = Math.max(1, Math.ceil(remainingMs / 1000));
  return new ToolboxError(
    'psa_error',
    `HaloPSA ${record} ${id} was not looked up: HaloPSA is rate limiting this API application, ` +
      `so lookups are paused for ${seconds} more s.`,
    { fix: RATE_LIMIT_FIX },
  );
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readText(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
