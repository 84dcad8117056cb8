import { describe, expect, it } from 'vitest';
import { configSchema } from '../../shared/config';

const psa = { type: 'halo', baseUrl: 'https://contoso.halopsa.com', clientId: 'client-1' };

function issues(input: Record<string, unknown>): string[] {
  const result = configSchema.safeParse({ psa, ...input });
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('config schema base URLs', () => {
  it.each([
    ['not a URL', 'not a url', 'absolute URL'],
    ['plain http off this machine', 'http://app.rewst.io', 'must use https'],
    ['a path', 'https://app.rewst.io/some/path', 'without a path'],
    ['a query', 'https://app.rewst.io/?x=1', '?query'],
    ['a fragment', 'https://app.rewst.io/#top', '#fragment'],
    ['user info', 'http://user:pw@127.0.0.1:9000', 'user name, password'],
  ])('rejects a Rewst URL with %s', (_case, baseUrl, expected) => {
    expect(issues({ rewst: { baseUrl } }).join('\n')).toContain(expected);
  });

  it('accepts a loopback http Rewst', () => {
    expect(issues({ rewst: { baseUrl: 'http://127.0.0.1:17403' } })).toEqual([]);
  });

  it('drops a trailing slash', () => {
    expect(configSchema.parse({ psa, rewst: { baseUrl: 'https://app.rewst.io/' } }).rewst.baseUrl).toBe('https://app.rewst.io');
  });

  it('keeps the PSA API path', () => {
    const connectwise = { type: 'connectwise', baseUrl: 'https://api-na.myconnectwise.net/v4_6_release/apis/3.0/', companyId: 'c', publicKey: 'p', clientId: 'i' };
    expect(configSchema.parse({ psa: connectwise }).psa).toMatchObject({ baseUrl: 'https://api-na.myconnectwise.net/v4_6_release/apis/3.0' });
  });
});

describe('config schema companies', () => {
  const company = { psaCompanyId: '250', name: 'Contoso', rewstOrgId: 'org-1', idp: 'azure_ad' };

  it('reports common as a tenant once', () => {
    expect(issues({ companies: [{ ...company, tenantId: 'common' }] })).toEqual([
      'companies.0.tenantId: must name one tenant; common, organizations and consumers do not work for app sign-in',
    ]);
  });

  it('drops leading zeros of the company id', () => {
    expect(configSchema.parse({ psa, companies: [{ ...company, psaCompanyId: '0250' }] }).companies[0]?.psaCompanyId).toBe('250');
  });

  it('rejects duplicate companies after normalising', () => {
    expect(issues({ companies: [company, { ...company, psaCompanyId: '00250' }] }).join('\n')).toContain('duplicates companies[0]');
  });
});
