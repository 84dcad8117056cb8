import { randomBytes } from 'node:crypto';

import { type FixtureTenant, testApp } from './identity-fixtures';

/** An access token the double issued, bound to the tenant it was requested for. */
export interface IssuedToken {
  tenantId: string;
  expiresAt: number;
}

export interface TokenReply {
  status: number;
  body: Record<string, unknown>;
}

/** Fields of a client-credentials request, as posted to `/<tenant>/oauth2/v2.0/token`. */
export interface TokenRequestForm {
  grant_type?: string;
  client_id?: string;
  client_secret?: string;
  scope?: string;
}

/**
 * Responds to a client-credentials token request the way the Microsoft identity
 * platform does: an access token for a known tenant, app and secret, otherwise an
 * OAuth error whose error_description starts with the AADSTS code.
 */
export function answerTokenRequest(
  tenantId: string,
  form: TokenRequestForm,
  context: { tenants: FixtureTenant[]; graphScope: string; lifetimeSeconds: number },
  issued: Map<string, IssuedToken>,
): TokenReply {
  const tenant = context.tenants.find((candidate) => candidate.id === tenantId);
  if (!tenant) {
    return aadError(400, 'invalid_request', 90002,
      `Tenant '${tenantId}' not found. Check to make sure you have the correct tenant ID ` +
        'and are signing into the correct cloud.');
  }
  if (form.grant_type !== 'client_credentials') {
    return aadError(400, 'unsupported_grant_type', 70003,
      `The app requested an unsupported grant type '${form.grant_type ?? ''}'.`);
  }
  if (form.client_id !== testApp.clientId || !tenant.appConsented) {
    return aadError(400, 'unauthorized_client', 700016,
      `Application with identifier '${form.client_id ?? ''}' was not found in the directory ` +
        `'${tenant.domain}'. This can happen if the application has not been installed by the ` +
        'administrator of the tenant or consented to by any user in the tenant. You may have ' +
        'sent your authentication request to the wrong tenant.');
  }
  if (form.client_secret === testApp.expiredSecret) {
    return aadError(401, 'invalid_client', 7000222,
      `The provided client secret keys for app '${testApp.clientId}' are expired. Visit the ` +
        'Azure portal to create new keys for your app.');
  }
  if (form.client_secret !== testApp.clientSecret) {
    return aadError(401, 'invalid_client', 7000215,
      'Invalid client secret provided. Ensure the secret being sent in the request is the ' +
        'client secret value, not the client secret ID, for a secret added to app ' +
        `'${testApp.clientId}'.`);
  }
  if (form.scope !== context.graphScope) {
    return aadError(400, 'invalid_scope', 1002012,
      `The provided value for scope ${form.scope ?? ''} is not valid. Client credential flows ` +
        'must have a scope value with /.default suffixed to the resource identifier.');
  }

  const accessToken = `test-token-${randomBytes(18).toString('base64url')}`;
  issued.set(accessToken, { tenantId, expiresAt: Date.now() + context.lifetimeSeconds * 1000 });
  return {
    status: 200,
    body: {
      token_type: 'Bearer',
      expires_in: context.lifetimeSeconds,
      ext_expires_in: context.lifetimeSeconds,
      access_token: accessToken,
    },
  };
}

/** Builds an error body shaped like the identity platform's, with the AADSTS code in front. */
export function aadError(status: number, error: string, code: number, text: string): TokenReply {
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${text} Trace ID: 00000000-0000-0000-0000-000000000000`,
      error_codes: [code],
      timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z',
      trace_id: '00000000-0000-0000-0000-000000000000',
      correlation_id: '00000000-0000-0000-0000-000000000000',
    },
  };
}
