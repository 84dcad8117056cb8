import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { GraphConfig } from '../../shared/config';
import { ToolboxError } from '../../electron/core/errors';
import { createGraphClient } from '../../electron/core/graph/graph-client';
import { buildMsalConfiguration } from '../../electron/core/graph/msal-apps';
import type { DirectoryClient } from '../../electron/core/graph/types';
import {
  contoso,
  fabrikam,
  northwind,
  testApp,
  unknownTenantId,
} from '../support/identity-fixtures';
import { type IdentityServer, startIdentityServer } from '../support/identity-server';
import { TEST_CERT_ENV } from '../support/tls';

let server: IdentityServer;

beforeEach(async () => {
  server = await startIdentityServer();
});

afterEach(async () => {
  await server.close();
});

function graphConfig(overrides: Partial<GraphConfig> = {}): GraphConfig {
  return {
    clientId: testApp.clientId,
    authorityHost: server.url,
    baseUrl: server.url,
    timeoutMs: 8000,
    ...overrides,
  };
}

function newClient(
  options: { secret?: string; timeoutMs?: number; networkClient?: INetworkModule } = {},
): DirectoryClient {
  const secret = options.secret ?? testApp.clientSecret;
  return createGraphClient(graphConfig({ timeoutMs: options.timeoutMs ?? 8000 }), {
    getClientSecret: async () => secret,
    networkClient: options.networkClient,
  });
}

/** Looks up Adele Vance, Contoso's plain-address user, with a new client. */
function findAdele(options: { timeoutMs?: number; signal?: AbortSignal } = {}) {
  const client = newClient({ timeoutMs: options.timeoutMs });
  return client.findUserByEmail(contoso.id, 'adele.vance@contoso.com', options.signal);
}

/** Awaits `work` and returns the ToolboxError it rejects with. */
async function failureOf(work: Promise<unknown>): Promise<ToolboxError> {
  const error = await work.then(
    () => new Error('expected a ToolboxError, but the call succeeded'),
    (reason: unknown) => reason,
  );
  if (error instanceof ToolboxError) return error;
  throw error;
}

describe('test TLS', () => {
  it('worker trusts the loopback certificate', async () => {
    expect(process.env.NODE_EXTRA_CA_CERTS).toBeTruthy();
    expect(process.env[TEST_CERT_ENV]).toBeTruthy();

    const response = await fetch(`${server.url}/v1.0/users`);
    expect(response.status).toBe(401);
  });
});

describe('findUserByEmail', () => {
  const guestUpn = 'alex_fabrikam.com#EXT#@contoso.onmicrosoft.com';

  it.each([
    ['plain address', 'adele.vance@contoso.com', 'adele.vance@contoso.com'],
    ['apostrophe', "o'brien@contoso.com", "o'brien@contoso.com"],
    ['plus sign in mail', 'j.smith+helpdesk@contoso.com', 'j.smith@contoso.com'],
    ['mail differing from UPN', 'john.doe@contoso.com', 'jdoe@contoso.onmicrosoft.com'],
    ['onmicrosoft UPN', 'jdoe@contoso.onmicrosoft.com', 'jdoe@contoso.onmicrosoft.com'],
    ['other letter case', 'John.Doe@Contoso.com', 'jdoe@contoso.onmicrosoft.com'],
    ['smtp alias only', 'megan.bowen@contoso.com', 'meganb@contoso.com'],
    ['ampersand alias', 'r&d@contoso.com', 'meganb@contoso.com'],
    ['Unicode otherMails', 'zoë.ångström@contoso.de', 'zoe.angstrom@contoso.com'],
    ['guest #EXT# UPN', guestUpn, guestUpn],
    ['guest mail', 'alex@fabrikam.com', guestUpn],
  ])('finds %s', async (_case, email, expectedUpn) => {
    const user = await newClient().findUserByEmail(contoso.id, email);

    expect(user?.userPrincipalName).toBe(expectedUpn);
  });

  it('returns the selected fields', async () => {
    const user = await newClient().findUserByEmail(contoso.id, 'john.doe@contoso.com');

    expect(user).toEqual({
      id: '1a2b3c4d-0005-4000-8000-000000000005',
      userPrincipalName: 'jdoe@contoso.onmicrosoft.com',
      mail: 'john.doe@contoso.com',
      displayName: 'John Doe',
      accountEnabled: true,
      onPremisesSyncEnabled: true,
      onPremisesSamAccountName: 'jdoe',
    });
  });

  it('keeps a Unicode display name', async () => {
    const user = await newClient().findUserByEmail(contoso.id, 'zoe.angstrom@contoso.com');

    expect(user?.displayName).toBe('Zoë Ångström 李娜');
  });

  it('returns null when nobody matches', async () => {
    expect(await newClient().findUserByEmail(contoso.id, 'nobody@contoso.com')).toBeNull();
  });

  it('returns null for another tenant', async () => {
    expect(await newClient().findUserByEmail(fabrikam.id, 'adele.vance@contoso.com')).toBeNull();
  });

  it('finds a user of a second tenant', async () => {
    const user = await newClient().findUserByEmail(fabrikam.id, 'pradeep.gupta@fabrikam.com');

    expect(user?.displayName).toBe('Pradeep Gupta');
  });

  it('rejects two matching users', async () => {
    const error = await failureOf(newClient().findUserByEmail(contoso.id, 'support@contoso.com'));

    expect(error.code).toBe('directory_user_ambiguous');
    expect(error.message).toContain('servicedesk@contoso.com');
    expect(error.message).toContain('support@contoso.onmicrosoft.com');
    expect(error.fix).toContain('support@contoso.com');
  });
});

describe('lookup request', () => {
  it('sends the filter Graph decodes', async () => {
    await newClient().findUserByEmail(contoso.id, "o'brien@contoso.com");
    const [request] = server.userRequests();

    expect(request?.query.$filter).toBe(
      "userPrincipalName eq 'o''brien@contoso.com' or mail eq 'o''brien@contoso.com' or " +
        "proxyAddresses/any(p:p eq 'smtp:o''brien@contoso.com') or " +
        "otherMails/any(o:o eq 'o''brien@contoso.com')",
    );
  });

  it.each([
    ['plus sign', 'j.smith+helpdesk@contoso.com', '%2B'],
    ['hash', 'alex_fabrikam.com#EXT#@contoso.onmicrosoft.com', '%23EXT%23'],
    ['ampersand', 'r&d@contoso.com', 'r%26d'],
    ['Unicode', 'zoë.ångström@contoso.de', 'zo%C3%AB'],
  ])('escapes the %s on the wire', async (_case, email, escaped) => {
    await newClient().findUserByEmail(contoso.id, email);
    const [request] = server.userRequests();

    expect(request?.rawQuery).toContain(escaped);
    expect(request?.query.$filter).toContain(`mail eq '${email}'`);
  });

  it('sends $select and $top', async () => {
    await newClient().findUserByEmail(contoso.id, 'adele.vance@contoso.com');
    const [request] = server.userRequests();

    expect(request?.query.$select).toBe(
      'id,userPrincipalName,mail,displayName,accountEnabled,' +
        'onPremisesSyncEnabled,onPremisesSamAccountName',
    );
    expect(request?.query.$top).toBe('2');
  });

  it('makes one Graph request', async () => {
    await newClient().findUserByEmail(contoso.id, 'adele.vance@contoso.com');

    expect(server.userRequests()).toHaveLength(1);
  });
});

describe('tokens', () => {
  it('reuses the cached token', async () => {
    const client = newClient();
    await client.findUserByEmail(contoso.id, 'adele.vance@contoso.com');
    await client.findUserByEmail(contoso.id, 'john.doe@contoso.com');

    expect(server.tokenRequests(contoso.id)).toHaveLength(1);
  });

  it('gets one token per tenant', async () => {
    const client = newClient();
    await client.findUserByEmail(contoso.id, 'adele.vance@contoso.com');
    await client.findUserByEmail(fabrikam.id, 'pradeep.gupta@fabrikam.com');

    expect(server.tokenRequests(contoso.id)).toHaveLength(1);
    expect(server.tokenRequests(fabrikam.id)).toHaveLength(1);
  });

  it('warmUp then lookup requests once', async () => {
    const client = newClient();
    await client.warmUp(contoso.id);
    await client.findUserByEmail(contoso.id, 'adele.vance@contoso.com');

    expect(server.tokenRequests()).toHaveLength(1);
  });

  it('lookup joins a warmUp in flight', async () => {
    const client = newClient();
    const warmUp = client.warmUp(contoso.id);
    const user = await client.findUserByEmail(contoso.id, 'adele.vance@contoso.com');
    await warmUp;

    expect(user?.displayName).toBe('Adele Vance');
    expect(server.tokenRequests()).toHaveLength(1);
  });

  it('requests the Graph .default scope', async () => {
    await newClient().warmUp(contoso.id);
    const [request] = server.tokenRequests();

    expect(request?.form?.scope).toBe(`${server.url}/.default`);
    expect(request?.form?.grant_type).toBe('client_credentials');
    expect(request?.form?.client_id).toBe(testApp.clientId);
  });

  it('sends msal-node only to the authority host', async () => {
    const urls: string[] = [];
    const networkClient = recordingNetworkClient(urls);
    await newClient({ networkClient }).findUserByEmail(contoso.id, 'adele.vance@contoso.com');

    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => !url.startsWith(`${server.url}/`))).toEqual([]);
  });

  it('uses the injected networkClient', async () => {
    const urls: string[] = [];
    await newClient({ networkClient: recordingNetworkClient(urls) }).warmUp(contoso.id);

    const paths = urls.map((url) => new URL(url).pathname);
    expect(paths).toContain(`/${contoso.id}/oauth2/v2.0/token`);
  });
});

describe('buildMsalConfiguration', () => {
  it('trusts a test authority by host', () => {
    const { auth } = buildMsalConfiguration(graphConfig(), contoso.id, 'secret');

    expect(auth.knownAuthorities).toEqual([new URL(server.url).host]);
    expect(auth.authority).toBe(`${server.url}/${contoso.id}`);
  });

  it('leaves Microsoft hosts to msal-node', () => {
    const config = graphConfig({ authorityHost: 'https://login.microsoftonline.us' });
    const { auth } = buildMsalConfiguration(config, contoso.id, 'secret');

    expect(auth.knownAuthorities).toBeUndefined();
  });
});

/** An msal-node network module on fetch that records each URL it is asked for. */
function recordingNetworkClient(urls: string[]): INetworkModule {
  async function send<T>(
    url: string,
    method: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    urls.push(url);
    const response = await fetch(url, { method, headers: options?.headers, body: options?.body });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });

    return { status: response.status, headers, body: (await response.json()) as T };
  }

  return {
    sendGetRequestAsync: (url, options) => send(url, 'GET', options),
    sendPostRequestAsync: (url, options) => send(url, 'POST', options),
  };
}

describe('token errors', () => {
  const { clientSecret: validSecret, expiredSecret } = testApp;

  it.each([
    ['unknown tenant', unknownTenantId, validSecret, 90002, 400, 'companies[].tenantId'],
    ['app not consented', northwind.id, validSecret, 700016, 400, 'adminconsent?client_id='],
    ['invalid secret', contoso.id, 'not-the-secret', 7000215, 401, 'Set graph.clientSecret again'],
    ['expired secret', contoso.id, expiredSecret, 7000222, 401, 'Create a new client secret'],
  ])('maps %s', async (_case, tenantId, secret, aadCode, status, fix) => {
    const client = newClient({ secret });
    const error = await failureOf(client.findUserByEmail(tenantId, 'adele.vance@contoso.com'));

    expect(error.code).toBe('graph_error');
    expect(error.message).toContain(`AADSTS${aadCode}`);
    expect(error.message).toContain(tenantId);
    expect(error.message).toContain('adele.vance@contoso.com');
    expect(error.upstreamStatus).toBe(status);
    expect(error.fix).toContain(fix);
    expect(`${error.message} ${error.fix}`).not.toContain(secret);
  });

  it('names the consent URL', async () => {
    const error = await failureOf(newClient().warmUp(northwind.id));

    const consentUrl = `${server.url}/${northwind.id}/adminconsent?client_id=${testApp.clientId}`;
    expect(error.fix).toContain(consentUrl);
  });

  it('reads a corrected secret again', async () => {
    const secrets = ['not-the-secret', testApp.clientSecret];
    const client = createGraphClient(graphConfig(), {
      getClientSecret: async () => secrets.shift() ?? testApp.clientSecret,
    });

    await failureOf(client.warmUp(contoso.id));
    const user = await client.findUserByEmail(contoso.id, 'adele.vance@contoso.com');

    expect(user?.displayName).toBe('Adele Vance');
  });

  it('passes a keychain error through', async () => {
    const missing = new ToolboxError('secret_missing', 'graph.clientSecret is missing.');
    const client = createGraphClient(graphConfig(), {
      getClientSecret: async () => {
        throw missing;
      },
    });

    expect(await failureOf(client.warmUp(contoso.id))).toBe(missing);
  });

  it('maps a token endpoint 503', async () => {
    server.failTokenRequests('unavailable');
    const error = await failureOf(newClient().warmUp(contoso.id));

    expect(error.code).toBe('graph_error');
    expect(error.upstreamStatus).toBe(503);
    expect(error.message).toContain('AADSTS90033');
  });

  it('replays the msal-node throttle', async () => {
    server.failTokenRequests('unavailable');
    const client = newClient();
    await failureOf(client.warmUp(contoso.id));
    const error = await failureOf(client.warmUp(contoso.id));

    expect(error.code).toBe('graph_error');
    expect(error.fix).toContain('Wait a minute');
    expect(server.tokenRequests()).toHaveLength(1);
  });

  it('times out a hanging token request', async () => {
    server.failTokenRequests('hang');
    const error = await failureOf(newClient({ timeoutMs: 500 }).warmUp(contoso.id));

    expect(error.code).toBe('graph_timeout');
    expect(error.message).toContain(contoso.id);
  });

  it('retries after a token timeout', async () => {
    server.failTokenRequests('hang');
    const client = newClient({ timeoutMs: 500 });
    await failureOf(client.warmUp(contoso.id));
    await client.warmUp(contoso.id);

    expect(server.tokenRequests()).toHaveLength(2);
  });

  it('maps an unreachable authority', async () => {
    const client = newClient();
    await server.close();
    const error = await failureOf(client.warmUp(contoso.id));
    server = await startIdentityServer();

    expect(error.code).toBe('graph_error');
  });
});

describe('Graph errors', () => {
  it.each([
    ['unauthorized', 401, 'InvalidAuthenticationToken', 'graph.baseUrl'],
    ['forbidden', 403, 'Authorization_RequestDenied', 'User.Read.All'],
    ['server_error', 500, 'UnknownError', 'service health'],
    ['malformed', 200, 'not a JSON user list', 'graph.baseUrl'],
  ] as const)('maps %s', async (fault, status, text, fix) => {
    server.failUserLookups(fault);
    const error = await failureOf(findAdele());

    expect(error.code).toBe('graph_error');
    expect(error.upstreamStatus).toBe(status);
    expect(error.message).toContain(text);
    expect(error.message).toContain('adele.vance@contoso.com');
    expect(error.message).toContain(contoso.id);
    expect(error.fix).toContain(fix);
  });

  it("includes Graph's message", async () => {
    server.failUserLookups('forbidden');
    const error = await failureOf(findAdele());

    expect(error.message).toContain('Insufficient privileges to complete the operation.');
  });

  it.each(['throttled', 'unavailable'] as const)('retries once when %s', async (fault) => {
    server.failUserLookups(fault, { retryAfter: '1' });
    const started = Date.now();
    const user = await findAdele();

    expect(user?.displayName).toBe('Adele Vance');
    expect(server.userRequests()).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('gives up after the second 429', async () => {
    server.failUserLookups('throttled', { times: 2, retryAfter: '0' });
    const error = await failureOf(findAdele());

    expect(error.upstreamStatus).toBe(429);
    expect(server.userRequests()).toHaveLength(2);
  });

  it('does not wait out a long Retry-After', async () => {
    server.failUserLookups('throttled', { retryAfter: '120' });
    const error = await failureOf(findAdele());

    expect(server.userRequests()).toHaveLength(1);
    expect(error.fix).toContain('Wait 120 s');
  });

  it('times out a hanging lookup', async () => {
    server.failUserLookups('hang');
    const started = Date.now();
    const error = await failureOf(findAdele({ timeoutMs: 500 }));

    expect(error.code).toBe('graph_timeout');
    expect(error.message).toContain('500 ms');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops when the caller aborts', async () => {
    server.failUserLookups('hang');
    const controller = new AbortController();
    const lookup = findAdele({ signal: controller.signal });
    setTimeout(() => controller.abort(), 300);

    expect((await failureOf(lookup)).code).toBe('graph_timeout');
  });

  it('never shows the token', async () => {
    server.failUserLookups('unauthorized');
    const error = await failureOf(findAdele());

    expect(`${error.message} ${error.fix}`).not.toContain('test-token-');
  });
});
