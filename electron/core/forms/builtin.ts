import type { DirectoryUserNeed } from '../../../shared/config';

/** A form the app can open: its Rewst id, whether it needs a directory user, and its prefill map. */
export interface FormDefinition {
  name: string;
  label: string;
  /** The Rewst form id; a built-in form has none until the config file sets it. */
  formId?: string;
  directoryUser: DirectoryUserNeed;
  /** Query parameter name → template with `{{ path }}` placeholders. */
  prefill: Record<string, string>;
}

const callerFields = {
  org_id: '{{ org.id }}',
  ticket_id: '{{ ticket.id }}',
  first_name: '{{ contact.firstName }}',
  last_name: '{{ contact.lastName }}',
  email: '{{ contact.email }}',
};

/**
 * The five forms of Rewst's 1Stream Technician Toolbox crate. Parameter names
 * are defaults: an admin whose Rewst form fields are named differently
 * overrides `prefill` in the config file.
 */
export const builtinForms: readonly FormDefinition[] = [
  {
    name: 'password_reset',
    label: 'Password reset',
    directoryUser: 'required',
    prefill: { ...callerFields, user: '{{ user.userPrincipalName }}', user_id: '{{ user.id }}' },
  },
  {
    // A new starter has no account yet, so the caller (usually a manager) is only context.
    name: 'user_onboarding',
    label: 'User onboarding',
    directoryUser: 'none',
    prefill: { ...callerFields, phone: '{{ contact.phone }}' },
  },
  {
    name: 'user_offboarding',
    label: 'User offboarding',
    directoryUser: 'optional',
    prefill: { ...callerFields, user: '{{ user.userPrincipalName }}', user_id: '{{ user.id }}' },
  },
  {
    name: 'reset_mfa',
    label: 'Reset MFA',
    directoryUser: 'required',
    prefill: { ...callerFields, user: '{{ user.userPrincipalName }}', user_id: '{{ user.id }}' },
  },
  {
    name: 'group_membership',
    label: 'Group membership',
    directoryUser: 'optional',
    prefill: { ...callerFields, user: '{{ user.userPrincipalName }}', user_id: '{{ user.id }}' },
  },
];
