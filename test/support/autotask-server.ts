import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { listenOnLoopback } from './ports';
import {
  JSON_CONTENT_TYPE,
  sendErrors,
  sendFault,
  type AutotaskFault,
} from './autotask-faults';
import {
  autotaskCredentials,
  standardAutotaskFixtures,
  type AutotaskFixtures,
} from './autotask-fixtures';
import { sendIisNotFound, sendJson } from './connectwise-faults';

export type { AutotaskFault } from './autotask-faults';

export type AutotaskEndpoint = 'zoneInformation' | 'Contacts' | 'Tickets' | 'Companies';

export interface AutotaskRecordedRequest {
  method: string;
  /** Path and query as received, e.g. `/zone15/ATServicesRest/V1.0/Contacts/101`. */
  path: string;
  endpoint?: AutotaskEndpoint;
  /** Request headers without `secret`, whose check is in `secretMatched`. */
  headers: Record<string, string | string[] | undefined>;
  secretMatched: boolean;
  /** Date.now() when the request arrived. */
  receivedAt: number;
  /** Status sent, set once the response has finished. Absent for a hang or a closed socket. */
  status?: number;
}

export interface AutotaskServer {
  /** Origin, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Zone discovery root to put in psa.zoneDiscoveryUrl: `<url>/atservicesrest`. */
  discoveryUrl: string;
  /** API root of the API user's current zone, e.g. `<url>/zone15/ATServicesRest/`. */
  readonly zoneUrl: string;
  requests: AutotaskRecordedRequest[];
  fixtures: AutotaskFixtures;
  /** Moves the API user to zone `zone`. Every other zone then returns 401 to the user. */
  moveZone(zone: number): void;
  /** Delays every response by `ms`, so that concurrent requests overlap. */
  setLatency(ms: number): void;
  /** Makes one endpoint misbehave: `zoneInformation` or a record such as `Contacts/101`. */
  failPath(key: string, fault: AutotaskFault): void;
  failContact(id: string | number, fault: AutotaskFault): void;
  failDiscovery(fault: AutotaskFault): void;
  /** Maximum number of requests to `endpoint` that were in flight at the same time. */
  peakInFlight(endpoint: AutotaskEndpoint): number;
  /** Forgets requests, faults, latency and peaks, and moves the user back to zone 15. */
  reset(): void;
  close(): Promise<void>;
}

export interface AutotaskServerOptions {
  fixtures?: AutotaskFixtures;
  credentials?: typeof autotaskCredentials;
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
}

const FIRST_ZONE = 15;
const discoveryRoute = /^\/atservicesrest\/v1\.0\/zoneinformation$/i;
const recordRoute = /^\/zone(\d+)\/atservicesrest\/v1\.0\/(contacts|tickets|companies)\/(\d+)$/i;
const endpointBySegment = {
  contacts: 'Contacts',
  tickets: 'Tickets',
  companies: 'Companies',
} as const;
const tableByEndpoint = {
  Contacts: 'contacts',
  Tickets: 'tickets',
  Companies: 'companies',
} as const;

/**
 * Starts a loopback stand-in for the Autotask REST API on 127.0.0.1 and a free port: zone
 * discovery plus the zones it points at, all on one server. It checks the ApiIntegrationCode,
 * UserName and Secret headers like the real API, serves the fixtures, and misbehaves on request.
 */
export async function startAutotaskServer(
  options: AutotaskServerOptions = {},
): Promise<AutotaskServer> {
  const fixtures = options.fixtures ?? standardAutotaskFixtures();
  const credentials = options.credentials ?? autotaskCredentials;
  const faults = new Map<string, AutotaskFault & { remaining: number }>();
  const requests: AutotaskRecordedRequest[] = [];
  const inFlight = new Map<AutotaskEndpoint, number>();
  const peaks = new Map<AutotaskEndpoint, number>();
  let zone = FIRST_ZONE;
  let latencyMs = 0;
  let url = '';

  const zoneUrlOf = (number: number) => `${url}/zone${number}/ATServicesRest/`;

  const takeFault = (key: string): AutotaskFault | undefined => {
    const fault = faults.get(key);
    if (fault) fault.remaining -= 1;
    if (fault && fault.remaining <= 0) faults.delete(key);
    return fault;
  };

  const track = (endpoint: AutotaskEndpoint, response: ServerResponse) => {
    const count = (inFlight.get(endpoint) ?? 0) + 1;
    inFlight.set(endpoint, count);
    peaks.set(endpoint, Math.max(peaks.get(endpoint) ?? 0, count));
    response.once('close', () => inFlight.set(endpoint, (inFlight.get(endpoint) ?? 1) - 1));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const { secret, ...headers } = request.headers;
    const target = new URL(request.url ?? '/', 'http://127.0.0.1');
    const record = recordRoute.exec(target.pathname);
    const isDiscovery = discoveryRoute.test(target.pathname);
    const segment = record?.[2]?.toLowerCase() as keyof typeof endpointBySegment | undefined;
    const recordEndpoint = segment && endpointBySegment[segment];
    const endpoint: AutotaskEndpoint | undefined = isDiscovery ? 'zoneInformation' : recordEndpoint;
    const entry: AutotaskRecordedRequest = {
      method: request.method ?? '',
      path: request.url ?? '',
      ...(endpoint && { endpoint }),
      headers,
      secretMatched: secret === credentials.secret,
      receivedAt: Date.now(),
    };
    requests.push(entry);
    response.once('finish', () => (entry.status = response.statusCode));
    if (endpoint) track(endpoint, response);
    if (latencyMs > 0) await delay(latencyMs);

    if (isDiscovery) {
      const fault = takeFault('zoneInformation');
      if (fault) return sendFault(request, response, fault);
      if (target.searchParams.get('user') !== credentials.userName) {
        return sendErrors(response, 500, ['Zone information could not be determined']);
      }
      return sendJson(response, 200, JSON_CONTENT_TYPE, {
        zoneName: `Test zone ${zone}`,
        url: zoneUrlOf(zone),
        webUrl: `${url}/ww${zone}/`,
        ci: zone,
      });
    }
    if (!record || !recordEndpoint) return sendIisNotFound(response);

    // NOTE: the texts of these two 500s are guesses. Only the status (500, not 401) is reported.
    if (request.headers.username !== credentials.userName) {
      return sendErrors(response, 500, ['The user name is not valid for an API user.']);
    }
    if (request.headers.apiintegrationcode !== credentials.integrationCode) {
      return sendErrors(response, 500, ['IntegrationCode is invalid.']);
    }
    // A wrong secret, and a zone the user has moved away from, both get 401 with no body.
    if (!entry.secretMatched || Number(record[1]) !== zone) {
      response.writeHead(401, { 'Content-Length': 0 });
      return response.end();
    }

    const id = record[3] ?? '';
    const fault = takeFault(`${recordEndpoint}/${id}`);
    if (fault) return sendFault(request, response, fault);

    return sendRecord(response, fixtures, recordEndpoint, id);
  };

  const server = createServer((request, response) => void handle(request, response));
  await listenOnLoopback(server, options.port ?? 0);
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const failPath = (key: string, fault: AutotaskFault) => {
    faults.set(key, { ...fault, remaining: fault.times ?? Number.POSITIVE_INFINITY });
  };

  return {
    url,
    discoveryUrl: `${url}/atservicesrest`,
    get zoneUrl() {
      return zoneUrlOf(zone);
    },
    requests,
    fixtures,
    moveZone: (number) => (zone = number),
    setLatency: (ms) => (latencyMs = ms),
    failPath,
    failContact: (id, fault) => failPath(`Contacts/${id}`, fault),
    failDiscovery: (fault) => failPath('zoneInformation', fault),
    peakInFlight: (endpoint) => peaks.get(endpoint) ?? 0,
    reset: () => {
      requests.length = 0;
      faults.clear();
      peaks.clear();
      latencyMs = 0;
      zone = FIRST_ZONE;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function sendRecord(
  response: ServerResponse,
  fixtures: AutotaskFixtures,
  endpoint: Exclude<AutotaskEndpoint, 'zoneInformation'>,
  id: string,
): void {
  const record = fixtures[tableByEndpoint[endpoint]].get(id);
  if (record) return sendJson(response, 200, JSON_CONTENT_TYPE, { item: record });

  if (fixtures.missingWith404.has(id)) {
    return sendErrors(response, 404, [`No ${endpoint} entity was found with id ${id}.`]);
  }
  return sendJson(response, 200, JSON_CONTENT_TYPE, { item: null });
}
