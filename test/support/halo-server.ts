import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listenOnLoopback } from './ports';
import { haloCredentials, standardHaloFixtures, type HaloFixtures } from './halo-fixtures';
import { send, sendFault, sendIisNotFound, sendJson, type HaloFault } from './halo-faults';
import {
  answerTokenRequest,
  findGrant,
  requiredScope,
  type IssuedToken,
  type TokenEndpointSettings,
} from './halo-token-endpoint';

export type { HaloFault } from './halo-faults';

/** One request the server received. Secrets and tokens are never recorded. */
export interface HaloRecordedRequest {
  method: string;
  /** Path without the query, e.g. `/api/Users/101`. */
  path: string;
  query: Record<string, string>;
  contentType?: string;
  /** Token requests: the form field names in the order sent, client_secret included. */
  formFields?: string[];
  /** Token requests: the form values except client_secret. */
  form?: Record<string, string>;
  /** The Authorization scheme, e.g. `Bearer`, without the token. */
  authScheme?: string;
  /** Date.now() when the request arrived. */
  receivedAt: number;
}

export interface HaloServer {
  /** Origin, e.g. `http://127.0.0.1:40123`, to put in psa.baseUrl. */
  url: string;
  requests: HaloRecordedRequest[];
  fixtures: HaloFixtures;
  tokenRequests(): HaloRecordedRequest[];
  apiRequests(): HaloRecordedRequest[];
  /** Makes requests for one path, e.g. `/api/Tickets/5001` or `/auth/token`, misbehave. */
  failPath(path: string, fault: HaloFault): void;
  failUser(id: string | number, fault: HaloFault): void;
  failToken(fault: HaloFault): void;
  /** Forgets every issued token, as when the API application's secret is reset. */
  revokeTokens(): void;
  /** Forgets the recorded requests, the faults still pending and the issued tokens. */
  reset(): void;
  close(): Promise<void>;
}

export interface HaloServerOptions extends Partial<TokenEndpointSettings> {
  fixtures?: HaloFixtures;
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
}

const apiRoute = /^\/api\/(Users|Tickets|Client)\/(\d+)$/;
const tables = { Users: 'users', Tickets: 'tickets', Client: 'clients' } as const;

/**
 * Starts a loopback stand-in for HaloPSA on 127.0.0.1 and a free port: the OAuth2 token
 * endpoint `/auth/token` and `/api/Users|Tickets|Client/{id}` with bearer tokens that really
 * expire. Give `tenant: ''` for an on-premises server. Faults are set per path (`failPath`).
 */
export async function startHaloServer(options: HaloServerOptions = {}): Promise<HaloServer> {
  const fixtures = options.fixtures ?? standardHaloFixtures();
  const settings: TokenEndpointSettings = {
    clientId: options.clientId ?? haloCredentials.clientId,
    clientSecret: options.clientSecret ?? haloCredentials.clientSecret,
    tenant: options.tenant ?? haloCredentials.tenant,
    permissions: options.permissions ?? ['all'],
    lifetimeSeconds: options.lifetimeSeconds ?? 3600,
  };
  const issued = new Map<string, IssuedToken>();
  const faults = new Map<string, HaloFault & { remaining: number }>();
  const requests: HaloRecordedRequest[] = [];

  function handle(request: IncomingMessage, response: ServerResponse, body: string): void {
    const target = new URL(request.url ?? '/', 'http://127.0.0.1');
    const record = recordRequest(request, target, body);
    requests.push(record);

    const fault = faults.get(target.pathname);
    if (fault) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) faults.delete(target.pathname);
      return sendFault(request, response, fault);
    }

    if (request.method === 'POST' && target.pathname === '/auth/token') {
      const form = new URLSearchParams(body);
      const reply = answerTokenRequest(
        target.searchParams,
        record.contentType ?? '',
        form,
        settings,
        issued,
      );
      return sendJson(response, reply.status, reply.body, { 'Cache-Control': 'no-store' });
    }

    const match = apiRoute.exec(target.pathname);
    if (request.method !== 'GET' || !match) return sendIisNotFound(response);
    const [, area = '', id = ''] = match;

    const grant = findGrant(request.headers.authorization, issued);
    if (!grant) {
      // Halo's 401 body is not documented, so this sends the standard bearer challenge.
      return send(response, 401, 'text/plain', '', {
        'WWW-Authenticate': 'Bearer error="invalid_token"',
      });
    }
    if (!grant.scopes.includes('all') && !grant.scopes.includes(requiredScope(area))) {
      return sendJson(response, 403, { message: `The token lacks ${requiredScope(area)}.` });
    }

    const found = fixtures[tables[area as keyof typeof tables]].get(id);
    if (found) return sendJson(response, 200, found);
    // NOTE: the body of Halo's 404 for an unknown id is a guess.
    return send(response, 404, 'text/plain', `No ${area} record with id ${id}.`);
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handle(request, response, Buffer.concat(chunks).toString('utf8')));
  });

  await listenOnLoopback(server, options.port ?? 0);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const failPath = (path: string, fault: HaloFault) => {
    faults.set(path, { ...fault, remaining: fault.times ?? Number.POSITIVE_INFINITY });
  };

  return {
    url,
    requests,
    fixtures,
    tokenRequests: () => requests.filter((record) => record.path === '/auth/token'),
    apiRequests: () => requests.filter((record) => record.path.startsWith('/api/')),
    failPath,
    failUser: (id, fault) => failPath(`/api/Users/${id}`, fault),
    failToken: (fault) => failPath('/auth/token', fault),
    revokeTokens: () => issued.clear(),
    reset: () => {
      requests.length = 0;
      faults.clear();
      issued.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function recordRequest(request: IncomingMessage, target: URL, body: string): HaloRecordedRequest {
  const contentType = request.headers['content-type'];
  const authScheme = request.headers.authorization?.split(' ')[0];
  const record: HaloRecordedRequest = {
    method: request.method ?? '',
    path: target.pathname,
    query: Object.fromEntries(target.searchParams),
    ...(contentType && { contentType }),
    ...(authScheme && { authScheme }),
    receivedAt: Date.now(),
  };
  if (request.method !== 'POST') return record;

  const form = [...new URLSearchParams(body)];
  record.formFields = form.map(([name]) => name);
  record.form = Object.fromEntries(form.filter(([name]) => name !== 'client_secret'));
  return record;
}
