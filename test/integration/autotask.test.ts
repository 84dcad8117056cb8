import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AutotaskConfig } from '../../shared/config';
import { ToolboxError } from '../../electron/core/errors';
import { createAutotaskClient } from '../../electron/core/psa/autotask';
import { createConcurrencyGate, QueueTimeoutError } from '../../electron/core/psa/autotask-gate';
import { createConnectwiseClient } from '../../electron/core/psa/connectwise';
import type { PsaClient, PsaContact } from '../../electron/core/psa/types';
import { autotaskConfig, autotaskCredentials, contactIds } from '../support/autotask-fixtures';
import { startAutotaskServer, type AutotaskServer } from '../support/autotask-server';
import { connectwiseConfig, connectwiseCredentials } from '../support/connectwise-fixtures';
import { startConnectwiseServer, type ConnectwiseServer } from '../support/connectwise-server';

let server: AutotaskServer;

beforeAll(async () => {
  server = await startAutotaskServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.reset();
});

function client(overrides: Partial<AutotaskConfig> = {}, secret = autotaskCredentials.secret) {
  return createAutotaskClient(autotaskConfig(server.discoveryUrl, overrides), { secret });
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

const discoveries = () => server.requests.filter((r) => r.endpoint === 'zoneInformation').length;
const recordRequests = () => server.requests.filter((r) => r.endpoint !== 'zoneInformation');

describe('Autotask contacts', () => {
  it('maps a contact', async () => {
    const expected: PsaContact = {
      id: '101',
      firstName: 'Liam',
      lastName: "O'Brien",
      email: "o'brien@contoso.com",
      companyId: '250',
      active: true,
    };
    expect(await client().getContact('101')).toEqual(expected);
  });

  it.each<[string, number, keyof PsaContact, unknown]>([
    ['apostrophe in email', contactIds.apostropheEmail, 'email', "o'brien@contoso.com"],
    ['plus in email', contactIds.plusEmail, 'email', 'j.smith+helpdesk@contoso.com'],
    ['phone', contactIds.plusEmail, 'phone', '555-0102'],
    ['accented first name', contactIds.nordicName, 'firstName', 'Zoë'],
    ['accented last name', contactIds.nordicName, 'lastName', 'Ångström'],
    ['Japanese first name', contactIds.japaneseName, 'firstName', '太郎'],
    ['Japanese last name', contactIds.japaneseName, 'lastName', '山田'],
    ['emailAddress2', contactIds.defaultEmailNotFirst, 'email', 'megan.bowen@contoso.com'],
    ['first of two emails', contactIds.noDefaultEmail, 'email', 'adele.vance@contoso.com'],
    ['no email', contactIds.noEmail, 'email', undefined],
    ['mobilePhone fallback', contactIds.noEmail, 'phone', '555-0107'],
    ['isActive 0', contactIds.inactive, 'active', false],
    ['other company id', contactIds.otherCompany, 'companyId', '260'],
    ['no company name', contactIds.otherCompany, 'companyName', undefined],
  ])('reads %s', async (_case, id, field, expected) => {
    const contact = await client().getContact(String(id));
    expect(contact?.[field]).toEqual(expected);
  });

  it.each([
    ['emailAddress3', ['', ' ', 'third@contoso.com'], 'third@contoso.com'],
    ['trimmed email', [' liam@contoso.com '], 'liam@contoso.com'],
  ])('reads %s', async (_case, emails, expected) => {
    const contact = server.fixtures.contacts.get('101') ?? {};
    server.fixtures.contacts.set('901', {
      ...contact,
      id: 901,
      emailAddress: emails[0],
      emailAddress2: emails[1] ?? null,
      emailAddress3: emails[2] ?? null,
    });
    expect((await client().getContact('901'))?.email).toBe(expected);
  });

  it.each([
    [true, true],
    [false, false],
    [null, true],
  ])('reads isActive %s', async (isActive, expected) => {
    server.fixtures.contacts.set('902', { id: 902, companyID: 250, isActive });
    expect((await client().getContact('902'))?.active).toBe(expected);
  });

  describe('missing', () => {
    it('returns null for {item: null}', async () => {
      expect(await client().getContact('999')).toBeNull();
    });

    it('gets 200 for {item: null}', async () => {
      await client().getContact('999');
      expect(recordRequests()[0]?.status).toBe(200);
    });

    it('returns null for 404', async () => {
      expect(await client().getContact('998')).toBeNull();
    });

    it('gets 404 for 998', async () => {
      await client().getContact('998');
      expect(recordRequests()[0]?.status).toBe(404);
    });
  });

  describe('non-numeric id', () => {
    let error: ToolboxError;
    beforeEach(async () => {
      error = await rejection(client().getContact('12/../34'));
    });

    it('is invalid_param', () => expect(error.code).toBe('invalid_param'));
    it('names the id', () => expect(error.message).toContain('"12/../34"'));
    it('sends no request', () => expect(server.requests).toHaveLength(0));
  });
});

describe('Autotask tickets and companies', () => {
  it('maps a ticket', async () => {
    expect(await client().getTicket('5001')).toEqual({
      id: '5001',
      summary: 'Password reset for Liam',
      companyId: '250',
      contactId: String(contactIds.apostropheEmail),
    });
  });

  it('maps a ticket without contact', async () => {
    expect((await client().getTicket('5003'))?.contactId).toBeUndefined();
  });

  it.each([
    ['250', 'Contoso'],
    ['260', 'Fabrikam, Inc.'],
    ['270', 'Northwind Traders'],
  ])('maps company %s', async (id, name) => {
    expect(await client().getCompany(id)).toEqual({ id, name });
  });

  it.each([
    ['ticket {item: null}', () => client().getTicket('9999')],
    ['ticket 404', () => client().getTicket('9998')],
    ['company {item: null}', () => client().getCompany('999')],
    ['company 404', () => client().getCompany('998')],
  ])('returns null for %s', async (_case, lookup) => {
    expect(await lookup()).toBeNull();
  });

  it('rejects non-numeric ticket id', async () => {
    expect((await rejection(client().getTicket('T2025'))).code).toBe('invalid_param');
  });
});

describe('Autotask mirrors ConnectWise', () => {
  let connectwiseServer: ConnectwiseServer;
  let connectwise: PsaClient;
  const neutral = (contact: PsaContact | null) => {
    const { firstName, lastName, email, phone, active } = contact ?? ({} as PsaContact);
    return { firstName, lastName, email, phone, active };
  };

  beforeAll(async () => {
    connectwiseServer = await startConnectwiseServer();
    connectwise = createConnectwiseClient(connectwiseConfig(connectwiseServer.baseUrl), {
      privateKey: connectwiseCredentials.privateKey,
    });
  });

  afterAll(async () => {
    await connectwiseServer.close();
  });

  it.each(Object.entries(contactIds))('matches contact %s', async (_case, id) => {
    const expected = neutral(await connectwise.getContact(String(id)));
    expect(neutral(await client().getContact(String(id)))).toEqual(expected);
  });

  // Contact 110's company is hidden in ConnectWise, but an Autotask contact always has one.
  it.each(Object.entries(contactIds).filter(([, id]) => id !== contactIds.companyHidden))(
    'matches company of %s',
    async (_case, id) => {
      const expected = (await connectwise.getContact(String(id)))?.companyId;
      expect((await client().getContact(String(id)))?.companyId).toBe(expected);
    },
  );

  it.each(['5001', '5002', '5003'])('matches ticket %s', async (id) => {
    expect(await client().getTicket(id)).toEqual(await connectwise.getTicket(id));
  });

  it.each(['250', '260'])('matches company %s', async (id) => {
    expect(await client().getCompany(id)).toEqual(await connectwise.getCompany(id));
  });
});

describe('Autotask request', () => {
  beforeEach(async () => {
    await client().getContact('101');
  });

  const contactRequest = () => recordRequests()[0];

  it('discovers, then reads', () => {
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /atservicesrest/v1.0/zoneInformation?user=toolbox%2Bapi%40contosomsp.example',
      'GET /zone15/ATServicesRest/V1.0/Contacts/101',
    ]);
  });

  it('sends ApiIntegrationCode', () => {
    expect(contactRequest()?.headers.apiintegrationcode).toBe(autotaskCredentials.integrationCode);
  });

  it('sends UserName', () => {
    expect(contactRequest()?.headers.username).toBe(autotaskCredentials.userName);
  });

  it('sends Secret', () => expect(contactRequest()?.secretMatched).toBe(true));
  it('sends Accept JSON', () => expect(contactRequest()?.headers.accept).toBe('application/json'));
  it('sends no Authorization', () => {
    expect(contactRequest()?.headers.authorization).toBeUndefined();
  });

  it('keeps Secret off discovery', () => {
    expect(server.requests[0]?.secretMatched).toBe(false);
  });
});

describe('Autotask zone discovery', () => {
  it('discovers once for many calls', async () => {
    const autotask = client();
    await autotask.getContact('101');
    await autotask.getTicket('5001');
    await autotask.getCompany('250');
    expect(discoveries()).toBe(1);
  });

  it('shares one discovery at start', async () => {
    const autotask = client();
    await Promise.all(['101', '102', '103', '104'].map((id) => autotask.getContact(id)));
    expect(discoveries()).toBe(1);
  });

  it('adds a missing trailing slash', async () => {
    server.failDiscovery({ kind: 'zoneUrl', url: server.zoneUrl.replace(/\/$/, '') });
    await client().getContact('101');
    expect(recordRequests()[0]?.path).toBe('/zone15/ATServicesRest/V1.0/Contacts/101');
  });

  it('collapses extra trailing slashes', async () => {
    server.failDiscovery({ kind: 'zoneUrl', url: `${server.zoneUrl}//` });
    await client().getContact('101');
    expect(recordRequests()[0]?.path).toBe('/zone15/ATServicesRest/V1.0/Contacts/101');
  });

  it('retries a failed discovery later', async () => {
    server.failDiscovery({ kind: 'unavailable', retryAfter: '0', times: 2 });
    const autotask = client();
    await rejection(autotask.getContact('101'));
    expect((await autotask.getContact('101'))?.id).toBe('101');
  });

  it.each([
    ['ftp scheme', 'ftp://127.0.0.1/zone15/', 'only https URLs'],
    ['file scheme', 'file:///etc/passwd', 'only https URLs'],
    ['plain http off this machine', 'http://webservices15.autotask.net/ATServicesRest/', 'only https URLs'],
    ['not a URL', 'webservices15', 'not a URL'],
    ['empty URL', '', 'no zone URL'],
  ])('rejects %s', async (_case, url, expected) => {
    server.failDiscovery({ kind: 'zoneUrl', url });
    expect((await rejection(client().getContact('101'))).message).toContain(expected);
  });

  describe('unknown user', () => {
    let error: ToolboxError;
    beforeEach(async () => {
      error = await rejection(client({ userName: 'nobody@contosomsp.example' }).getContact('101'));
    });

    it('is psa_error', () => expect(error.code).toBe('psa_error'));
    it('names the user', () => expect(error.message).toContain('nobody@contosomsp.example'));
    it('says no zone', () => expect(error.message).toContain('found no zone'));
    it('quotes Autotask', () => expect(error.message).toContain('could not be determined'));
    it('points at psa.userName', () => expect(error.fix).toContain('psa.userName'));
    it('names secret command', () => expect(error.fix).toContain('secret set psa.secret'));
    it('names security level', () => expect(error.fix).toContain('API-only security level'));
    it('sends no record request', () => expect(recordRequests()).toHaveLength(0));
  });

  it('times out a hanging discovery', async () => {
    server.failDiscovery({ kind: 'hang' });
    expect((await rejection(client({ timeoutMs: 500 }).getContact('101'))).code).toBe(
      'psa_timeout',
    );
  });

  it('blames zoneDiscoveryUrl on 404', async () => {
    const autotask = client({ zoneDiscoveryUrl: `${server.url}/wrong` });
    expect((await rejection(autotask.getContact('101'))).fix).toContain('psa.zoneDiscoveryUrl');
  });
});

describe('Autotask zone move', () => {
  let autotask: PsaClient;
  let contact: PsaContact | null;
  beforeEach(async () => {
    autotask = client();
    await autotask.getContact('101');
    server.moveZone(28);
    contact = await autotask.getContact('102');
  });

  it('returns the contact', () => expect(contact?.id).toBe('102'));
  it('rediscovers once', () => expect(discoveries()).toBe(2));
  it('gets 401 from the old zone', () => {
    expect(recordRequests().map((request) => request.status)).toEqual([200, 401, 200]);
  });
  it('uses the new zone', () => {
    expect(recordRequests().at(-1)?.path).toBe('/zone28/ATServicesRest/V1.0/Contacts/102');
  });
  it('keeps the new zone', async () => {
    await autotask.getTicket('5001');
    expect(discoveries()).toBe(2);
  });
});

describe('Autotask zone move, concurrent calls', () => {
  it('rediscovers once', async () => {
    const autotask = client();
    await autotask.getContact('101');
    server.moveZone(28);
    await Promise.all(['102', '103', '104'].map((id) => autotask.getContact(id)));
    expect(discoveries()).toBe(2);
  });
});

describe('Autotask credentials', () => {
  describe('wrong secret', () => {
    let error: ToolboxError;
    beforeEach(async () => {
      error = await rejection(client({}, 'WrongSecret').getContact('101'));
    });

    it('keeps status 401', () => expect(error.upstreamStatus).toBe(401));
    it('names the secret', () => expect(error.message).toContain("API user's secret"));
    it('names secret command', () => expect(error.fix).toContain('secret set psa.secret'));
    it('hides the secret', () => expect(error.message).not.toContain('WrongSecret'));
    it('does not rediscover', () => expect(discoveries()).toBe(1));
  });

  describe('wrong integration code', () => {
    let error: ToolboxError;
    beforeEach(async () => {
      error = await rejection(client({ integrationCode: 'WRONGCODE' }).getContact('101'));
    });

    it('keeps status 500', () => expect(error.upstreamStatus).toBe(500));
    it('blames credentials', () => expect(error.message).toContain('integration code'));
    it('quotes Autotask', () => expect(error.message).toContain('"IntegrationCode is invalid."'));
    it('names psa.integrationCode', () => expect(error.fix).toContain('psa.integrationCode'));
  });

  it.each([
    ['first call', false, 'API user name or integration code'],
    ['later call', true, 'server error'],
  ])('reads a plain 500 on the %s', async (_case, warmUp, expected) => {
    const autotask = client();
    if (warmUp) await autotask.getContact('102');
    server.failContact(101, { kind: 'serverError', errors: ['Object reference not set.'] });
    expect((await rejection(autotask.getContact('101'))).message).toContain(expected);
  });

  it('reads a 500 naming the user', async () => {
    const autotask = client();
    await autotask.getContact('102');
    server.failContact(101, { kind: 'serverError', errors: ['User is not an API user.'] });
    expect((await rejection(autotask.getContact('101'))).fix).toContain('psa.userName');
  });

  describe('403', () => {
    let error: ToolboxError;
    beforeEach(async () => {
      server.failContact(101, { kind: 'forbidden' });
      error = await rejection(client().getContact('101'));
    });

    it('keeps the status', () => expect(error.upstreamStatus).toBe(403));
    it('names the security level', () => expect(error.message).toContain('security level'));
  });
});

describe('Autotask errors', () => {
  it('quotes all errors texts', async () => {
    const errors = ['Database timeout.', 'Try again later.'];
    const autotask = client();
    await autotask.getContact('102');
    server.failContact(101, { kind: 'serverError', errors });
    const error = await rejection(autotask.getContact('101'));
    expect(error.message).toContain('"Database timeout.; Try again later."');
  });

  it('reports malformed JSON', async () => {
    server.failContact(101, { kind: 'malformedJson' });
    expect((await rejection(client().getContact('101'))).message).toContain('malformed JSON');
  });

  it('reports an item without id', async () => {
    server.fixtures.contacts.set('903', { firstName: 'Nobody' });
    expect((await rejection(client().getContact('903'))).message).toContain('unexpected shape');
  });

  it('times out a hanging request', async () => {
    server.failContact(101, { kind: 'hang' });
    const error = await rejection(client({ timeoutMs: 500 }).getContact('101'));
    expect(error.code).toBe('psa_timeout');
  });

  it('stops on caller timeout', async () => {
    server.failContact(101, { kind: 'hang' });
    const error = await rejection(client().getContact('101', AbortSignal.timeout(200)));
    expect(error.code).toBe('psa_timeout');
  });

  it('reports a closed socket', async () => {
    server.failContact(101, { kind: 'closeSocket' });
    expect((await rejection(client().getContact('101'))).message).toContain('ECONNRESET');
  });
});

describe('Autotask retries', () => {
  it('waits Retry-After on 429', async () => {
    server.failContact(101, { kind: 'rateLimit', retryAfter: '1', times: 1 });
    await client().getContact('101');

    const [first, second] = recordRequests();
    // Date.now() has millisecond steps, so allow 10 ms below the 1 s the header asked for.
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it.each([
    ['429 with Retry-After', { kind: 'rateLimit', retryAfter: '0', times: 1 }],
    ['429 without Retry-After', { kind: 'rateLimit', times: 1 }],
    ['503 without Retry-After', { kind: 'unavailable', times: 1 }],
  ] as const)('succeeds after %s', async (_case, fault) => {
    server.failContact(101, fault);
    expect((await client().getContact('101'))?.email).toBe("o'brien@contoso.com");
  });

  it('retries 429 once', async () => {
    server.failContact(101, { kind: 'rateLimit', retryAfter: '0' });
    await rejection(client().getContact('101'));
    expect(recordRequests()).toHaveLength(2);
  });

  it('names rate limiting', async () => {
    server.failContact(101, { kind: 'rateLimit', retryAfter: '0' });
    expect((await rejection(client().getContact('101'))).message).toContain('rate limiting');
  });
});

describe('Autotask concurrency', () => {
  const ids = ['101', '102', '103', '104', '105', '106', '107', '108', '109', '110'];

  describe('10 parallel contacts', () => {
    let contacts: (PsaContact | null)[];
    beforeEach(async () => {
      const autotask = client();
      await autotask.getContact('101');
      server.setLatency(100);
      contacts = await Promise.all(ids.map((id) => autotask.getContact(id)));
    });

    it('returns all ten', () => expect(contacts.map((c) => c?.id)).toEqual(ids));
    it('never exceeds 3', () => expect(server.peakInFlight('Contacts')).toBeLessThanOrEqual(3));
    it('uses all 3 slots', () => expect(server.peakInFlight('Contacts')).toBe(3));
  });

  it('gates each endpoint apart', async () => {
    const autotask = client();
    await autotask.getContact('101');
    server.setLatency(100);
    await Promise.all([
      ...ids.slice(0, 3).map((id) => autotask.getContact(id)),
      autotask.getTicket('5001'),
    ]);
    expect(server.peakInFlight('Tickets')).toBe(1);
  });

  describe('queued call', () => {
    let error: ToolboxError;
    beforeEach(async () => {
      const autotask = client();
      await autotask.getContact('110');
      const stop = new AbortController();
      for (const id of ['101', '102', '103']) server.failContact(id, { kind: 'hang' });
      const hanging = ['101', '102', '103'].map((id) => autotask.getContact(id, stop.signal));

      error = await rejection(autotask.getContact('104', AbortSignal.timeout(200)));
      stop.abort();
      await Promise.allSettled(hanging);
    });

    it('honours caller timeout', () => expect(error.code).toBe('psa_timeout'));
    it('is never sent', () => {
      expect(recordRequests().some((request) => request.path.endsWith('/104'))).toBe(false);
    });
  });
});

describe('concurrency gate', () => {
  const never = () => new Promise<never>(() => undefined);

  it('rejects after maxWaitMs', async () => {
    const gate = createConcurrencyGate(1);
    void gate.run(never);
    const waited = gate.run(async () => 'ran', { maxWaitMs: 50 });
    await expect(waited).rejects.toBeInstanceOf(QueueTimeoutError);
  });

  it('leaves the queue on abort', async () => {
    const gate = createConcurrencyGate(1);
    void gate.run(never);
    const stop = new AbortController();
    const waited = gate.run(async () => 'ran', { signal: stop.signal });
    stop.abort(new Error('stopped'));
    await waited.catch(() => undefined);
    expect(gate.waiting).toBe(0);
  });

  it('admits in FIFO order', async () => {
    const gate = createConcurrencyGate(1);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => gate.run(async () => void order.push(n))));
    expect(order).toEqual([1, 2, 3]);
  });

  it('frees the slot after a failure', async () => {
    const gate = createConcurrencyGate(1);
    await gate.run(() => Promise.reject(new Error('failed'))).catch(() => undefined);
    expect(gate.running).toBe(0);
  });
});
