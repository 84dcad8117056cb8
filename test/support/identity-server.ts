import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { listenOnLoopback } from './ports';

import { answerUsersRequest, graphError, type GraphReply } from './graph-users';
import { type FixtureTenant, fixtureTenants } from './identity-fixtures';
import {
  aadError,
  answerTokenRequest,
  type IssuedToken,
  type TokenRequestForm,
} from './identity-token';
import { readTestTls } from './tls';

/** One request the double received. Secrets and tokens are never recorded. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** The query as the server decoded it (`+` reads as a space, as in Graph). */
  query: Record<string, string>;
  /** The query string exactly as it arrived, without `?`. */
  rawQuery: string;
  /** Token requests only: the posted form fields except client_secret. */
  form?: Record<string, string>;
}

/** Ways `/v1.0/users` can fail on purpose. */
export type GraphFault =
  | 'unauthorized'
  | 'forbidden'
  | 'throttled'
  | 'unavailable'
  | 'server_error'
  | 'malformed'
  | 'hang';
/** Ways the token endpoint can fail on purpose. */
export type TokenFault = 'unavailable' | 'hang';

export interface IdentityServer {
  /** `https://127.0.0.1:<port>`: the authority host and the Graph base URL alike. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Token requests, optionally only those for one tenant. */
  tokenRequests(tenantId?: string): RecordedRequest[];
  userRequests(): RecordedRequest[];
  /** Makes the next `times` user lookups fail with `fault`. A 429 or 503 carries `retryAfter`. */
  failUserLookups(fault: GraphFault, options?: { times?: number; retryAfter?: string }): void;
  failTokenRequests(fault: TokenFault, options?: { times?: number }): void;
  close(): Promise<void>;
}

export interface IdentityServerOptions {
  tenants?: FixtureTenant[];
  tokenLifetimeSeconds?: number;
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
}

/** A reply with optional extra headers, or a body sent as it is instead of as JSON. */
type Reply = GraphReply & { headers?: Record<string, string>; rawBody?: string };

/** The double's state, shared by the route handlers. */
interface ServerState {
  url: string;
  tenants: FixtureTenant[];
  tokenLifetimeSeconds: number;
  issued: Map<string, IssuedToken>;
  userFaults: Array<{ fault: GraphFault; retryAfter: string }>;
  tokenFaults: TokenFault[];
}

/**
 * Starts one HTTPS server on 127.0.0.1 that acts as the Microsoft identity
 * platform (OpenID configuration and token endpoint per tenant) and for Microsoft
 * Graph (`/v1.0/users`). Graph serves the users of the tenant that the bearer token
 * was issued for, so a token never reaches another tenant's directory.
 */
export async function startIdentityServer(
  options: IdentityServerOptions = {},
): Promise<IdentityServer> {
  const requests: RecordedRequest[] = [];
  const state: ServerState = {
    url: '',
    tenants: options.tenants ?? fixtureTenants,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3599,
    issued: new Map(),
    userFaults: [],
    tokenFaults: [],
  };

  const server = createServer(readTestTls(), (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const target = new URL(request.url ?? '/', state.url);
      const record: RecordedRequest = {
        method: request.method ?? '',
        path: target.pathname,
        query: Object.fromEntries(target.searchParams),
        rawQuery: target.search.slice(1),
      };
      requests.push(record);

      const reply = route(state, request, Buffer.concat(chunks).toString('utf8'), record);
      if (reply !== 'hang') send(response, reply);
    });
  });

  await listenOnLoopback(server, options.port ?? 0);
  state.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const isTokenRequest = (record: RecordedRequest, tenantId?: string) =>
    record.path.endsWith('/oauth2/v2.0/token') &&
    (tenantId === undefined || record.path.startsWith(`/${tenantId}/`));

  return {
    url: state.url,
    requests,
    tokenRequests: (tenantId) => requests.filter((record) => isTokenRequest(record, tenantId)),
    userRequests: () => requests.filter((record) => record.path === '/v1.0/users'),
    failUserLookups: (fault, { times = 1, retryAfter = '1' } = {}) => {
      for (let i = 0; i < times; i += 1) state.userFaults.push({ fault, retryAfter });
    },
    failTokenRequests: (fault, { times = 1 } = {}) => {
      for (let i = 0; i < times; i += 1) state.tokenFaults.push(fault);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function route(
  state: ServerState,
  request: IncomingMessage,
  body: string,
  record: RecordedRequest,
): Reply | 'hang' {
  const wellKnown = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(record.path);
  const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(record.path);

  if (request.method === 'GET' && wellKnown?.[1]) {
    return openIdConfiguration(state.url, wellKnown[1]);
  }
  if (request.method === 'POST' && token?.[1]) {
    return answerToken(state, token[1], body, record);
  }
  if (request.method === 'GET' && record.path === '/v1.0/users') {
    return answerUsers(state, request);
  }

  const message = `No route for ${request.method} ${record.path}.`;
  return graphError(404, 'Request_ResourceNotFound', message);
}

function answerToken(
  state: ServerState,
  tenantId: string,
  body: string,
  record: RecordedRequest,
): Reply | 'hang' {
  const form: Record<string, string> = Object.fromEntries(new URLSearchParams(body));
  record.form = Object.fromEntries(
    Object.entries(form).filter(([name]) => name !== 'client_secret'),
  );

  const fault = state.tokenFaults.shift();
  if (fault === 'hang') return 'hang';
  if (fault === 'unavailable') {
    return aadError(503, 'temporarily_unavailable', 90033, 'A transient error has occurred.');
  }

  const context = {
    tenants: state.tenants,
    graphScope: `${state.url}/.default`,
    lifetimeSeconds: state.tokenLifetimeSeconds,
  };
  return answerTokenRequest(tenantId, form as TokenRequestForm, context, state.issued);
}

function answerUsers(state: ServerState, request: IncomingMessage): Reply | 'hang' {
  const fault = state.userFaults.shift();
  if (fault) return replyWithFault(fault.fault, fault.retryAfter);

  const tenant = tenantOfToken(state, request.headers.authorization);
  if (!tenant) {
    return graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.');
  }

  const query = new URL(request.url ?? '/', state.url).searchParams;
  return answerUsersRequest(tenant, query, `${state.url}/v1.0/$metadata`);
}

/**
 * Returns the OpenID configuration for any tenant id. msal-node has this document built
 * in for Microsoft hosts and never fetches it there, so an unknown tenant first fails at
 * the token endpoint (AADSTS90002), and the double keeps that order.
 */
function openIdConfiguration(url: string, tenantId: string): Reply {
  const root = `${url}/${tenantId}`;
  return {
    status: 200,
    body: {
      issuer: `${root}/v2.0`,
      token_endpoint: `${root}/oauth2/v2.0/token`,
      authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
      jwks_uri: `${root}/discovery/v2.0/keys`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt'],
    },
  };
}

function tenantOfToken(state: ServerState, authorization?: string): FixtureTenant | undefined {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  const grant = token === undefined ? undefined : state.issued.get(token);
  if (!grant || grant.expiresAt < Date.now()) return undefined;

  return state.tenants.find((tenant) => tenant.id === grant.tenantId);
}

function replyWithFault(fault: GraphFault, retryAfter: string): Reply | 'hang' {
  const headers = { 'retry-after': retryAfter };

  switch (fault) {
    case 'unauthorized':
      return graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.');
    case 'forbidden':
      return graphError(
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
      );
    case 'throttled':
      return { ...graphError(429, 'TooManyRequests', 'Too many requests.'), headers };
    case 'unavailable':
      return { ...graphError(503, 'serviceNotAvailable', 'Service unavailable.'), headers };
    case 'server_error':
      return graphError(500, 'UnknownError', 'An unexpected error occurred.');
    case 'malformed':
      return { status: 200, body: null, rawBody: '{"value":[{"id":"1a2b3c4d-' };
    case 'hang':
      return 'hang';
  }
}

function send(response: ServerResponse, reply: Reply): void {
  const headers = { 'content-type': 'application/json; charset=utf-8', ...reply.headers };
  response.writeHead(reply.status, headers);
  response.end(reply.rawBody ?? JSON.stringify(reply.body));
}
