import type { HaloConfig } from '../../../shared/config';
import { ToolboxError } from '../errors';
import { secretSetCommand } from '../secrets/require-secret';
import { capitalize } from '../text';
import { HALO_API_SETTINGS, RATE_LIMIT_FIX, isObject, readHaloMessage } from './halo-errors';
import type { PsaErrorHooks, PsaHttpResponse, StatusExplanation } from './http-errors';

const authUrlExample = 'https://contoso.halopsa.com/auth';

/** Error hooks for HaloPSA's OAuth token endpoint, which sends `{error, error_description}`. */
export function haloTokenErrorHooks(config: HaloConfig): PsaErrorHooks {
  return {
    baseUrlHint:
      `psa.authUrl (the Authorisation Server URL shown in HaloPSA, such as ${authUrlExample}, ` +
      'which defaults to psa.baseUrl + /auth)',
    isRecordMissing: () => false,
    readMessage: readHaloMessage,
    explainStatus: (response) => explainTokenError(response, config),
  };
}

/** Explanations of the OAuth error codes (RFC 6749, section 5.2) an admin can fix. */
const oauthExplanations: Record<string, (config: HaloConfig) => StatusExplanation> = {
  invalid_client: (config) => ({
    cause: 'HaloPSA rejected the client id or its client secret',
    fix:
      `Check psa.clientId and ${describeTenant(config)}, and store the API application's ` +
      `client secret again with \`${secretSetCommand('psa.clientSecret')}\`.`,
  }),
  invalid_scope: (config) => ({
    cause: `HaloPSA rejected scope "${config.scope}" for this API application`,
    fix:
      'Give the API application the permissions psa.scope asks for (all, or read:customers ' +
      `and read:tickets) in ${HALO_API_SETTINGS} > Permissions, or set psa.scope to ` +
      'permissions it has.',
  }),
  unauthorized_client: explainGrantType,
  unsupported_grant_type: explainGrantType,
};

function explainTokenError(
  response: PsaHttpResponse,
  config: HaloConfig,
): StatusExplanation | undefined {
  if (response.status === 429) {
    return { cause: 'HaloPSA is rate limiting this API application', fix: RATE_LIMIT_FIX };
  }
  if (response.status === 404) return explainMissingEndpoint(config);

  // OAuth error codes are lower-case words joined by underscores.
  const error = isObject(response.json) ? response.json.error : undefined;
  const code = typeof error === 'string' && /^[a-z_]+$/.test(error) ? error : undefined;
  if (code === undefined) {
    return response.status === 401 ? oauthExplanations.invalid_client?.(config) : undefined;
  }

  return (
    oauthExplanations[code]?.(config) ?? {
      cause: 'HaloPSA rejected the token request',
      fix: `Check psa.clientId, ${describeTenant(config)} and psa.authUrl.`,
    }
  );
}

function explainGrantType(): StatusExplanation {
  return {
    cause: 'the HaloPSA API application does not allow the client credentials grant',
    fix:
      'Set the Authentication Method of the API application to "Client ID and Secret ' +
      `(Services)" in ${HALO_API_SETTINGS}.`,
  };
}

function explainMissingEndpoint(config: HaloConfig): StatusExplanation {
  const setAuthUrl =
    'set psa.authUrl to the Authorisation Server URL shown in HaloPSA under Configuration > ' +
    `Integrations > HaloPSA API, such as ${authUrlExample}`;
  // Without psa.authUrl the token URL is derived from psa.baseUrl, so that is the likelier error.
  const fix = config.authUrl
    ? `${capitalize(setAuthUrl)}.`
    : 'Set psa.baseUrl to the HaloPSA address, such as https://contoso.halopsa.com, or ' +
      `${setAuthUrl}.`;
  const key = config.authUrl ? 'psa.authUrl' : 'psa.baseUrl';
  return { cause: `the token endpoint was not found, so ${key} is probably wrong`, fix };
}

function describeTenant(config: HaloConfig): string {
  return config.tenant
    ? `psa.tenant ("${config.tenant}")`
    : 'psa.tenant (empty now, but hosted HaloPSA on a shared authorisation server needs it)';
}

/**
 * Builds the error for a 2xx token response that is no usable token. Unlike bodyError, it
 * never quotes the body, because the body may contain the token.
 */
export function tokenBodyError(label: string, status: number, detail: string): ToolboxError {
  return new ToolboxError('psa_error', `Looking up ${label} failed: ${detail} (HTTP ${status}).`, {
    fix:
      `Check psa.authUrl: it must be the Authorisation Server URL shown in HaloPSA, such as ` +
      `${authUrlExample}, not a web page. If it is right, a proxy may be altering the response.`,
    upstreamStatus: status,
  });
}
