/**
 * Query parameters that carry credentials. The renderer never has a stored secret, so it
 * cannot remove one by value; it removes what looks like one instead.
 */
const secretParameterNames = [
  'key',
  'api_key',
  'apikey',
  'client_secret',
  'secret',
  'password',
  'passwd',
  'token',
  'access_token',
  'refresh_token',
  'code',
];
const secretParameter = new RegExp(`\\b(${secretParameterNames.join('|')})=([^&\\s"']+)`, 'gi');
const authorizationValue = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g;
const privateKeyBlock =
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g;

/** Replaces credential-shaped values in `text` with "[removed]". */
export function redactSecrets(text: string): string {
  return text
    .replace(privateKeyBlock, '[removed private key]')
    .replace(authorizationValue, '$1 [removed]')
    .replace(secretParameter, '$1=[removed]');
}
