import { describe, expect, it } from 'vitest';

import { redactSecrets } from '../../electron/app/logging';

describe('redactSecrets', () => {
  it.each([
    [
      'a bearer token',
      'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig',
      'Authorization: Bearer [redacted]',
    ],
    ['Basic credentials', 'header Basic Y29tcGFueStwdWI6cHJpdg==', 'header Basic [redacted]'],
    [
      'the pop key',
      'GET /pop?ticket_id=1&key=s3cr3t-key&form_name=x',
      'GET /pop?ticket_id=1&key=[redacted]&form_name=x',
    ],
    [
      'a client secret in a form',
      'grant_type=client_credentials&client_secret=abc123',
      'grant_type=client_credentials&client_secret=[redacted]',
    ],
    [
      'a secret in JSON',
      '{"client_secret":"abc123","scope":"all"}',
      '{"client_secret":"[redacted]","scope":"all"}',
    ],
  ])('redacts %s', (_case, text, redacted) => {
    expect(redactSecrets(text)).toBe(redacted);
  });

  it('leaves ids and names alone', () => {
    const line =
      'Screen pop ticket="5001" company="250" contact="101" form="password_reset" outcome=ok';
    expect(redactSecrets(line)).toBe(line);
  });
});
