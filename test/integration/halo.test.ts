import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HaloConfig } from '../../shared/config';
import { ToolboxError } from '../../electron/core/errors';
import { createConnectwiseClient } from '../../electron/core/psa/connectwise';
import { createHaloClient } from '../../electron/core/psa/halo';
import type { PsaContact } from '../../electron/core/psa/types';
import {
  connectwiseConfig,
  connectwiseCredentials,
  contactIds,
} from '../support/connectwise-fixtures';
import { startConnectwiseServer, type ConnectwiseServer } from '../support/connectwise-server';
import { RATE_LIMIT_TEXT } from '../support/halo-faults';
import { haloConfig, haloCredentials } from '../support/halo-fixtures';
import { startHaloServer, type HaloServer } from '../support/halo-server';

let server: HaloServer;

beforeAll(async () => {
  server = await startHaloServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.reset();
});

function client(overrides: Partial<HaloConfig> = {}, target: HaloServer = server) {
  const config = haloConfig(target.url, overrides);
  return createHaloClient(config, { clientSecret: haloCredentials.clientSecret });
}

/** Returns the ToolboxError that `promise` rejects with, and fails the test otherwise. */
async function rejection(promise: Promise<unknown>): Promise<ToolboxError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (error instanceof ToolboxError) return error;

  throw new Error(`expected a ToolboxError, got ${String(error)}`);
}

const elapsed = (first?: { receivedAt: number }, second?: { receivedAt: number }) =>
  (second?.receivedAt ?? 0) - (first?.receivedAt ?? 0);

describe('HaloPSA users', () => {
  it('maps a user', async () => {
    const expected: PsaContact = {
      id: '101',
      firstName: 'Liam',
      lastName: "O'Brien",
      email: "o'brien@contoso.com",
      companyId: '250',
      companyName: 'Contoso',
      active: true,
    };
    expect(await client().getContact('101')).toEqual(expected);
  });

  it.each<[string, number, keyof PsaContact, unknown]>([
    ['apostrophe in email', contactIds.apostropheEmail, 'email', "o'brien@contoso.com"],
    ['plus in email', contactIds.plusEmail, 'email', 'j.smith+helpdesk@contoso.com'],
    ['preferred phone first', contactIds.plusEmail, 'phone', '555-0102'],
    ['accented first name', contactIds.nordicName, 'firstName', 'Zoë'],
    ['accented last name', contactIds.nordicName, 'lastName', 'Ångström'],
    ['Japanese first name', contactIds.japaneseName, 'firstName', '太郎'],
    ['Japanese last name', contactIds.japaneseName, 'lastName', '山田'],
    ['email2 when first empty', contactIds.defaultEmailNotFirst, 'email', 'megan.bowen@contoso.com'],
    ['mobile as last phone', contactIds.defaultEmailNotFirst, 'phone', '555-0105'],
    ['emailaddress before email2', contactIds.noDefaultEmail, 'email', 'adele.vance@contoso.com'],
    ['first name from name', contactIds.noDefaultEmail, 'firstName', 'Adele'],
    ['last name from name', contactIds.noDefaultEmail, 'lastName', 'Vance'],
    ['no email', contactIds.noEmail, 'email', undefined],
    ['phonenumber without email', contactIds.noEmail, 'phone', '555-0107'],
    ['inactive', contactIds.inactive, 'active', false],
    ['other client id', contactIds.otherCompany, 'companyId', '260'],
    ['other client name', contactIds.otherCompany, 'companyName', 'Fabrikam, Inc.'],
    ['client_id 0 as no company', contactIds.companyHidden, 'companyId', undefined],
    ['client_id 0 without name', contactIds.companyHidden, 'companyName', undefined],
  ])('reads %s', async (_case, id, field, expected) => {
    const contact = await client().getContact(String(id));
    expect(contact?.[field]).toEqual(expected);
  });

  it('returns null for unknown id', async () => {
    expect(await client().getContact('999')).toBeNull();
  });

  it('rejects non-numeric id', async () => {
    expect((await rejection(client().getContact('12/../34'))).code).toBe('invalid_param');
  });

  it('sends nothing for non-numeric id', async () => {
    await rejection(client().getContact('@contactid'));
    expect(server.requests).toHaveLength(0);
  });
});

describe('HaloPSA tickets and clients', () => {
  it('maps a ticket', async () => {
    expect(await client().getTicket('5001')).toEqual({
      id: '5001',
      summary: 'Password reset for Liam',
      companyId: '250',
      contactId: String(contactIds.apostropheEmail),
    });
  });

  it('reads user_id 0 as no contact', async () => {
    expect((await client().getTicket('5003'))?.contactId).toBeUndefined();
  });

  it('maps client 250', async () => {
    expect(await client().getCompany('250')).toEqual({ id: '250', name: 'Contoso' });
  });

  it('returns an inactive client', async () => {
    expect(await client().getCompany('270')).toEqual({ id: '270', name: 'Northwind Traders' });
  });

  it.each([
    ['ticket', () => client().getTicket('9999')],
    ['client', () => client().getCompany('999')],
  ])('returns null for unknown %s', async (_record, lookup) => {
    expect(await lookup()).toBeNull();
  });
});

describe('HaloPSA matches ConnectWise', () => {
  let connectwise: ConnectwiseServer;
  const connectwiseClient = () =>
    createConnectwiseClient(connectwiseConfig(connectwise.baseUrl), {
      privateKey: connectwiseCredentials.privateKey,
    });

  beforeAll(async () => {
    connectwise = await startConnectwiseServer();
  });

  afterAll(async () => {
    await connectwise.close();
  });

  it.each(Object.entries(contactIds))('contact %s', async (_case, id) => {
    const expected = await connectwiseClient().getContact(String(id));
    expect(await client().getContact(String(id))).toEqual(expected);
  });

  it.each(['5001', '5002', '5003'])('ticket %s', async (id) => {
    expect(await client().getTicket(id)).toEqual(await connectwiseClient().getTicket(id));
  });

  it.each(['250', '260', '270'])('company %s', async (id) => {
    expect(await client().getCompany(id)).toEqual(await connectwiseClient().getCompany(id));
  });
});

describe('HaloPSA token request', () => {
  beforeEach(async () => {
    await client().getContact('101');
  });

  const tokenRequest = () => server.tokenRequests()[0];

  it('signs in, then reads', () => {
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /auth/token',
      'GET /api/Users/101',
    ]);
  });

  it('sends a form body', () => {
    expect(tokenRequest()?.contentType).toBe('application/x-www-form-urlencoded');
  });

  it('sends the four fields', () => {
    const fields = ['grant_type', 'client_id', 'client_secret', 'scope'];
    expect(tokenRequest()?.formFields).toEqual(fields);
  });

  it.each([
    ['grant_type', 'client_credentials'],
    ['client_id', haloCredentials.clientId],
    ['scope', 'all'],
  ])('sends %s', (field, value) => {
    expect(tokenRequest()?.form?.[field]).toBe(value);
  });

  it('sends the tenant', () => {
    expect(tokenRequest()?.query).toEqual({ tenant: haloCredentials.tenant });
  });

  it('reads with a bearer token', () => {
    expect(server.apiRequests()[0]?.authScheme).toBe('Bearer');
  });
});

describe('HaloPSA on-premises', () => {
  let onPremises: HaloServer;

  beforeAll(async () => {
    onPremises = await startHaloServer({ tenant: '' });
  });

  afterAll(async () => {
    await onPremises.close();
  });

  it('reads a user', async () => {
    const contact = await client({ tenant: '' }, onPremises).getContact('101');
    expect(contact?.email).toBe("o'brien@contoso.com");
  });

  it('sends no tenant', async () => {
    await client({ tenant: '' }, onPremises).getContact('101');
    expect(onPremises.tokenRequests()[0]?.query).toEqual({});
  });
});

describe('HaloPSA URLs', () => {
  it.each<[string, () => Partial<HaloConfig>]>([
    ['authUrl given', () => ({ authUrl: `${server.url}/auth` })],
    ['authUrl ending in /token', () => ({ authUrl: `${server.url}/auth/token` })],
    ['baseUrl ending in /api', () => ({ baseUrl: `${server.url}/api` })],
  ])('accepts %s', async (_case, overrides) => {
    expect((await client(overrides()).getContact('101'))?.id).toBe('101');
  });
});

describe('HaloPSA token cache', () => {
  it('reuses the token', async () => {
    const halo = client();
    await halo.getContact('101');
    await halo.getTicket('5001');
    await halo.getCompany('250');
    expect(server.tokenRequests()).toHaveLength(1);
  });

  it('shares one token request', async () => {
    const halo = client();
    await Promise.all(['101', '102', '103', '104'].map((id) => halo.getContact(id)));
    expect(server.tokenRequests()).toHaveLength(1);
  });

  it('renews an expiring token', async () => {
    const shortLived = await startHaloServer({ lifetimeSeconds: 1 });
    try {
      const halo = client({}, shortLived);
      await halo.getContact('101');
      // A 1 s token is renewed at half its lifetime.
      await new Promise((resolve) => setTimeout(resolve, 600));
      await halo.getContact('101');
      expect(shortLived.tokenRequests()).toHaveLength(2);
    } finally {
      await shortLived.close();
    }
  });

  it('ends a cancelled wait', async () => {
    server.failToken({ kind: 'hang' });
    const error = await rejection(client().getContact('101', AbortSignal.timeout(200)));
    expect(error.code).toBe('psa_timeout');
  });
});

describe('HaloPSA revoked token', () => {
  let halo: ReturnType<typeof client>;

  beforeEach(async () => {
    halo = client();
    await halo.getContact('101');
    server.revokeTokens();
  });

  it('renews after 401', async () => {
    expect((await halo.getContact('102'))?.id).toBe('102');
  });

  it('requests one new token', async () => {
    await halo.getContact('102');
    expect(server.tokenRequests()).toHaveLength(2);
  });

  it('retries the read once', async () => {
    await halo.getContact('102');
    expect(server.apiRequests().map((request) => request.path)).toEqual([
      '/api/Users/101',
      '/api/Users/102',
      '/api/Users/102',
    ]);
  });
});

describe('HaloPSA 401 after renewal', () => {
  let error: ToolboxError;

  beforeEach(async () => {
    server.failUser(101, { kind: 'reply', status: 401, body: { message: 'Unauthorized' } });
    error = await rejection(client().getContact('101'));
  });

  it('keeps the status', () => expect(error.upstreamStatus).toBe(401));
  it('names the new token', () => expect(error.message).toContain('newly issued access token'));
  it('points at both URLs', () => expect(error.fix).toContain('psa.authUrl and psa.baseUrl'));
  it('reads twice only', () => expect(server.apiRequests()).toHaveLength(2));
  it('signs in twice only', () => expect(server.tokenRequests()).toHaveLength(2));
});

describe('HaloPSA invalid_client', () => {
  const wrongSecret = 'WrongHaloSecret-1234';
  let error: ToolboxError;

  beforeEach(async () => {
    const halo = createHaloClient(haloConfig(server.url), { clientSecret: wrongSecret });
    error = await rejection(halo.getContact('101'));
  });

  it('has code psa_error', () => expect(error.code).toBe('psa_error'));
  it('keeps status 401', () => expect(error.upstreamStatus).toBe(401));
  it('names the client id', () => expect(error.message).toContain(haloCredentials.clientId));
  it('quotes the OAuth error', () => expect(error.message).toContain('invalid_client'));
  it('points at psa.clientId', () => expect(error.fix).toContain('psa.clientId'));
  it('points at psa.tenant', () => expect(error.fix).toContain('psa.tenant'));
  it('gives the secret command', () => {
    expect(error.fix).toContain('npm run toolbox -- secret set psa.clientSecret');
  });
  it('hides the secret in message', () => expect(error.message).not.toContain(wrongSecret));
  it('hides the secret in fix', () => expect(error.fix).not.toContain(wrongSecret));
  it('reads no record', () => expect(server.apiRequests()).toHaveLength(0));
});

describe('HaloPSA token refusals', () => {
  let limited: HaloServer;

  beforeAll(async () => {
    limited = await startHaloServer({ permissions: ['read:tickets'] });
  });

  afterAll(async () => {
    await limited.close();
  });

  it('rejects wrong client id', async () => {
    const error = await rejection(client({ clientId: 'other-app' }).getContact('101'));
    expect(error.message).toContain('invalid_client');
  });

  it.each([
    ['wrong tenant', 'othermsp'],
    ['missing tenant', ''],
  ])('names psa.tenant for %s', async (_case, tenant) => {
    const error = await rejection(client({ tenant }).getContact('101'));
    expect(error.fix).toContain('psa.tenant');
  });

  describe('invalid_scope', () => {
    let error: ToolboxError;

    beforeEach(async () => {
      error = await rejection(client({}, limited).getContact('101'));
    });

    it('keeps status 400', () => expect(error.upstreamStatus).toBe(400));
    it('names the scope', () => expect(error.message).toContain('scope "all"'));
    it('quotes the OAuth error', () => expect(error.message).toContain('invalid_scope'));
    it('points at Permissions', () => expect(error.fix).toContain('HaloPSA API'));
    it('points at psa.scope', () => expect(error.fix).toContain('psa.scope'));
  });

  it('names a missing permission', async () => {
    const error = await rejection(client({ scope: 'read:tickets' }, limited).getContact('101'));
    expect(error.fix).toContain('read:customers');
  });

  it('reads with a narrow scope', async () => {
    const ticket = await client({ scope: 'read:tickets' }, limited).getTicket('5001');
    expect(ticket?.id).toBe('5001');
  });

  it('names the grant type', async () => {
    const body = { error: 'unauthorized_client', error_description: 'Grant not allowed.' };
    server.failToken({ kind: 'reply', status: 400, body });
    const error = await rejection(client().getContact('101'));
    expect(error.fix).toContain('Client ID and Secret (Services)');
  });

  it('blames psa.authUrl on 404', async () => {
    const error = await rejection(client({ authUrl: `${server.url}/oauth` }).getContact('101'));
    expect(error.message).toContain('psa.authUrl is probably wrong');
  });

  it('blames psa.baseUrl without authUrl', async () => {
    const error = await rejection(client({ baseUrl: `${server.url}/halo` }).getContact('101'));
    expect(error.message).toContain('psa.baseUrl is probably wrong');
  });

  it('rejects an empty secret', () => {
    const create = () => createHaloClient(haloConfig(server.url), { clientSecret: ' ' });
    expect(create).toThrow('client secret is empty');
  });
});

describe('HaloPSA token endpoint failures', () => {
  it.each([
    ['500', { kind: 'serverError' }, 'server error'],
    ['malformed JSON', { kind: 'malformedJson' }, 'not valid JSON'],
    ['HTML with 200', { kind: 'html' }, 'not valid JSON'],
    ['no access_token', { kind: 'reply', status: 200, body: {} }, 'no access_token'],
    ['closed socket', { kind: 'closeSocket' }, 'ECONNRESET'],
  ] as const)('reports %s', async (_case, fault, text) => {
    server.failToken(fault);
    expect((await rejection(client().getContact('101'))).message).toContain(text);
  });

  it('hides a broken token', async () => {
    server.failToken({ kind: 'malformedJson' });
    expect((await rejection(client().getContact('101'))).message).not.toContain('eyJhbGciOi');
  });

  it('times out', async () => {
    server.failToken({ kind: 'hang' });
    const error = await rejection(client({ timeoutMs: 500 }).getContact('101'));
    expect(error.code).toBe('psa_timeout');
  });

  it('names the token on timeout', async () => {
    server.failToken({ kind: 'hang' });
    const error = await rejection(client({ timeoutMs: 500 }).getContact('101'));
    expect(error.message).toContain('HaloPSA access token');
  });

  it('tries again on the next lookup', async () => {
    server.failToken({ kind: 'serverError', times: 1 });
    const halo = client();
    await rejection(halo.getContact('101'));
    expect((await halo.getContact('101'))?.id).toBe('101');
  });
});

describe('HaloPSA API failures', () => {
  it.each([
    ['empty body', { kind: 'emptyBody' }],
    ['id 0', { kind: 'reply', status: 200, body: { id: 0, name: '' } }],
  ] as const)('reads %s as missing', async (_case, fault) => {
    server.failUser(101, fault);
    expect(await client().getContact('101')).toBeNull();
  });

  it.each([
    ['HTML with 200', { kind: 'html' }, 'text/html instead of JSON'],
    ['malformed JSON', { kind: 'malformedJson' }, 'malformed JSON'],
    ['wrong shape', { kind: 'reply', status: 200, body: { id: 'x' } }, 'unexpected shape'],
    ['500', { kind: 'serverError', message: 'Object reference error' }, 'Object reference error'],
    ['closed socket', { kind: 'closeSocket' }, 'ECONNRESET'],
  ] as const)('reports %s', async (_case, fault, text) => {
    server.failUser(101, fault);
    expect((await rejection(client().getContact('101'))).message).toContain(text);
  });

  it('blames psa.baseUrl on HTML 404', async () => {
    const overrides = { baseUrl: `${server.url}/halo`, authUrl: `${server.url}/auth` };
    const error = await rejection(client(overrides).getContact('101'));
    expect(error.message).toContain('psa.baseUrl is probably wrong');
  });

  it('quotes the IIS page title', async () => {
    const overrides = { baseUrl: `${server.url}/halo`, authUrl: `${server.url}/auth` };
    const error = await rejection(client(overrides).getContact('101'));
    expect(error.message).toContain('"404 - File or directory not found."');
  });

  it('does not retry 500', async () => {
    server.failUser(101, { kind: 'serverError' });
    await rejection(client().getContact('101'));
    expect(server.apiRequests()).toHaveLength(1);
  });

  it('times out a hanging read', async () => {
    server.failUser(101, { kind: 'hang' });
    const error = await rejection(client({ timeoutMs: 500 }).getContact('101'));
    expect(error.code).toBe('psa_timeout');
  });

  it('names the timeout', async () => {
    server.failUser(101, { kind: 'hang' });
    const error = await rejection(client({ timeoutMs: 500 }).getContact('101'));
    expect(error.message).toContain('HaloPSA user 101 timed out after 500 ms');
  });

  it('stops on caller timeout', async () => {
    server.failUser(101, { kind: 'hang' });
    const error = await rejection(client().getContact('101', AbortSignal.timeout(200)));
    expect(error.code).toBe('psa_timeout');
  });
});

describe('HaloPSA retries', () => {
  it('waits Retry-After on 429', async () => {
    server.failUser(101, { kind: 'rateLimit', retryAfter: '1', times: 1 });
    await client().getContact('101');
    const [first, second] = server.apiRequests();
    // Date.now() has millisecond steps, so allow 10 ms below the 1 s the header asked for.
    expect(elapsed(first, second)).toBeGreaterThanOrEqual(990);
  });

  it('backs off without Retry-After', async () => {
    server.failUser(101, { kind: 'rateLimit', times: 1 });
    await client().getContact('101');
    const [first, second] = server.apiRequests();
    expect(elapsed(first, second)).toBeGreaterThanOrEqual(490);
  });

  it.each([
    ['429 with Retry-After', { kind: 'rateLimit', retryAfter: '0', times: 1 }],
    ['429 without Retry-After', { kind: 'rateLimit', times: 1 }],
    ['503', { kind: 'unavailable', times: 1 }],
  ] as const)('succeeds after %s', async (_case, fault) => {
    server.failUser(101, fault);
    expect((await client().getContact('101'))?.id).toBe('101');
  });

  it('retries the token request', async () => {
    server.failToken({ kind: 'unavailable', retryAfter: '0', times: 1 });
    expect((await client().getContact('101'))?.id).toBe('101');
  });
});

describe('HaloPSA rate limit', () => {
  let halo: ReturnType<typeof client>;
  let first: ToolboxError;

  beforeEach(async () => {
    halo = client();
    server.failUser(101, { kind: 'rateLimit', times: 2 });
    first = await rejection(halo.getContact('101'));
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('retries once', () => expect(server.apiRequests()).toHaveLength(2));
  it('keeps status 429', () => expect(first.upstreamStatus).toBe(429));
  it('names the API application', () => {
    expect(first.message).toContain('rate limiting this API application');
  });
  it('quotes HaloPSA', () => expect(first.message).toContain(RATE_LIMIT_TEXT));

  it('pauses the next lookup', async () => {
    const error = await rejection(halo.getContact('102'));
    expect(error.message).toContain('lookups are paused for 10 more s');
  });

  it('sends nothing while paused', async () => {
    await rejection(halo.getContact('102'));
    expect(server.apiRequests()).toHaveLength(2);
  });

  it('gives the fix while paused', async () => {
    expect((await rejection(halo.getContact('102'))).fix).toContain('300 API requests');
  });

  it('resumes after 10 s', async () => {
    const now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => now + 10_001);
    expect((await halo.getContact('102'))?.id).toBe('102');
  });
});

describe('HaloPSA rate limit pause', () => {
  it('ends after a good retry', async () => {
    const halo = client();
    server.failUser(101, { kind: 'rateLimit', times: 1 });
    await halo.getContact('101');
    expect((await halo.getContact('102'))?.id).toBe('102');
  });

  it('follows Retry-After: 0', async () => {
    const halo = client();
    server.failUser(101, { kind: 'rateLimit', retryAfter: '0', times: 2 });
    await rejection(halo.getContact('101'));
    expect((await halo.getContact('102'))?.id).toBe('102');
  });

  it('follows the token endpoint', async () => {
    const halo = client();
    server.failToken({ kind: 'rateLimit', times: 2 });
    await rejection(halo.getContact('101'));
    await rejection(halo.getContact('102'));
    expect(server.tokenRequests()).toHaveLength(2);
  });

  it('names token rate limiting', async () => {
    server.failToken({ kind: 'rateLimit', times: 2 });
    const error = await rejection(client().getContact('101'));
    expect(error.message).toContain('rate limiting this API application');
  });
});
