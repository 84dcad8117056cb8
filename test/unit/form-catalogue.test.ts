import { describe, expect, it } from 'vitest';
import { buildFormCatalogue } from '../../electron/core/forms/catalogue';
import { ToolboxError } from '../../electron/core/errors';

const baseUrl = 'https://app.rewst.io';

describe('buildFormCatalogue', () => {
  it('ships the five crate forms', () => {
    const names = buildFormCatalogue({ rewst: { baseUrl, forms: {} } }).all().map((form) => form.name);
    expect(names).toEqual(['password_reset', 'user_onboarding', 'user_offboarding', 'reset_mfa', 'group_membership']);
  });

  it('offers only forms with a form id', () => {
    const catalogue = buildFormCatalogue({ rewst: { baseUrl, forms: { reset_mfa: { formId: 'm1' } } } });
    expect(catalogue.names()).toEqual(['reset_mfa']);
  });

  it('overrides a built-in form field by field', () => {
    const catalogue = buildFormCatalogue({ rewst: { baseUrl, forms: { reset_mfa: { formId: 'm1' } } } });
    expect(catalogue.get('reset_mfa')?.directoryUser).toBe('required');
  });

  it('replaces the prefill map whole', () => {
    const forms = { reset_mfa: { formId: 'm1', prefill: { upn: '{{ user.userPrincipalName }}' } } };
    const catalogue = buildFormCatalogue({ rewst: { baseUrl, forms } });
    expect(catalogue.get('reset_mfa')?.prefill).toEqual({ upn: '{{ user.userPrincipalName }}' });
  });

  it('adds a new form without code', () => {
    const forms = { mailbox_permissions: { formId: 'mb', directoryUser: 'required' as const, prefill: {} } };
    const catalogue = buildFormCatalogue({ rewst: { baseUrl, forms } });
    expect(catalogue.names()).toContain('mailbox_permissions');
  });

  it('rejects a new form without form id', () => {
    const build = () => buildFormCatalogue({ rewst: { baseUrl, forms: { custom: { prefill: {} } } } });
    expect(build).toThrow(/rewst\.forms\.custom\.formId/);
  });

  it('rejects an unknown placeholder by path', () => {
    const forms = { reset_mfa: { formId: 'm1', prefill: { upn: '{{ user.upn }}' } } };
    try {
      buildFormCatalogue({ rewst: { baseUrl, forms } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ToolboxError);
      expect((error as ToolboxError).message).toContain('rewst.forms.reset_mfa.prefill.upn: unknown placeholder {{ user.upn }}');
    }
  });
});
