import { secretSetCommand } from '../secrets/require-secret';
import type { PsaErrorHooks, PsaHttpResponse, StatusExplanation } from './http-errors';

export const DEFAULT_ZONE_DISCOVERY_URL = 'https://webservices.autotask.net/atservicesrest';

/** Fix text of every error in which Autotask rejects the API user or integration code. */
export const credentialsFix =
  'Check psa.userName (the API user\'s "Username (Key)") and psa.integrationCode in the ' +
  `config, store the API user's secret with \`${secretSetCommand('psa.secret')}\`, and check ` +
  'that the API user has an API-only security level (API User).';

// Words in Autotask's error text that point at the API user or the integration code.
const credentialWords =
  /\b(user|username|integration ?code|credentials?|authenticat\w*|secret|unauthori[sz]ed)\b/i;

/**
 * Reads Autotask's error body `{"errors": ["…", …]}` and joins its texts. Any other body is
 * returned as plain text, or undefined when it is empty.
 */
export function readAutotaskMessage(response: PsaHttpResponse): string | undefined {
  const json = response.json;
  if (json && typeof json === 'object' && 'errors' in json && Array.isArray(json.errors)) {
    const texts = json.errors.filter((item): item is string => typeof item === 'string');
    const joined = texts.map((text) => text.trim()).filter(Boolean).join('; ');
    return joined || undefined;
  }
  if (json !== undefined) return undefined;

  return response.text.trim() || undefined;
}

/**
 * Error hooks for Contacts, Tickets and Companies requests. `hasSucceeded` returns whether any
 * request of this client has succeeded yet, because Autotask returns HTTP 500 instead of 401
 * for a wrong user name or integration code.
 */
export function recordErrorHooks(zoneUrl: string, hasSucceeded: () => boolean): PsaErrorHooks {
  return {
    baseUrlHint: `the zone URL ${zoneUrl} from Autotask's zone discovery`,
    // A 404 with an HTML body comes from the web server in front of the API: a wrong path.
    isRecordMissing: (response) => response.json !== undefined || response.text.trim() === '',
    readMessage: readAutotaskMessage,
    explainStatus: (response) => explainRecordStatus(response, hasSucceeded()),
  };
}

function explainRecordStatus(
  response: PsaHttpResponse,
  hasSucceeded: boolean,
): StatusExplanation | undefined {
  const status = response.status;

  if (status === 401) {
    return { cause: "Autotask rejected the API user's secret", fix: credentialsFix };
  }
  if (status === 403) {
    return {
      cause: "the API user's security level may not read this record",
      fix:
        'In Autotask, give the API user an API-only security level that may view Contacts, ' +
        'Tickets and Companies.',
    };
  }
  if (status !== 500) return undefined;

  if (credentialWords.test(readAutotaskMessage(response) ?? '')) {
    const cause = 'Autotask rejected the API user name or integration code';
    return { cause, fix: credentialsFix };
  }
  if (!hasSucceeded) {
    return {
      cause:
        'Autotask failed with a server error before any request had succeeded, which is how ' +
        'it answers a wrong API user name or integration code',
      fix: credentialsFix,
    };
  }
  return undefined;
}

/** Error hooks for the zone discovery request, which names the API user but sends no secret. */
export function discoveryErrorHooks(): PsaErrorHooks {
  return {
    baseUrlHint: `psa.zoneDiscoveryUrl (normally ${DEFAULT_ZONE_DISCOVERY_URL})`,
    // Zone discovery has no records, so any 404 means the URL is wrong.
    isRecordMissing: () => false,
    readMessage: readAutotaskMessage,
    explainStatus: explainDiscoveryStatus,
  };
}

function explainDiscoveryStatus(response: PsaHttpResponse): StatusExplanation | undefined {
  const status = response.status;

  // Autotask returns 500 for an unknown user, with the body
  // {"errors":["Zone information could not be determined"]}.
  if (status === 500 || status === 401 || status === 400) {
    return { cause: 'Autotask found no zone for this API user name', fix: credentialsFix };
  }
  if (status === 404) {
    return {
      cause: 'the zone discovery path was not found, so psa.zoneDiscoveryUrl is probably wrong',
      fix: `Set psa.zoneDiscoveryUrl to ${DEFAULT_ZONE_DISCOVERY_URL}, or remove it.`,
    };
  }
  return undefined;
}
