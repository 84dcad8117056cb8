import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectwiseConfig } from '../../shared/config';
import { ToolboxError } from '../../electron/core/errors';
import { createConnectwiseClient } from '../../electron/core/psa/connectwise';
import type { PsaContact } from '../../electron/core/psa/types';
import {
  connectwiseConfig,
  connectwiseCredentials,
  contactIds,
} from '../support/connectwise-fixtures';
import { startConnectwiseServer, type ConnectwiseServer } from '../support/connectwise-server';

let server: ConnectwiseServer;

beforeAll(async () => {
  server = await startConnectwiseServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.reset();
});

function client(
  overrides: Partial<ConnectwiseConfig> = {},
  privateKey = connectwiseCredentials.privateKey,
) {
  return createConnectwiseClient(connectwiseConfig(server.baseUrl, overrides), { privateKey });
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

describe('ConnectWise contacts', () => {
  it('maps a contact', async () => {
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
    ['defaultPhoneNbr', contactIds.plusEmail, 'phone', '555-0102'],
    ['accented first name', contactIds.nordicName, 'firstName', 'Zoë'],
    ['accented last name', contactIds.nordicName, 'lastName', 'Ångström'],
    ['Japanese first name', contactIds.japaneseName, 'firstName', '太郎'],
    ['Japanese last name', contactIds.japaneseName, 'lastName', '山田'],
    ['default email later', contactIds.defaultEmailNotFirst, 'email', 'megan.bowen@contoso.com'],
    ['default phone item', contactIds.defaultEmailNotFirst, 'phone', '555-0105'],
    ['first email without default', contactIds.noDefaultEmail, 'email', 'adele.vance@contoso.com'],
    ['no email', contactIds.noEmail, 'email', undefined],
    ['phone without email', contactIds.noEmail, 'phone', '555-0107'],
    ['inactive', contactIds.inactive, 'active', false],
    ['other company id', contactIds.otherCompany, 'companyId', '260'],
    ['other company name', contactIds.otherCompany, 'companyName', 'Fabrikam, Inc.'],
    ['hidden company id', contactIds.companyHidden, 'companyId', undefined],
    ['hidden company name', contactIds.companyHidden, 'companyName', undefined],
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
});

describe('ConnectWise tickets and companies', () => {
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

  it('maps company 250', async () => {
    expect(await client().getCompany('250')).toEqual({ id: '250', name: 'Contoso' });
  });

  it('returns a deleted company', async () => {
    expect(await client().getCompany('270')).toEqual({ id: '270', name: 'Northwind Traders' });
  });

  it.each([
    ['ticket', () => client().getTicket('9999')],
    ['company', () => client().getCompany('999')],
  ])('returns null for unknown %s', async (_record, lookup) => {
    expect(await lookup()).toBeNull();
  });
});

describe('ConnectWise request', () => {
  beforeEach(async () => {
    await client().getContact('101');
  });

  it('sends one GET', () => {
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /v4_6_release/apis/3.0/company/contacts/101',
    ]);
  });

  it('sends Basic user companyId+publicKey', () => {
    const { companyId, publicKey } = connectwiseCredentials;
    expect(server.requests[0]?.basicAuth?.user).toBe(`${companyId}+${publicKey}`);
  });

  it('sends Basic password privateKey', () => {
    expect(server.requests[0]?.basicAuth?.password).toBe(connectwiseCredentials.privateKey);
  });

  it('sends clientId header', () => {
    expect(server.requests[0]?.headers.clientid).toBe(connectwiseCredentials.clientId);
  });

  it('sends Accept JSON', () => {
    expect(server.requests[0]?.headers.accept).toBe('application/json');
  });
});

describe('ConnectWise auth failures', () => {
  it.each([
    ['wrong private key', () => client({}, 'WrongPrivateKey').getContact('101')],
    ['wrong public key', () => client({ publicKey: 'OtherPublicKey' }).getContact('101')],
    ['wrong company id', () => client({ companyId: 'othermsp' }).getContact('101')],
  ])('reports 401 for %s', async (_case, lookup) => {
    expect((await rejection(lookup())).upstreamStatus).toBe(401);
  });

  describe('401', () => {
    let error: ToolboxError;
    beforeEach(async () => {
      error = await rejection(client({}, 'WrongPrivateKey').getContact('101'));
    });

    it('has code psa_error', () => expect(error.code).toBe('psa_error'));
    it('names the contact', () => expect(error.message).toContain('ConnectWise PSA contact 101'));
    it('names the API keys', () => expect(error.message).toContain('rejected the API keys'));
    it('quotes upstream message', () => expect(error.message).toContain('Authentication failed'));
    it('points at the keychain', () => expect(error.fix).toContain('psa.privateKey'));
    it('hides the private key', () => expect(error.message).not.toContain('WrongPrivateKey'));
  });

  describe('missing clientId', () => {
    let error: ToolboxError;
    beforeEach(async () => {
      error = await rejection(client({ clientId: '' }).getContact('101'));
    });

    it('quotes the plain text', () => {
      expect(error.message).toContain('clientId header is required');
    });
    it('points at psa.clientId', () => expect(error.fix).toContain('psa.clientId'));
  });

  describe('403', () => {
    let error: ToolboxError;
    beforeEach(async () => {
      server.failContact(101, { kind: 'forbidden' });
      error = await rejection(client().getContact('101'));
    });

    it('keeps the status', () => expect(error.upstreamStatus).toBe(403));
    it('names the security role', () => expect(error.message).toContain('security role'));
  });
});

describe('ConnectWise base URL failures', () => {
  describe('404 from the web server', () => {
    let error: ToolboxError;
    beforeEach(async () => {
      const wrongCodebase = `${server.url}/v2099_1/apis/3.0`;
      error = await rejection(client({ baseUrl: wrongCodebase }).getContact('101'));
    });

    it('is not a missing record', () => expect(error.code).toBe('psa_error'));
    it('blames psa.baseUrl', () => expect(error.message).toContain('psa.baseUrl'));
    it('quotes the page title', () => {
      expect(error.message).toContain('"404 - File or directory not found."');
    });
  });

  describe('HTML with 200', () => {
    let error: ToolboxError;
    beforeEach(async () => {
      server.failContact(101, { kind: 'html' });
      error = await rejection(client().getContact('101'));
    });

    it('names the media type', () => expect(error.message).toContain('text/html instead of JSON'));
    it('points at psa.baseUrl', () => expect(error.fix).toContain('psa.baseUrl'));
  });

  it('reports malformed JSON', async () => {
    server.failContact(101, { kind: 'malformedJson' });
    expect((await rejection(client().getContact('101'))).message).toContain('malformed JSON');
  });
});

describe('ConnectWise retries', () => {
  it('waits Retry-After on 429', async () => {
    server.failContact(101, { kind: 'rateLimit', retryAfter: '1', times: 1 });
    await client().getContact('101');

    const [first, second] = server.requests;
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

  it.each([
    ['429', { kind: 'rateLimit', retryAfter: '0' }],
    ['503', { kind: 'unavailable', retryAfter: '0' }],
  ] as const)('retries %s once', async (_case, fault) => {
    server.failContact(101, fault);
    await rejection(client().getContact('101'));
    expect(server.requests).toHaveLength(2);
  });

  it('names rate limiting', async () => {
    server.failContact(101, { kind: 'rateLimit', retryAfter: '0' });
    expect((await rejection(client().getContact('101'))).message).toContain('rate limiting');
  });

  it('names unavailability', async () => {
    server.failContact(101, { kind: 'unavailable', retryAfter: '0' });
    expect((await rejection(client().getContact('101'))).message).toContain('unavailable');
  });

  it('does not retry 500', async () => {
    server.failContact(101, { kind: 'serverError' });
    await rejection(client().getContact('101'));
    expect(server.requests).toHaveLength(1);
  });
});

describe('ConnectWise server errors', () => {
  it('quotes nested error message', async () => {
    const errors = ['Database timeout reading contact 101'];
    server.failContact(101, { kind: 'serverError', errors });
    const error = await rejection(client().getContact('101'));
    expect(error.message).toContain('"Database timeout reading contact 101"');
  });

  it('quotes top-level message', async () => {
    server.failContact(101, { kind: 'serverError', message: 'Object reference not set' });
    const error = await rejection(client().getContact('101'));
    expect(error.message).toContain('Object reference not set');
  });

  it('keeps status 500', async () => {
    server.failContact(101, { kind: 'serverError' });
    expect((await rejection(client().getContact('101'))).upstreamStatus).toBe(500);
  });

  it('shortens long text', async () => {
    server.failContact(101, { kind: 'serverError', message: 'x'.repeat(5000) });
    expect((await rejection(client().getContact('101'))).message.length).toBeLessThan(400);
  });
});

describe('ConnectWise connection failures', () => {
  it('times out a hanging request', async () => {
    server.failContact(101, { kind: 'hang' });
    const error = await rejection(client({ timeoutMs: 500 }).getContact('101'));
    expect(error.code).toBe('psa_timeout');
  });

  it('names the timeout', async () => {
    server.failContact(101, { kind: 'hang' });
    const error = await rejection(client({ timeoutMs: 500 }).getContact('101'));
    expect(error.message).toContain('timed out after 500 ms');
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

  it('reports connection refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const baseUrl = `http://127.0.0.1:${port}/v4_6_release/apis/3.0`;
    const lookup = client({ baseUrl }).getContact('101');
    expect((await rejection(lookup)).message).toContain('ECONNREFUSED');
  });
});
