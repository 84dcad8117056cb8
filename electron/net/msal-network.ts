import {
  AuthError,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';

import { combineSignals, toNetworkFailure, type FetchFunction } from './net-errors';

/** msal-node's error code for a request that got no response; the core's Graph errors key on it. */
const NETWORK_ERROR = 'network_error';
/** msal-node's error code for a response body that is not JSON. */
const PARSING_ERROR = 'token_parsing_error';

/** msal-node 7's AuthError takes (code, correlation id, message); the id is unknown here. */
function authError(code: string, message: string): AuthError {
  return new AuthError(code, '', message);
}

function originOf(url: string): string {
  return URL.canParse(url) ? new URL(url).origin : url;
}

async function send<T>(
  fetchFunction: FetchFunction,
  url: string,
  method: 'GET' | 'POST',
  options: NetworkRequestOptions | undefined,
  timeoutMs?: number,
): Promise<NetworkResponse<T>> {
  const signal = combineSignals(undefined, timeoutMs);

  let response: Response;
  try {
    response = await fetchFunction(url, {
      method,
      headers: options?.headers ?? {},
      body: method === 'POST' ? (options?.body ?? '') : undefined,
      signal,
    });
  } catch (error) {
    // The URL may carry a tenant id but never a secret; the body (client secret) is not logged.
    if (signal?.aborted) {
      throw authError(NETWORK_ERROR, `Request to ${originOf(url)} timed out after ${timeoutMs} ms`);
    }
    const failure = toNetworkFailure(error);
    const code = failure.code ? ` (${failure.code})` : '';
    throw authError(
      NETWORK_ERROR,
      `Network request to ${originOf(url)} failed${code}: ${failure.message}`,
    );
  }

  const text = await response.text();
  let body: T;
  try {
    body = JSON.parse(text) as T;
  } catch {
    const message = `${originOf(url)} returned HTTP ${response.status} with a body that is not JSON`;
    throw authError(PARSING_ERROR, message);
  }

  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { headers, body, status: response.status };
}

/**
 * Creates an msal-node network client that sends token and metadata requests through
 * `fetchFunction` (Electron's `net.fetch` in the app), so sign-in follows the system proxy and
 * the OS certificate store. Like msal-node's own client, it returns non-2xx responses with
 * their JSON body, because msal-node reads AADSTS errors from it, and it throws AuthError
 * `network_error` when no response arrives.
 */
export function createFetchNetworkModule(fetchFunction: FetchFunction): INetworkModule {
  return {
    sendGetRequestAsync: (url, options, timeout) =>
      send(fetchFunction, url, 'GET', options, timeout),
    sendPostRequestAsync: (url, options) => send(fetchFunction, url, 'POST', options),
  };
}
