import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listenOnLoopback } from './ports';
import {
  connectwiseCredentials,
  standardConnectwiseFixtures,
  type ConnectwiseFixtures,
} from './connectwise-fixtures';
import {
  RECORD_CONTENT_TYPE,
  send,
  sendFault,
  sendIisNotFound,
  sendJson,
  type ConnectwiseFault,
} from './connectwise-faults';

export type { ConnectwiseFault } from './connectwise-faults';

export interface RecordedRequest {
  method: string;
  /** Path and query as received, e.g. `/v4_6_release/apis/3.0/company/contacts/101`. */
  path: string;
  /** Request headers without `authorization`, whose decoded parts are in `basicAuth`. */
  headers: Record<string, string | string[] | undefined>;
  basicAuth?: { user: string; password: string };
  /** Date.now() when the request arrived. */
  receivedAt: number;
}

export interface ConnectwiseServer {
  /** Origin, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** API root to put in psa.baseUrl: `<url>/v4_6_release/apis/3.0`. */
  baseUrl: string;
  requests: RecordedRequest[];
  fixtures: ConnectwiseFixtures;
  /** Makes requests for one path under `baseUrl`, e.g. `/service/tickets/5001`, misbehave. */
  failPath(path: string, fault: ConnectwiseFault): void;
  failContact(id: string | number, fault: ConnectwiseFault): void;
  /** Forgets the recorded requests and the faults still pending. */
  reset(): void;
  close(): Promise<void>;
}

export interface ConnectwiseServerOptions {
  fixtures?: ConnectwiseFixtures;
  credentials?: typeof connectwiseCredentials;
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
}

const API_ROOT = '/v4_6_release/apis/3.0';
const recordRoute = /^\/(company\/contacts|service\/tickets|company\/companies)\/(\d+)$/;
const routes = {
  'company/contacts': { table: 'contacts', kind: 'Contact' },
  'service/tickets': { table: 'tickets', kind: 'Ticket' },
  'company/companies': { table: 'companies', kind: 'Company' },
} as const;

/**
 * Starts a loopback stand-in for the ConnectWise PSA REST API 3.0 on 127.0.0.1 and a free
 * port. It checks Basic auth and the clientId header like the real API, serves the fixtures,
 * and misbehaves on request (see `failPath`).
 */
export async function startConnectwiseServer(
  options: ConnectwiseServerOptions = {},
): Promise<ConnectwiseServer> {
  const fixtures = options.fixtures ?? standardConnectwiseFixtures();
  const credentials = options.credentials ?? connectwiseCredentials;
  const faults = new Map<string, ConnectwiseFault & { remaining: number }>();
  const requests: RecordedRequest[] = [];

  const server = createServer((request, response) => {
    const { authorization, ...headers } = request.headers;
    const basicAuth = decodeBasicAuth(authorization);
    requests.push({
      method: request.method ?? '',
      path: request.url ?? '',
      headers,
      ...(basicAuth && { basicAuth }),
      receivedAt: Date.now(),
    });

    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (!pathname.startsWith(`${API_ROOT}/`)) return sendIisNotFound(response);

    // NOTE: the status and wording of ConnectWise's missing-clientId response are a guess. Only
    // its plain-text (non-JSON) body is documented.
    if (!request.headers.clientid) {
      const text = 'Cannot process request: clientId header is required.';
      return send(response, 400, 'text/plain', text);
    }

    const user = `${credentials.companyId}+${credentials.publicKey}`;
    if (basicAuth?.user !== user || basicAuth.password !== credentials.privateKey) {
      return sendJson(response, 401, 'application/json; charset=utf-8', {
        code: 'Unauthorized',
        message: 'Authentication failed: the public or private key is not valid for this company.',
      });
    }

    const apiPath = pathname.slice(API_ROOT.length);
    const fault = faults.get(apiPath);
    if (fault) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) faults.delete(apiPath);
      return sendFault(request, response, fault);
    }

    return sendRecord(response, fixtures, apiPath);
  });

  await listenOnLoopback(server, options.port ?? 0);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const failPath = (path: string, fault: ConnectwiseFault) => {
    faults.set(path, { ...fault, remaining: fault.times ?? Number.POSITIVE_INFINITY });
  };

  return {
    url,
    baseUrl: `${url}${API_ROOT}`,
    requests,
    fixtures,
    failPath,
    failContact: (id, fault) => failPath(`/company/contacts/${id}`, fault),
    reset: () => {
      requests.length = 0;
      faults.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function sendRecord(response: ServerResponse, fixtures: ConnectwiseFixtures, apiPath: string) {
  const match = recordRoute.exec(apiPath);
  if (!match) return sendIisNotFound(response);

  const [, route = '', id = ''] = match;
  const { table, kind } = routes[route as keyof typeof routes];
  const record = fixtures[table].get(id);
  if (record) return sendJson(response, 200, RECORD_CONTENT_TYPE, record);

  const message = `${kind} with id ${id} not found`;
  return sendJson(response, 404, 'application/json; charset=utf-8', {
    code: 'NotFound',
    message,
    errors: [{ code: 'NotFound', message, resource: kind.toLowerCase() }],
  });
}

function decodeBasicAuth(header: string | undefined): RecordedRequest['basicAuth'] {
  const match = /^Basic (.+)$/.exec(header ?? '');
  if (!match?.[1]) return undefined;

  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;

  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
