import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../renderer/src/details/redact';

describe('redactSecrets', () => {
  it.each([
    [
      'listener key in a pop URL',
      '/pop?form_name=x&key=s3cr3t-value',
      '/pop?form_name=x&key=[removed]',
    ],
    [
      'client secret in a form body',
      'client_secret=abc.def&scope=x',
      'client_secret=[removed]&scope=x',
    ],
    ['upper-case parameter', 'API_KEY=abc123', 'API_KEY=[removed]'],
    [
      'bearer token',
      'Authorization: Bearer eyJhbGciOi.payload.sig',
      'Authorization: Bearer [removed]',
    ],
    ['basic credentials', 'Basic dXNlcjpwYXNzd29yZA==', 'Basic [removed]'],
    [
      'private key block',
      'key: -----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY----- end',
      'key: [removed private key] end',
    ],
  ])('removes a %s', (_case, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it.each([
    ['a form name', 'form_name=password_reset'],
    ['a monkey parameter', 'monkey=banana'],
    ['a short word after Bearer', 'Bearer of bad news'],
    ['plain step text', 'contact 101 is Liam O’Brien, o’brien@contoso.com'],
  ])('keeps %s', (_case, input) => {
    expect(redactSecrets(input)).toBe(input);
  });
});
