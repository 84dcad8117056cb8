import type { AxiosAdapter } from 'axios';
import type { HaloConfig } from '../../../shared/config';
import { ToolboxError } from '../errors';
import { parseRetryAfter } from '../http/retry-after';
import { createLogger } from '../log';
import { haloErrorHooks, pausedError } from './halo-errors';
import { toPsaCompany, toPsaContact, toPsaTicket } from './halo-records';
import { createHaloTokenSource } from './halo-token';
import { getPsaJson } from './http';
import type { PsaHttpResponse } from './http-errors';
import type { PsaClient } from './types';

export interface HaloClientOptions {
  /** The API application's client secret, read from the keychain entry psa.clientSecret. */
  clientSecret: string;
  /** Transport to use instead of Node's http module, e.g. one built on Electron's net.fetch. */
  adapter?: AxiosAdapter;
}

/** Halo's own names for the records, as its API paths and screens use them. */
type HaloRecord = 'user' | 'ticket' | 'client';

const recordPaths: Record<HaloRecord, string> = {
  user: 'api/Users',
  ticket: 'api/Tickets',
  client: 'api/Client',
};

/** Pause after a 429 without Retry-After. getPsaJson has already retried once by then. */
const DEFAULT_PAUSE_MS = 10_000;
/** Maximum pause taken from a Retry-After header. */
const MAX_PAUSE_MS = 60_000;

const log = createLogger('halo');

/**
 * Creates a PsaClient for the HaloPSA REST API. It signs in with OAuth2 client credentials,
 * renews the token once when the API returns 401, and after HaloPSA returns 429 it pauses
 * lookups for 10 s (or Retry-After, up to 60 s), so that screen pops do not add to the limit.
 */
export function createHaloClient(config: HaloConfig, options: HaloClientOptions): PsaClient {
  if (options.clientSecret.trim() === '') {
    throw new ToolboxError('secret_missing', 'The HaloPSA client secret is empty.', {
      fix: 'Store the API application client secret in the keychain as psa.clientSecret.',
    });
  }

  // Halo shows the API address as "Resource Server", ending in /api, so accept it pasted as is.
  const apiRoot = config.baseUrl.replace(/\/api$/i, '');
  let pausedUntil = 0;

  // A 429 starts a pause and any later response with a status below 500 ends it, so a retry
  // that succeeds lifts the pause at once.
  const watchRateLimit = (response: PsaHttpResponse) => {
    if (response.status === 429) {
      const pauseMs = parseRetryAfter(response.retryAfter, MAX_PAUSE_MS) ?? DEFAULT_PAUSE_MS;
      if (pauseMs > 0) log.warn(`HaloPSA returned HTTP 429, so lookups pause for ${pauseMs} ms`);
      pausedUntil = Date.now() + pauseMs;
    } else if (response.status < 500) {
      pausedUntil = 0;
    }
  };

  const tokens = createHaloTokenSource(config, apiRoot, { ...options, onResponse: watchRateLimit });

  const fetchRecord = (record: HaloRecord, id: string, token: string, signal?: AbortSignal) =>
    getPsaJson({
      psa: 'halo',
      record,
      id,
      url: `${apiRoot}/${recordPaths[record]}/${id}`,
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      timeoutMs: config.timeoutMs,
      signal,
      adapter: options.adapter,
      onResponse: watchRateLimit,
      ...haloErrorHooks,
    });

  async function getRecord(record: HaloRecord, id: string, signal?: AbortSignal) {
    if (!/^\d+$/.test(id)) {
      throw new ToolboxError('invalid_param', `HaloPSA ${record} id "${id}" is not a number.`, {
        fix: `Check that the screen pop passes the numeric HaloPSA ${record} id.`,
      });
    }

    const remainingMs = pausedUntil - Date.now();
    if (remainingMs > 0) throw pausedError(record, id, remainingMs);

    const token = await tokens.get(signal);
    try {
      return await fetchRecord(record, id, token, signal);
    } catch (error) {
      if (!(error instanceof ToolboxError) || error.upstreamStatus !== 401) throw error;

      // Halo can revoke a token before expires_in, e.g. when the API application changes.
      log.info(`HaloPSA rejected the access token for ${record} ${id}, so it is renewed once`);
      tokens.invalidate(token);
      return fetchRecord(record, id, await tokens.get(signal), signal);
    }
  }

  return {
    type: 'halo',

    async getContact(id, signal) {
      const body = await getRecord('user', id, signal);
      return body === null ? null : toPsaContact(body, id);
    },

    async getTicket(id, signal) {
      const body = await getRecord('ticket', id, signal);
      return body === null ? null : toPsaTicket(body, id);
    },

    async getCompany(id, signal) {
      const body = await getRecord('client', id, signal);
      if (body === null) return null;

      const { inactive, ...company } = toPsaCompany(body, id);
      if (inactive) log.warn(`HaloPSA client ${id} is marked inactive, but it is used anyway`);
      return company;
    },
  };
}
