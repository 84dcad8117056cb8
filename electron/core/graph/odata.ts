/** The user properties a lookup returns. Graph sends accountEnabled and onPremises* on request. */
export const USER_SELECT = [
  'id',
  'userPrincipalName',
  'mail',
  'displayName',
  'accountEnabled',
  'onPremisesSyncEnabled',
  'onPremisesSamAccountName',
] as const;

/** Rows requested per lookup: two are enough to tell "one match" from "ambiguous". */
export const USER_LOOKUP_TOP = 2;

/** Quotes `value` as an OData string literal, doubling every `'` (o'brien becomes 'o''brien'). */
export function toODataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * Builds the `$filter` that matches `email` against the UPN, the primary SMTP address,
 * the smtp: aliases in proxyAddresses and the alternate addresses in otherMails.
 * Microsoft lists eq and any() on these properties as default-index filters
 * (learn.microsoft.com/graph/aad-advanced-queries), so no ConsistencyLevel header is sent.
 * NOTE: this four-way `or` has run only against the test double, not a live tenant.
 */
export function buildUserFilter(email: string): string {
  const address = toODataString(email);
  const alias = toODataString(`smtp:${email}`);

  return [
    `userPrincipalName eq ${address}`,
    `mail eq ${address}`,
    `proxyAddresses/any(p:p eq ${alias})`,
    `otherMails/any(o:o eq ${address})`,
  ].join(' or ');
}

/**
 * Percent-encodes a query value once, by RFC 3986: encodeURIComponent plus `!'()*`,
 * which it leaves alone but URL parsers may escape later, so the value on the wire
 * does not depend on the HTTP transport.
 */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Builds the query string (without `?`) of the `/v1.0/users` lookup for `email`.
 * Each value is encoded exactly once, so `+` travels as %2B (Graph would read a bare
 * `+` as a space), `#` as %23, `&` as %26 and non-ASCII characters as UTF-8 percent
 * escapes. The `$` of the parameter names stays literal, as Graph's examples write it.
 */
export function buildUserQuery(email: string): string {
  const parameters: Array<[string, string]> = [
    ['$filter', buildUserFilter(email)],
    ['$select', USER_SELECT.join(',')],
    ['$top', String(USER_LOOKUP_TOP)],
  ];

  return parameters.map(([name, value]) => `${name}=${encodeQueryValue(value)}`).join('&');
}
