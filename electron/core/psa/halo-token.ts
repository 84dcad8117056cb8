import type { AxiosAdapter } from 'axios';
import type { HaloConfig } from '../../../shared/config';
import { ToolboxError } from '../errors';
import { createLogger } from '../log';
import { isObject } from './halo-errors';
import { haloTokenErrorHooks, tokenBodyError } from './halo-token-errors';
import { postPsaForm } from './http';
import type { PsaHttpResponse, PsaLookup } from './http-errors';
import { abortError } from './transport-errors';

/** Access tokens for one HaloPSA API application, cached and shared by concurrent lookups. */
export interface HaloTokenSource {
  /** Returns a cached token, or requests one. Concurrent callers share one token request. */
  get(signal?: AbortSignal): Promise<string>;
  /** Drops `token` from the cache after the API rejected it. A newer cached token stays. */
  invalidate(token: string): void;
}

export interface HaloTokenOptions {
  clientSecret: string;
  adapter?: AxiosAdapter;
  onResponse?: (response: PsaHttpResponse) => void;
}

/** Renew a token this long before it expires, or at half its lifetime when that is shorter. */
const RENEW_MARGIN_MS = 60_000;
/** Lifetime assumed when a token response has no usable expires_in. A 401 renews it sooner. */
const DEFAULT_LIFETIME_MS = 10 * 60_000;

const log = createLogger('halo');

/**
 * Returns the token endpoint: `<authUrl>/token`, where authUrl defaults to `<baseUrl>/auth`.
 * `?tenant=` is added only for a configured tenant, because on-premises Halo has none.
 */
export function haloTokenUrl(config: HaloConfig, apiRoot: string): string {
  const authUrl = (config.authUrl ?? `${apiRoot}/auth`).replace(/\/token$/i, '');
  const tenant = config.tenant ? `?tenant=${encodeURIComponent(config.tenant)}` : '';
  return `${authUrl}/token${tenant}`;
}

/** Creates the token source for OAuth2 client credentials against HaloPSA's token endpoint. */
export function createHaloTokenSource(
  config: HaloConfig,
  apiRoot: string,
  options: HaloTokenOptions,
): HaloTokenSource {
  const label = `a HaloPSA access token for client id ${config.clientId}`;
  const lookup: PsaLookup = {
    psa: 'halo',
    record: 'access token',
    id: config.clientId,
    url: haloTokenUrl(config, apiRoot),
    label,
    ...haloTokenErrorHooks(config),
  };
  let cached: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function requestToken(): Promise<string> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: config.clientId,
      client_secret: options.clientSecret,
      scope: config.scope,
    });
    const body = await postPsaForm({
      ...lookup,
      form,
      headers: { Accept: 'application/json' },
      timeoutMs: config.timeoutMs,
      adapter: options.adapter,
      onResponse: options.onResponse,
    }).catch(hideTokenBody);

    const { token, lifetimeMs } = readTokenResponse(body);
    const renewAfterMs = lifetimeMs - Math.min(RENEW_MARGIN_MS, lifetimeMs / 2);
    cached = { token, renewAt: Date.now() + renewAfterMs };
    log.info(`Got ${label}, valid for ${Math.round(lifetimeMs / 1000)} s`);
    return token;
  }

  // A 2xx failure from postPsaForm quotes the body, which may contain the token.
  function hideTokenBody(error: unknown): never {
    const status = error instanceof ToolboxError ? error.upstreamStatus : undefined;
    if (status === undefined || status >= 300) throw error;
    throw tokenBodyError(label, status, 'the token response is not valid JSON');
  }

  function readTokenResponse(body: unknown): { token: string; lifetimeMs: number } {
    const token = isObject(body) ? body.access_token : undefined;
    if (typeof token !== 'string' || token.trim() === '') {
      throw tokenBodyError(label, 200, 'the token response contains no access_token');
    }

    const expiresIn = isObject(body) ? Number(body.expires_in) : Number.NaN;
    const lifetimeMs = expiresIn > 0 ? expiresIn * 1000 : DEFAULT_LIFETIME_MS;
    return { token, lifetimeMs };
  }

  return {
    get(signal) {
      if (cached && Date.now() < cached.renewAt) return Promise.resolve(cached.token);

      pending ??= requestToken().finally(() => {
        pending = undefined;
      });
      return waitFor(pending, signal, lookup);
    },

    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}

/**
 * Waits for a shared token request. The caller's signal ends only this caller's wait, so that
 * one cancelled screen pop does not cancel the token request of the others.
 */
function waitFor<T>(shared: Promise<T>, signal: AbortSignal | undefined, lookup: PsaLookup) {
  if (!signal) return shared;
  if (signal.aborted) return Promise.reject(abortError(lookup, signal.reason));

  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(lookup, signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    shared
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}
