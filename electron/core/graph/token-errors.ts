import { AuthError, ServerError } from '@azure/msal-node';

import { ToolboxError } from '../errors';
import { DeadlineError } from './deadline';
import type { LookupContext } from './lookup-context';

/**
 * Converts a failed token request into a ToolboxError whose fix matches the AADSTS
 * code. A ToolboxError (for example a missing client secret) passes through.
 */
export function toTokenError(error: unknown, context: LookupContext): ToolboxError {
  if (error instanceof ToolboxError) return error;

  const { authorityHost } = context.config;
  const subject = describeSignIn(context);

  if (error instanceof DeadlineError) {
    return new ToolboxError(
      'graph_timeout',
      `Sign-in to Entra ID ${subject} timed out: ${authorityHost} issued no token ` +
        `within ${error.timeoutMs} ms.`,
      { fix: 'Check the network connection and proxy settings, or raise graph.timeoutMs.' },
    );
  }

  if (error instanceof ServerError) return fromServerError(error, context);

  if (error instanceof AuthError && error.errorCode === 'network_error') {
    return new ToolboxError(
      'graph_error',
      `Sign-in to Entra ID ${subject} failed: ${authorityHost} could not be reached ` +
        `(${error.errorMessage}).`,
      {
        fix: 'Check the network connection, the proxy settings and graph.authorityHost.',
        cause: error,
      },
    );
  }

  const message = `Sign-in to Entra ID ${subject} failed: ${describeError(error)}`;
  return new ToolboxError('graph_error', message, {
    fix: `Check graph.authorityHost (${authorityHost}), graph.clientId and the tenant id.`,
    cause: error,
  });
}

function fromServerError(error: ServerError, context: LookupContext): ToolboxError {
  const { config, tenantId } = context;
  const aadText = extractAadText(error);
  // errorNo is typed as a string but contains the number from error_codes, as the JSON had it.
  const code =
    error.errorNo === undefined ? /AADSTS(\d+)/.exec(aadText)?.[1] : String(error.errorNo);
  const upstream = error.status === undefined ? aadText : `${error.status} ${aadText}`;
  const fail = (reason: string, fix: string) =>
    new ToolboxError(
      'graph_error',
      `Sign-in to Entra ID ${describeSignIn(context)} failed: ${reason} (${upstream})`,
      { fix, upstreamStatus: error.status, cause: error },
    );

  switch (code) {
    case '700016':
      return fail(
        `app ${config.clientId} is not registered or has no admin consent in that tenant.`,
        `Have an administrator of tenant ${tenantId} grant admin consent at ` +
          `${config.authorityHost}/${tenantId}/adminconsent?client_id=${config.clientId}. ` +
          'Check that graph.clientId is the Application (client) ID and that ' +
          'graph.authorityHost is the cloud the app is registered in.',
      );
    case '90002':
      return fail(
        `tenant ${tenantId} was not found.`,
        `Check companies[].tenantId of the company mapped to ${tenantId}: it must be the ` +
          "client's Entra tenant ID or a verified domain, in the cloud of graph.authorityHost.",
      );
    case '7000215':
      return fail(
        `the client secret of app ${config.clientId} is invalid.`,
        "Set graph.clientSecret again with the secret's Value (not its Secret ID) from " +
          'App registrations > Certificates & secrets.',
      );
    case '7000222':
      return fail(
        `the client secret of app ${config.clientId} has expired.`,
        `Create a new client secret for app ${config.clientId} under App registrations > ` +
          'Certificates & secrets and set graph.clientSecret to its Value.',
      );
  }

  // msal-node replays a recent 429 or 5xx from its throttle cache, without a status.
  if (error.status === undefined || error.status === 429 || error.status >= 500) {
    return fail(
      'the Microsoft identity platform is throttling or unavailable.',
      'Wait a minute and open the screen pop again, because msal-node holds back token ' +
        'requests meanwhile.',
    );
  }

  return fail(
    'the Microsoft identity platform rejected the token request.',
    'Look up the AADSTS code in the Microsoft Entra documentation, then check graph.clientId, ' +
      'graph.clientSecret and the tenant id.',
  );
}

function describeSignIn(context: LookupContext): string {
  return context.email === undefined
    ? `tenant ${context.tenantId}`
    : `tenant ${context.tenantId} (looking up ${context.email})`;
}

function describeError(error: unknown): string {
  if (error instanceof AuthError) return `${error.errorCode}: ${error.errorMessage}`;
  return error instanceof Error ? error.message : String(error);
}

/** Returns "AADSTS…: description" without the trace and correlation ids msal-node appends. */
function extractAadText(error: ServerError): string {
  const pattern = /AADSTS\d+:[\s\S]*?(?=\s*Trace ID:|\s+- Correlation ID:|$)/;
  const match = pattern.exec(error.errorMessage);
  return (match?.[0] ?? `${error.errorCode} ${error.errorMessage}`).replace(/\s+/g, ' ').trim();
}
