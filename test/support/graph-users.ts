import type { FixtureTenant } from './identity-fixtures';
import { ODataFilterError, parseUserFilter, type UserRecord } from './odata-filter';

export interface GraphReply {
  status: number;
  body: unknown;
}

/** Properties Graph returns when a request has no `$select`. */
const defaultSelect = ['id', 'userPrincipalName', 'mail', 'displayName'];

/** User properties the double stores. Graph rejects a `$select` of any other name. */
const userProperties = new Set([
  ...defaultSelect,
  'accountEnabled',
  'onPremisesSyncEnabled',
  'onPremisesSamAccountName',
  'proxyAddresses',
  'otherMails',
]);

/**
 * Responds to `GET /v1.0/users` for `tenant` like Microsoft Graph: evaluates `$filter`,
 * keeps the first `$top` rows and returns only the `$select`ed properties.
 */
export function answerUsersRequest(
  tenant: FixtureTenant,
  query: URLSearchParams,
  metadataUrl: string,
): GraphReply {
  const selected = query.get('$select')?.split(',') ?? defaultSelect;
  const unknown = selected.find((name) => !userProperties.has(name));
  if (unknown !== undefined) {
    const message = `Could not find a property named '${unknown}' on type 'microsoft.graph.user'.`;
    return graphError(400, 'BadRequest', message);
  }

  const top = Number(query.get('$top') ?? '100');
  if (!Number.isInteger(top) || top < 1 || top > 999) {
    const message = `Invalid page size specified: '${query.get('$top')}'. Use 1 to 999.`;
    return graphError(400, 'BadRequest', message);
  }

  let matches: UserRecord[] = tenant.users.map((user) => ({ ...user }));
  const filter = query.get('$filter');
  if (filter !== null) {
    try {
      const predicate = parseUserFilter(filter);
      matches = matches.filter(predicate);
    } catch (error) {
      if (!(error instanceof ODataFilterError)) throw error;
      return graphError(400, 'Request_UnsupportedQuery', error.message);
    }
  }

  const value = matches.slice(0, top).map((user) => pick(user, selected));
  return {
    status: 200,
    body: { '@odata.context': `${metadataUrl}#users(${selected.join(',')})`, value },
  };
}

/** Builds a Graph error body: `{error: {code, message, innerError}}`. */
export function graphError(status: number, code: string, message: string): GraphReply {
  return {
    status,
    body: {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString(),
          'request-id': '11111111-2222-3333-4444-555555555555',
        },
      },
    },
  };
}

function pick(user: UserRecord, names: string[]): UserRecord {
  return Object.fromEntries(names.map((name) => [name, user[name] ?? null]));
}
