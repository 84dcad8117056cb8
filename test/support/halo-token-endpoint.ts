import { randomBytes } from 'node:crypto';

/** What the token endpoint checks a request against. */
export interface TokenEndpointSettings {
  clientId: string;
  clientSecret: string;
  /** Tenant name required in `?tenant=`; '' for an on-premises server, which ignores it. */
  tenant: string;
  /** Permissions of the API application. A token request may ask for these or fewer. */
  permissions: string[];
  /** expires_in of issued tokens, in seconds. */
  lifetimeSeconds: number;
}

export interface IssuedToken {
  expiresAt: number;
  scopes: string[];
}

export interface TokenReply {
  status: number;
  body: unknown;
}

/**
 * Checks one OAuth2 client credentials request the way HaloPSA's `/auth/token` does and
 * issues an opaque token into `issued`.
 * NOTE: Halo documents invalid_client (401) and invalid_scope (400). The responses to a wrong
 * content type, grant type or tenant are plausible OAuth errors, not observed ones.
 */
export function answerTokenRequest(
  query: URLSearchParams,
  contentType: string,
  form: URLSearchParams,
  settings: TokenEndpointSettings,
  issued: Map<string, IssuedToken>,
): TokenReply {
  if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    const description = 'The body must be application/x-www-form-urlencoded.';
    return oauthError(400, 'invalid_request', description);
  }

  const tenant = query.get('tenant');
  if (settings.tenant && tenant !== settings.tenant) {
    const named = tenant === null ? 'No tenant was given' : `Tenant "${tenant}" was not found`;
    return oauthError(400, 'invalid_request', `${named}.`);
  }

  if (form.get('grant_type') !== 'client_credentials') {
    return oauthError(400, 'unsupported_grant_type', 'The grant type is not supported.');
  }

  const knownClient =
    form.get('client_id') === settings.clientId &&
    form.get('client_secret') === settings.clientSecret;
  if (!knownClient) return oauthError(401, 'invalid_client', 'The client is not valid.');

  const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
  const allowed = (scope: string) =>
    settings.permissions.includes('all') || settings.permissions.includes(scope);
  if (scopes.length === 0 || !scopes.every(allowed)) {
    return oauthError(400, 'invalid_scope', 'The requested scope is not valid.');
  }

  const token = randomBytes(24).toString('base64url');
  issued.set(token, { expiresAt: Date.now() + settings.lifetimeSeconds * 1000, scopes });
  return {
    status: 200,
    body: {
      access_token: token,
      token_type: 'Bearer',
      expires_in: settings.lifetimeSeconds,
      scope: scopes.join(' '),
    },
  };
}

/** Returns the grant of a bearer header's token, or undefined when it is unknown or expired. */
export function findGrant(
  authorization: string | undefined,
  issued: Map<string, IssuedToken>,
): IssuedToken | undefined {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  const grant = token === undefined ? undefined : issued.get(token);
  return grant && grant.expiresAt > Date.now() ? grant : undefined;
}

/** Scope besides `all` that each API area needs: users and clients are "customers". */
export function requiredScope(area: string): string {
  return area === 'Tickets' ? 'read:tickets' : 'read:customers';
}

function oauthError(status: number, error: string, description: string): TokenReply {
  return { status, body: { error, error_description: description } };
}
