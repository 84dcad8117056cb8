import { describe, expect, it } from 'vitest';

import {
  buildUserFilter,
  buildUserQuery,
  encodeQueryValue,
  toODataString,
} from '../../electron/core/graph/odata';

describe('toODataString', () => {
  it.each([
    ['adele.vance@contoso.com', "'adele.vance@contoso.com'"],
    ["o'brien@contoso.com", "'o''brien@contoso.com'"],
    ["o''neil@contoso.com", "'o''''neil@contoso.com'"],
    ["'", "''''"],
  ])('quotes %s', (value, expected) => {
    expect(toODataString(value)).toBe(expected);
  });
});

describe('buildUserFilter', () => {
  it('matches UPN, mail, smtp alias and otherMails', () => {
    expect(buildUserFilter("o'brien@contoso.com")).toBe(
      "userPrincipalName eq 'o''brien@contoso.com' or mail eq 'o''brien@contoso.com' or " +
        "proxyAddresses/any(p:p eq 'smtp:o''brien@contoso.com') or " +
        "otherMails/any(o:o eq 'o''brien@contoso.com')",
    );
  });
});

describe('encodeQueryValue', () => {
  it.each([
    ['+', '%2B'],
    ['#', '%23'],
    ['&', '%26'],
    ["'", '%27'],
    ['(', '%28'],
    [' ', '%20'],
    ['ë', '%C3%AB'],
    ['李', '%E6%9D%8E'],
    ['%', '%25'],
  ])('encodes %s as %s', (value, expected) => {
    expect(encodeQueryValue(value)).toBe(expected);
  });
});

describe('buildUserQuery', () => {
  const addresses = [
    'adele.vance@contoso.com',
    "o'brien@contoso.com",
    'j.smith+helpdesk@contoso.com',
    'alex_fabrikam.com#EXT#@contoso.onmicrosoft.com',
    'r&d@contoso.com',
    'zoë.ångström@contoso.de',
    '100%@contoso.com',
  ];

  it.each(addresses)('round-trips %s', (email) => {
    const query = new URLSearchParams(buildUserQuery(email));

    expect(query.get('$filter')).toBe(buildUserFilter(email));
  });

  it.each([
    ['j.smith+helpdesk@contoso.com', 'j.smith%2Bhelpdesk%40contoso.com'],
    ['alex_fabrikam.com#EXT#@contoso.onmicrosoft.com', 'alex_fabrikam.com%23EXT%23%40'],
    ['r&d@contoso.com', 'r%26d%40contoso.com'],
    ["o'brien@contoso.com", 'o%27%27brien%40contoso.com'],
    ['zoë.ångström@contoso.de', 'zo%C3%AB.%C3%A5ngstr%C3%B6m%40contoso.de'],
  ])('encodes %s once', (email, encoded) => {
    expect(buildUserQuery(email)).toContain(encoded);
  });

  it('leaves no raw separators in values', () => {
    const query = buildUserQuery('a+b#c&d@contoso.com');

    expect(query.split('&')).toHaveLength(3);
    expect(query).not.toMatch(/[+#\s]/);
  });

  it('never encodes twice', () => {
    expect(buildUserQuery('j.smith+helpdesk@contoso.com')).not.toContain('%25');
  });

  it('selects the user fields', () => {
    const query = new URLSearchParams(buildUserQuery('adele.vance@contoso.com'));

    expect(query.get('$select')?.split(',')).toEqual([
      'id',
      'userPrincipalName',
      'mail',
      'displayName',
      'accountEnabled',
      'onPremisesSyncEnabled',
      'onPremisesSamAccountName',
    ]);
  });

  it('asks for two rows', () => {
    const query = new URLSearchParams(buildUserQuery('adele.vance@contoso.com'));

    expect(query.get('$top')).toBe('2');
  });
});
