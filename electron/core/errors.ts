import type { ErrorCode, PopError } from '../../shared/result';

/** HTTP status the listener sends for each error code. */
export const httpStatusByCode: Record<ErrorCode, number> = {
  missing_param: 400,
  invalid_param: 400,
  unknown_form: 400,
  unauthorized: 401,
  forbidden_host: 403,
  fetch_mode_rejected: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_too_large: 431,
  rate_limited: 429,
  unknown_company: 422,
  unsupported_idp: 422,
  ticket_not_found: 422,
  contact_not_found: 422,
  directory_user_not_found: 422,
  directory_user_ambiguous: 422,
  link_rejected: 422,
  psa_error: 502,
  graph_error: 502,
  psa_timeout: 504,
  graph_timeout: 504,
  config_invalid: 500,
  secret_missing: 500,
  keychain_unavailable: 500,
  form_open_failed: 500,
  shutting_down: 503,
  internal_error: 500,
};

export interface ToolboxErrorOptions {
  /** The next step for the technician or admin. */
  fix?: string;
  /** Parameters or fields that were absent. */
  missing?: string[];
  /** The upstream API's HTTP status, when an upstream responded. */
  upstreamStatus?: number;
  cause?: unknown;
}

/**
 * A failure a technician can meet. The message names the value and the cause,
 * and `fix` gives the next step. Never put a secret, token or header value in either.
 */
export class ToolboxError extends Error {
  readonly code: ErrorCode;
  readonly fix?: string;
  readonly missing?: string[];
  readonly upstreamStatus?: number;

  constructor(code: ErrorCode, message: string, options: ToolboxErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ToolboxError';
    this.code = code;
    this.fix = options.fix;
    this.missing = options.missing;
    this.upstreamStatus = options.upstreamStatus;
  }

  get httpStatus(): number {
    return httpStatusByCode[this.code];
  }

  toPopError(): PopError {
    return {
      code: this.code,
      message: this.message,
      ...(this.fix && { fix: this.fix }),
      ...(this.missing && { missing: this.missing }),
      ...(this.upstreamStatus !== undefined && { upstreamStatus: this.upstreamStatus }),
    };
  }
}

/** Wraps anything thrown into a ToolboxError, keeping a ToolboxError as it is. */
export function toToolboxError(error: unknown): ToolboxError {
  if (error instanceof ToolboxError) return error;

  const detail = error instanceof Error ? error.message : String(error);
  return new ToolboxError('internal_error', `Unexpected failure: ${detail}`, {
    fix: 'Check the Technician Toolbox log for the details and report the problem.',
    cause: error,
  });
}
