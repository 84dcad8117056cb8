import type { PsaErrorHooks, PsaHttpResponse, StatusExplanation } from './http-errors';

const baseUrlExample = 'https://api-na.myconnectwise.net/v4_6_release/apis/3.0';

/** Error hooks for ConnectWise PSA responses, passed to getPsaJson. */
export const connectwiseErrorHooks: PsaErrorHooks = {
  baseUrlHint: `psa.baseUrl (the API root with its codebase, such as ${baseUrlExample})`,

  // ConnectWise responds to a missing record with JSON {code: 'NotFound'}. A 404 with an HTML or
  // text body comes from the web server in front, so the base URL is wrong.
  // NOTE: ConnectWise also returns NotFound for a ticket on a service board the API member
  // may not see, so such a ticket reads as missing.
  isRecordMissing: (response) => errorBody(response)?.code === 'NotFound',

  readMessage: (response) => {
    const body = errorBody(response);
    if (!body) return response.text.trim() || undefined;

    const items: unknown[] = Array.isArray(body.errors) ? body.errors : [];
    const nested = items.map((item) => readText(item)).filter(Boolean);
    return nested.length > 0 ? nested.join('; ') : (readText(body) ?? readText(body, 'code'));
  },

  explainStatus: explainConnectwiseStatus,
};

/** ConnectWise's error body: `{code, message, errors: [{code, message, resource, field}]}`. */
type ConnectwiseErrorBody = Record<string, unknown>;

function errorBody(response: PsaHttpResponse): ConnectwiseErrorBody | undefined {
  const json = response.json;
  return json && typeof json === 'object' && !Array.isArray(json)
    ? (json as ConnectwiseErrorBody)
    : undefined;
}

function readText(item: unknown, key = 'message'): string | undefined {
  if (!item || typeof item !== 'object') return undefined;

  const value = (item as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function explainConnectwiseStatus(response: PsaHttpResponse): StatusExplanation | undefined {
  const status = response.status;

  // A request without the clientId header gets a plain-text response instead of JSON.
  if (status >= 400 && status < 500 && !errorBody(response) && /client\s*id/i.test(response.text)) {
    return {
      cause: 'ConnectWise PSA rejected the request because of its clientId',
      fix: 'Set psa.clientId to the client id registered on the ConnectWise developer portal.',
    };
  }
  if (status === 401) {
    return {
      cause: 'ConnectWise PSA rejected the API keys',
      fix:
        'Check psa.companyId and psa.publicKey in the config, the private key stored in the ' +
        'keychain as psa.privateKey, and that the API member is active and has a security role.',
    };
  }
  if (status === 403) {
    return {
      cause: "the API member's security role may not read this record",
      fix:
        "In ConnectWise PSA, give the API member's security role Inquire access to Company " +
        'Maintenance, Contacts and Service Tickets.',
    };
  }
  if (status === 404) {
    return {
      cause: 'the API path was not found, so psa.baseUrl is probably wrong',
      fix: `Set psa.baseUrl to the API root with its codebase, such as ${baseUrlExample}.`,
    };
  }
  return undefined;
}
