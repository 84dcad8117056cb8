/** A fetch function such as Electron's `net.fetch` or Node's global `fetch`. */
export type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Node error codes for Chromium's network errors. The core's error messages (PSA transport
 * errors, Graph network errors) are keyed on Node's codes, so a failure through `net.fetch`
 * reads the same as one through Node's http module. Chromium's names are listed in its
 * net/base/net_error_list.h.
 */
const nodeCodeByChromiumError: Record<string, string> = {
  ERR_CONNECTION_REFUSED: 'ECONNREFUSED',
  ERR_CONNECTION_RESET: 'ECONNRESET',
  ERR_CONNECTION_CLOSED: 'ECONNRESET',
  ERR_CONNECTION_ABORTED: 'ECONNRESET',
  ERR_EMPTY_RESPONSE: 'ECONNRESET',
  ERR_NAME_NOT_RESOLVED: 'ENOTFOUND',
  ERR_NAME_RESOLUTION_FAILED: 'EAI_AGAIN',
  ERR_INTERNET_DISCONNECTED: 'ENETUNREACH',
  ERR_ADDRESS_UNREACHABLE: 'EHOSTUNREACH',
  ERR_TIMED_OUT: 'ETIMEDOUT',
  ERR_CONNECTION_TIMED_OUT: 'ETIMEDOUT',
  ERR_CERT_AUTHORITY_INVALID: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  ERR_CERT_COMMON_NAME_INVALID: 'ERR_TLS_CERT_ALTNAME_INVALID',
  ERR_CERT_DATE_INVALID: 'CERT_HAS_EXPIRED',
};

/** A network failure with the closest Node error code, for the core's error messages. */
export class NetworkFailure extends Error {
  readonly code: string | undefined;

  constructor(message: string, code: string | undefined, cause: unknown) {
    super(message, { cause });
    this.name = 'NetworkFailure';
    this.code = code;
  }
}

/**
 * Turns a rejection of `net.fetch` into a NetworkFailure. Electron rejects with an Error whose
 * message is Chromium's error name, such as `net::ERR_CONNECTION_REFUSED`. Node's fetch puts
 * the socket error, which already has a Node code, on `cause`.
 */
export function toNetworkFailure(error: unknown): NetworkFailure {
  const message = error instanceof Error ? error.message : String(error);
  const chromium = /net::(ERR_[A-Z_]+)/.exec(message)?.[1];
  if (chromium) {
    return new NetworkFailure(message, nodeCodeByChromiumError[chromium] ?? chromium, error);
  }

  const cause = error instanceof Error ? error.cause : undefined;
  const causeCode =
    cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string'
      ? cause.code
      : undefined;
  const causeMessage = cause instanceof Error ? `: ${cause.message}` : '';
  return new NetworkFailure(`${message}${causeMessage}`, causeCode, error);
}

/** Returns a signal that aborts when `signal` does or after `timeoutMs`; undefined when neither. */
export function combineSignals(
  signal: AbortSignal | undefined,
  timeoutMs: number | undefined,
): AbortSignal | undefined {
  const timeout = timeoutMs && timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined;
  if (signal && timeout) return AbortSignal.any([signal, timeout]);
  return signal ?? timeout;
}
