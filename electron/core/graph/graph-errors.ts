import { ToolboxError } from '../errors';
import { describeLookup, type LookupContext } from './lookup-context';

/** Reads `code` and `message` from Graph's error body, `{error: {code, message}}`. */
export function readGraphError(body: unknown): { code?: string; message?: string } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return {};

  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return {};

  const { code, message } = error as { code?: unknown; message?: unknown };
  return {
    ...(typeof code === 'string' && { code }),
    ...(typeof message === 'string' && { message }),
  };
}

/**
 * Converts a Graph error response into a ToolboxError that names the lookup, the
 * status, Graph's own code and message, and what to change. `retryAfterMs` is the
 * wait Graph asked for on 429 and 503.
 */
export function toGraphResponseError(
  status: number,
  body: unknown,
  context: LookupContext,
  retryAfterMs?: number,
): ToolboxError {
  const { config, tenantId } = context;
  const { code, message } = readGraphError(body);
  const upstream = `${status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`;
  const lookup = describeLookup(context);
  const fail = (summary: string, fix: string) =>
    new ToolboxError('graph_error', `${summary} (${upstream})`, { fix, upstreamStatus: status });

  if (status === 401) {
    return fail(
      `Microsoft Graph rejected the app token while looking up ${lookup}`,
      `Check that graph.baseUrl (${config.baseUrl}) is the Graph endpoint of the cloud ` +
        `named by graph.authorityHost (${config.authorityHost}).`,
    );
  }
  if (status === 403) {
    return fail(
      `Microsoft Graph denied the lookup of ${lookup}`,
      `In tenant ${tenantId}, grant app ${config.clientId} the Microsoft Graph application ` +
        'permission User.Read.All and give admin consent (App registrations > API permissions).',
    );
  }
  if (status === 429 || status === 503) {
    const wait = retryAfterMs === undefined ? 'a minute' : `${Math.ceil(retryAfterMs / 1000)} s`;
    return fail(
      `Microsoft Graph is throttling or unavailable and did not answer the lookup of ${lookup}`,
      `Wait ${wait} and open the screen pop again.`,
    );
  }
  if (status >= 500) {
    return fail(
      `Microsoft Graph failed while looking up ${lookup}`,
      'Open the screen pop again in a minute. If it keeps failing, check Microsoft 365 ' +
        'service health.',
    );
  }
  return fail(
    `Microsoft Graph rejected the lookup of ${lookup}`,
    'Report this to the Technician Toolbox maintainers with the message above.',
  );
}

/** Builds the error for a 2xx response whose body is not the JSON list Graph returns. */
export function toMalformedResponseError(status: number, context: LookupContext): ToolboxError {
  return new ToolboxError(
    'graph_error',
    `Microsoft Graph returned a response that is not a JSON user list while looking up ` +
      `${describeLookup(context)} (status ${status}).`,
    {
      fix: `Check that graph.baseUrl (${context.config.baseUrl}) is Microsoft Graph and that no ` +
        'proxy or sign-in page answers in its place.',
      upstreamStatus: status,
    },
  );
}

export function toGraphTimeoutError(timeoutMs: number, context: LookupContext): ToolboxError {
  return new ToolboxError(
    'graph_timeout',
    `Microsoft Graph did not answer the lookup of ${describeLookup(context)} ` +
      `within ${timeoutMs} ms.`,
    { fix: 'Check the network connection and proxy settings, or raise graph.timeoutMs.' },
  );
}

/**
 * Builds the error for a lookup that the caller aborted, usually because the screen pop
 * ran out of time.
 */
export function toCancelledError(context: LookupContext): ToolboxError {
  return new ToolboxError(
    'graph_timeout',
    `The Microsoft Graph lookup of ${describeLookup(context)} was cancelled before it finished.`,
    { fix: 'Open the screen pop again; if it keeps happening, check the network connection.' },
  );
}

/**
 * Builds the error for a request that got no HTTP response. `detail` must come from
 * the error code or message only, because the request's headers contain the bearer token.
 */
export function toNetworkError(detail: string, context: LookupContext): ToolboxError {
  return new ToolboxError(
    'graph_error',
    `Could not reach Microsoft Graph at ${context.config.baseUrl} while looking up ` +
      `${describeLookup(context)}: ${detail}.`,
    { fix: 'Check the network connection, the proxy settings and graph.baseUrl.' },
  );
}
