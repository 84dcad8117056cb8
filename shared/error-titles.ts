import type { ErrorCode } from './result';

/**
 * Heading for each error code, in the words a service-desk technician uses: the listener's error
 * page, the tray and the renderer all show these.
 */
export const errorTitles: Record<ErrorCode, string> = {
  missing_param: 'The screen pop is missing a value',
  invalid_param: 'The screen pop contains an invalid value',
  unknown_form: 'The form named in the screen pop is not configured',
  unauthorized: 'The screen pop was rejected: API key missing or wrong',
  forbidden_host: 'Request rejected: wrong address',
  method_not_allowed: 'Request method not allowed',
  fetch_mode_rejected: 'Request from a web page rejected',
  not_found: 'Page not found',
  request_too_large: 'Request too large',
  rate_limited: 'Too many screen pops at once',
  unknown_company: 'The PSA company is not mapped to a Rewst organization',
  unsupported_idp: 'The company’s identity provider is not supported for this form',
  ticket_not_found: 'The PSA ticket was not found',
  contact_not_found: 'The PSA contact was not found',
  directory_user_not_found: 'The caller was not found in the directory (Entra ID)',
  directory_user_ambiguous: 'More than one directory user matches the caller',
  link_rejected: 'The form link was blocked',
  psa_error: 'The PSA returned an error',
  graph_error: 'Microsoft Graph returned an error',
  psa_timeout: 'The PSA did not respond in time',
  graph_timeout: 'Microsoft Graph did not respond in time',
  config_invalid: 'The Technician Toolbox configuration is invalid',
  secret_missing: 'A required secret is not stored in the keychain',
  keychain_unavailable: 'The keychain could not be read',
  form_open_failed: 'The form could not be opened in your browser',
  shutting_down: 'Technician Toolbox is shutting down',
  internal_error: 'Technician Toolbox failed unexpectedly',
};
