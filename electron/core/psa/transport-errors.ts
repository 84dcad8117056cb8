import { ToolboxError } from '../errors';
import { baseUrlHint, describeLookup, type PsaLookup } from './http-errors';
import { psaDisplayName } from './types';

/** Node and axios error codes for certificate failures, typical behind TLS-inspecting proxies. */
const certificateCodes = new Set([
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

/**
 * Turns a failure to get any HTTP response into a ToolboxError. `timedOutAfterMs` is set when
 * the per-request timer ended the request. The axios error is not kept as `cause`, because
 * its `config` contains the request headers, Authorization included.
 */
export function transportError(
  lookup: PsaLookup,
  error: unknown,
  timedOutAfterMs: number | undefined,
): ToolboxError {
  const psa = psaDisplayName[lookup.psa];
  const label = describeLookup(lookup);
  const host = hostOf(lookup.url);
  const code = errorCode(error);
  const reachFix =
    `Check ${baseUrlHint(lookup)}, ` +
    `and that this machine can reach ${host} (network, VPN, proxy).`;

  if (timedOutAfterMs !== undefined || code === 'ETIMEDOUT') {
    const after = timedOutAfterMs === undefined ? '' : ` after ${timedOutAfterMs} ms`;
    return new ToolboxError('psa_timeout', `Looking up ${label} timed out${after}.`, {
      fix: `${reachFix} If ${psa} is only slow, raise psa.timeoutMs.`,
    });
  }

  if (code !== undefined && certificateCodes.has(code)) {
    return new ToolboxError(
      'psa_error',
      `Looking up ${label} failed: the TLS certificate of ${host} is not trusted (${code}).`,
      {
        fix: 'If a proxy inspects HTTPS traffic, install its root certificate on this machine.',
      },
    );
  }

  const cause = networkCause(code, host, error);
  return new ToolboxError('psa_error', `Looking up ${label} failed: ${cause}.`, { fix: reachFix });
}

function networkCause(code: string | undefined, host: string, error: unknown): string {
  if (code === 'ECONNREFUSED') return `the connection to ${host} was refused (ECONNREFUSED)`;
  if (code === 'ECONNRESET') return `${host} closed the connection (ECONNRESET)`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `the host name ${host} could not be resolved (${code})`;
  }

  const detail = error instanceof Error ? error.message : String(error);
  return `the request to ${host} failed (${code ? `${code}: ` : ''}${detail})`;
}

/** Builds the error for a lookup that the caller's AbortSignal ended. */
export function abortError(lookup: PsaLookup, reason: unknown): ToolboxError {
  if (reason instanceof ToolboxError) return reason;

  const label = describeLookup(lookup);
  const psa = psaDisplayName[lookup.psa];
  const isTimeout = reason instanceof Error && reason.name === 'TimeoutError';
  const because = isTimeout ? ' because the screen pop ran out of time' : '';
  const message = `Looking up ${label} was cancelled${because} before ${psa} responded.`;

  return new ToolboxError(isTimeout ? 'psa_timeout' : 'psa_error', message, {
    fix: 'Reopen the screen pop. If it happens again, check the Technician Toolbox log.',
  });
}

function errorCode(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;

  // axios's http adapter copies the socket's code onto its error. Node's fetch, and adapters
  // built on it, leave it on `cause`.
  const own = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (own && own !== 'ERR_NETWORK' && own !== 'ECONNABORTED') return own;

  const cause = 'cause' in error ? error.cause : undefined;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') {
    return cause.code;
  }
  return own;
}

function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url;
}
