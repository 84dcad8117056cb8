import type { AxiosAdapter } from 'axios';
import type { AutotaskConfig } from '../../../shared/config';
import { ToolboxError } from '../errors';
import { createLogger } from '../log';
import { secretSetCommand } from '../secrets/require-secret';
import { recordErrorHooks } from './autotask-errors';
import { createConcurrencyGate, QueueTimeoutError, type ConcurrencyGate } from './autotask-gate';
import { toPsaCompany, toPsaContact, toPsaTicket } from './autotask-records';
import { createZoneCache, discoverZone, waitFor, type ZoneEntry } from './autotask-zone';
import { getPsaJson, type PsaGetRequest } from './http';
import { describeLookup } from './http-errors';
import { abortError } from './transport-errors';
import type { PsaClient } from './types';

export interface AutotaskClientOptions {
  /** The API user's secret ("Password (Secret)"), read from the keychain entry psa.secret. */
  secret: string;
  /** Transport to use instead of Node's http module, e.g. one built on Electron's net.fetch. */
  adapter?: AxiosAdapter;
}

/** Autotask's limit of concurrent requests per endpoint (entity) for one integration code. */
export const MAX_CONCURRENT_PER_ENDPOINT = 3;

type AutotaskRecord = 'contact' | 'ticket' | 'company';

const entities: Record<AutotaskRecord, string> = {
  contact: 'Contacts',
  ticket: 'Tickets',
  company: 'Companies',
};

/** Returned instead of a body when a confirmed zone returns 401, because the user has moved. */
const ZONE_MOVED = Symbol('zone moved');

const log = createLogger('autotask');

/**
 * Creates a PsaClient for the Datto Autotask REST API. It finds the API user's zone on first
 * use, sends the ApiIntegrationCode, UserName and Secret headers on every record request, and
 * runs at most 3 requests at once per endpoint.
 */
export function createAutotaskClient(
  config: AutotaskConfig,
  options: AutotaskClientOptions,
): PsaClient {
  if (options.secret.trim() === '') {
    throw new ToolboxError('secret_missing', 'The Autotask API user secret is empty.', {
      fix: `Store the API user's secret with \`${secretSetCommand('psa.secret')}\`.`,
    });
  }

  const headers = {
    ApiIntegrationCode: config.integrationCode,
    UserName: config.userName,
    Secret: options.secret,
    Accept: 'application/json',
  };
  const gates = new Map<string, ConcurrencyGate>();
  const gateFor = (endpoint: string): ConcurrencyGate => {
    const existing = gates.get(endpoint);
    if (existing) return existing;

    const gate = createConcurrencyGate(MAX_CONCURRENT_PER_ENDPOINT);
    gates.set(endpoint, gate);
    return gate;
  };
  const zones = createZoneCache(() =>
    discoverZone(config, gateFor('zoneInformation'), options.adapter),
  );
  let hasSucceeded = false;

  async function requestFrom(
    zone: ZoneEntry,
    record: AutotaskRecord,
    id: string,
    signal: AbortSignal | undefined,
    isRetry: boolean,
  ): Promise<unknown> {
    // The record URL is known only once the zone is, so a cancelled wait names the zone URL.
    const lookup = { psa: 'autotask' as const, record, id, url: config.zoneDiscoveryUrl };
    const zoneUrl = await waitFor(zone.url, signal).catch((reason: unknown) => {
      throw signal?.aborted ? abortError(lookup, signal.reason) : reason;
    });
    const request: PsaGetRequest = {
      ...lookup,
      url: new URL(`V1.0/${entities[record]}/${id}`, zoneUrl).href,
      headers,
      timeoutMs: config.timeoutMs,
      signal,
      adapter: options.adapter,
      ...recordErrorHooks(zoneUrl, () => hasSucceeded),
    };

    try {
      const gate = gateFor(entities[record]);
      const gateOptions = { signal, maxWaitMs: config.timeoutMs };
      const body = await gate.run(() => getPsaJson(request), gateOptions);
      zone.confirmed = true;
      hasSucceeded = true;
      return body;
    } catch (error) {
      if (error instanceof QueueTimeoutError) throw queueTimeoutError(request, error.waitedMs);
      if (!(error instanceof ToolboxError) && signal?.aborted) {
        throw abortError(request, signal.reason);
      }
      // Zones move: a 401 from a zone that worked before means the user now lives elsewhere.
      const isUnauthorized = error instanceof ToolboxError && error.upstreamStatus === 401;
      if (isUnauthorized && zone.confirmed && !isRetry) {
        log.warn(`${describeLookup(request)}: HTTP 401 from zone ${zoneUrl}, rediscovering`);
        return ZONE_MOVED;
      }
      throw error;
    }
  }

  async function getRecord(record: AutotaskRecord, id: string, signal?: AbortSignal) {
    if (!/^\d+$/.test(id)) {
      throw new ToolboxError('invalid_param', `Autotask ${record} id "${id}" is not a number.`, {
        fix: `Check that the screen pop passes the numeric Autotask ${record} id.`,
      });
    }

    const zone = zones.get();
    const body = await requestFrom(zone, record, id, signal, false);
    if (body !== ZONE_MOVED) return body;

    return requestFrom(zones.replace(zone), record, id, signal, true);
  }

  return {
    type: 'autotask',
    getContact: async (id, signal) => toPsaContact(await getRecord('contact', id, signal), id),
    getTicket: async (id, signal) => toPsaTicket(await getRecord('ticket', id, signal), id),

    async getCompany(id, signal) {
      const company = toPsaCompany(await getRecord('company', id, signal), id);
      if (!company) return null;

      const { active, ...rest } = company;
      if (!active) log.warn(`Autotask company ${id} is inactive and is used anyway`);
      return rest;
    },
  };
}

function queueTimeoutError(request: PsaGetRequest, waitedMs: number): ToolboxError {
  const message =
    `Looking up ${describeLookup(request)} timed out after ${waitedMs} ms waiting for a free ` +
    `request slot (Autotask allows ${MAX_CONCURRENT_PER_ENDPOINT} concurrent requests per ` +
    'endpoint).';
  return new ToolboxError('psa_timeout', message, {
    fix:
      'Earlier Autotask lookups are slow or stuck. Reopen the screen pop; if Autotask is only ' +
      'slow, raise psa.timeoutMs.',
  });
}
