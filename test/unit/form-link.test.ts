import { describe, expect, it } from 'vitest';
import { buildFormLink, findLinkProblem, MAX_LINK_LENGTH } from '../../electron/core/forms/link';

const form = {
  name: 'password_reset',
  label: 'Password reset',
  formId: 'f-123',
  directoryUser: 'required' as const,
  prefill: { user: '{{ user.userPrincipalName }}', name: '{{ contact.firstName }} {{ contact.lastName }}' },
};
const rewst = 'https://app.rewst.io';

describe('buildFormLink', () => {
  it('builds the Rewst form path', () => {
    const { link } = buildFormLink(rewst, form, {});
    expect(link).toBe('https://app.rewst.io/form/f-123');
  });

  it('encodes plus, hash and ampersand once', () => {
    const { link } = buildFormLink(rewst, form, { 'user.userPrincipalName': "o'brien+it#1&x@contoso.com" });
    expect(new URL(link).searchParams.get('user')).toBe("o'brien+it#1&x@contoso.com");
  });

  it('does not double-encode percent signs', () => {
    const { link } = buildFormLink(rewst, form, { 'user.userPrincipalName': '100%@contoso.com' });
    expect(link).toContain('user=100%25%40contoso.com');
  });

  it('keeps Unicode names intact', () => {
    const { link } = buildFormLink(rewst, form, { 'contact.firstName': 'Zoë', 'contact.lastName': '山田' });
    expect(new URL(link).searchParams.get('name')).toBe('Zoë 山田');
  });

  it('lists parameters left out', () => {
    const { omitted } = buildFormLink(rewst, form, { 'contact.firstName': 'Ann' });
    expect(omitted).toEqual(['user']);
  });
});

describe('findLinkProblem', () => {
  it.each([
    ['https://app.rewst.io/form/1', undefined],
    ['http://app.rewst.io/form/1', 'http:'],
    ['https://app.rewst.io.evil.example/form/1', 'app.rewst.io.evil.example'],
    ['https://app.rewst.io@evil.example/form/1', 'user name or password'],
    ['https://user@app.rewst.io/form/1', 'user name or password'],
    ['javascript:alert(1)', 'javascript:'],
    ['not a url', 'not an absolute URL'],
    [`https://app.rewst.io/form/1?x=${'a'.repeat(MAX_LINK_LENGTH)}`, 'characters long'],
  ])('%s', (link, expected) => {
    const problem = findLinkProblem(link, rewst);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toContain(expected);
  });

  it('accepts http on a loopback Rewst', () => {
    expect(findLinkProblem('http://127.0.0.1:9000/form/1', 'http://127.0.0.1:9000')).toBeUndefined();
  });

  it('rejects another port on a loopback Rewst', () => {
    expect(findLinkProblem('http://127.0.0.1:9001/form/1', 'http://127.0.0.1:9000')).toContain('127.0.0.1:9001');
  });
});
