import type { Idp } from '../../../shared/config';
import { ToolboxError } from '../errors';
import type { DirectoryClient, DirectoryUser } from '../graph/types';
import { hasEntraAccounts } from './determine-idp';
import type { PopState } from './pop-state';
import type { StepOutcome } from './step-log';

/** A directory lookup to make: the tenant and address to look for. */
export interface DirectoryLookup {
  tenantId: string;
  /** The company the tenant belongs to, for messages. */
  companyName: string;
  email: string;
}

/**
 * Decides whether Graph is asked for the caller's user. Graph is asked only
 * when the form wants a user, the idp keeps accounts in Entra ID, the company
 * has a tenantId, Graph is configured and the contact has an email address.
 */
export function decideDirectoryLookup(
  state: PopState & { idp: Idp },
  directory: DirectoryClient | undefined,
): StepOutcome<DirectoryLookup | undefined> {
  const need = state.form?.directoryUser ?? 'none';
  const company = state.company;
  const skip = (detail: string) => ({ value: undefined, status: 'skipped' as const, detail });
  const warn = (detail: string) => ({ value: undefined, status: 'warning' as const, detail });

  if (need === 'none') return skip(`form ${state.form?.name} needs no directory user`);
  if (!hasEntraAccounts(state.idp)) {
    return skip('identity provider on_prem_only has no Entra accounts; the form is prefilled from the PSA contact');
  }
  if (!company?.tenantId) {
    return warn(`Company ${company?.name} has no tenantId in the config file, so its users cannot be looked up in Entra ID. Add the tenantId to its company mapping.`);
  }
  if (!directory) {
    return warn('Microsoft Graph is not configured (graph in the config file), so users cannot be looked up in Entra ID.');
  }
  if (!state.contact) return skip('no PSA contact to look up');
  if (!state.contact.email) {
    if (need === 'required') {
      throw new ToolboxError('directory_user_not_found', `Contact ${state.contact.id} has no email address in the PSA, so the user cannot be found in Entra ID.`, {
        fix: 'Add the user\'s email address to the contact in the PSA, or open the form with what is known and pick the user there.',
      });
    }
    return skip(`contact ${state.contact.id} has no email address, so no directory user was looked up`);
  }

  return {
    value: { tenantId: company.tenantId, companyName: company.name, email: state.contact.email },
    detail: `form ${state.form?.name} wants a ${need} directory user; looking up ${state.contact.email}`,
  };
}

/** Looks the caller up in Graph; a miss is directory_user_not_found, which the caller may soften. */
export async function findDirectoryUser(
  directory: DirectoryClient,
  lookup: DirectoryLookup,
  signal?: AbortSignal,
): Promise<StepOutcome<DirectoryUser>> {
  const user = await directory.findUserByEmail(lookup.tenantId, lookup.email, signal);
  if (!user) {
    throw new ToolboxError('directory_user_not_found', `No Entra ID user of ${lookup.companyName} (tenant ${lookup.tenantId}) has ${lookup.email} as UPN, mail or alias.`, {
      fix: 'Check the contact\'s email address in the PSA against the user in Entra ID, or open the form with what is known and pick the user there.',
    });
  }

  const disabled = user.accountEnabled === false;
  return {
    value: user,
    status: disabled ? 'warning' : 'ok',
    detail: `found ${user.userPrincipalName}${disabled ? ', whose account is disabled' : ''}`,
  };
}
