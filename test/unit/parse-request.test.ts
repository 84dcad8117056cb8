import { describe, expect, it } from 'vitest';
import { buildFormCatalogue } from '../../electron/core/forms/catalogue';
import { ToolboxError } from '../../electron/core/errors';
import { checkPopParams, readPopParams } from '../../electron/core/pipeline/parse-request';

const forms = buildFormCatalogue({
  rewst: { baseUrl: 'https://app.rewst.io', forms: { password_reset: { formId: 'pr-1' } } },
});
const complete = { ticket_id: '1001', company_id: '250', contact_id: '42', form_name: 'password_reset' };

function failure(query: Record<string, string | undefined>): ToolboxError {
  try {
    checkPopParams(query, forms);
  } catch (error) {
    if (error instanceof ToolboxError) return error;
    throw error;
  }
  throw new Error('checkPopParams accepted the query');
}

describe('readPopParams', () => {
  it('trims values', () => {
    expect(readPopParams({ company_id: ' 250 ' }).companyId).toBe('250');
  });

  it.each(['', '  ', '0', 'null', 'NULL', 'undefined', '@contactid', '@ContactID'])('treats %j as missing', (value) => {
    expect(readPopParams({ contact_id: value }).contactId).toBeUndefined();
  });

  it('drops leading zeros of ids', () => {
    expect(readPopParams({ contact_id: '00101' }).contactId).toBe('101');
  });

  it('treats all-zero ids as missing', () => {
    expect(readPopParams({ contact_id: '000' }).contactId).toBeUndefined();
  });

  it('ignores unknown parameters', () => {
    expect(readPopParams({ company_id: '1', extra: 'x' })).toEqual({ companyId: '1' });
  });
});

describe('checkPopParams', () => {
  it('accepts a complete pop', () => {
    expect(checkPopParams(complete, forms).form.formId).toBe('pr-1');
  });

  it('accepts a pop without ticket', () => {
    expect(checkPopParams({ ...complete, ticket_id: '@ticketid' }, forms).params.ticketId).toBeUndefined();
  });

  it('accepts a pop with only a ticket', () => {
    expect(checkPopParams({ ticket_id: '1001', form_name: 'password_reset' }, forms).params).toEqual({
      ticketId: '1001',
      formName: 'password_reset',
    });
  });

  it('accepts a pop with only a contact', () => {
    expect(checkPopParams({ contact_id: '42', form_name: 'password_reset' }, forms).params.contactId).toBe('42');
  });

  it('names every id when only the form is known', () => {
    const error = failure({ form_name: 'password_reset', contact_id: '@contactid' });
    expect(error.missing).toEqual(['ticket_id', 'company_id', 'contact_id']);
  });

  it('says which ids the template must carry', () => {
    expect(failure({ form_name: 'password_reset' }).fix).toContain('contact_id=@contactid');
  });

  it('names a missing form', () => {
    expect(failure({ company_id: '250' }).missing).toEqual(['form_name']);
  });

  it('reports missing before invalid', () => {
    expect(failure({ company_id: 'abc' }).code).toBe('missing_param');
  });

  it('rejects a non-numeric contact id', () => {
    const error = failure({ ...complete, contact_id: '42abc' });
    expect(error.code).toBe('invalid_param');
    expect(error.message).toContain('"42abc"');
  });

  it('explains a negative id', () => {
    expect(failure({ ...complete, company_id: '-5' }).message).toContain('must be a positive whole number');
  });

  it('explains an id that is too long', () => {
    expect(failure({ ...complete, company_id: '9'.repeat(20) }).message).toContain('more than 18 digits');
  });

  it('shortens a huge value in the message', () => {
    expect(failure({ ...complete, contact_id: 'x'.repeat(3000) }).message.length).toBeLessThan(200);
  });

  it('rejects a non-numeric ticket id', () => {
    expect(failure({ ...complete, ticket_id: 'T-1' }).code).toBe('invalid_param');
  });

  it('lists configured forms for an unknown form', () => {
    const error = failure({ ...complete, form_name: 'format_disk' });
    expect(error.code).toBe('unknown_form');
    expect(error.message).toContain('password_reset');
  });

  it('explains a built-in form without form id', () => {
    expect(failure({ ...complete, form_name: 'reset_mfa' }).message).toContain('no Rewst formId');
  });
});
