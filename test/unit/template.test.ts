import { describe, expect, it } from 'vitest';
import { findUnknownPlaceholders, renderTemplate } from '../../electron/core/forms/template';

describe('renderTemplate', () => {
  it('fills a single placeholder', () => {
    expect(renderTemplate('{{ user.userPrincipalName }}', { 'user.userPrincipalName': 'jdoe@contoso.com' })).toBe(
      'jdoe@contoso.com',
    );
  });

  it('accepts placeholders without spaces', () => {
    expect(renderTemplate('{{ticket.id}}', { 'ticket.id': '42' })).toBe('42');
  });

  it('keeps literal text around placeholders', () => {
    expect(renderTemplate('Ticket #{{ ticket.id }}', { 'ticket.id': '42' })).toBe('Ticket #42');
  });

  it('returns undefined when every placeholder is empty', () => {
    expect(renderTemplate('{{ contact.firstName }} {{ contact.lastName }}', {})).toBeUndefined();
  });

  it('renders when some placeholders are empty', () => {
    expect(renderTemplate('{{ contact.firstName }} {{ contact.lastName }}', { 'contact.firstName': 'Zoë' })).toBe('Zoë');
  });

  it('keeps text without placeholders', () => {
    expect(renderTemplate('fixed', {})).toBe('fixed');
  });

  it('renders unknown paths as empty', () => {
    expect(renderTemplate('{{ process.env.HOME }}', {})).toBeUndefined();
  });

  it('does not evaluate expressions', () => {
    expect(renderTemplate('{{ 1 + 1 }}', {})).toBeUndefined();
  });

  it('does not re-expand placeholders inside values', () => {
    expect(renderTemplate('{{ contact.lastName }}', { 'contact.lastName': '{{ user.id }}' })).toBe('{{ user.id }}');
  });
});

describe('findUnknownPlaceholders', () => {
  it('lists unknown paths', () => {
    expect(findUnknownPlaceholders('{{ user.upn }} and {{ ticket.id }}')).toEqual(['user.upn']);
  });

  it('accepts every known path', () => {
    expect(findUnknownPlaceholders('{{ org.id }}{{ idp }}{{ form.name }}')).toEqual([]);
  });
});
