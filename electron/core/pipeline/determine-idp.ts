import { idpValues, isIdp, type CompanyMapping, type Idp } from '../../../shared/config';
import { ToolboxError } from '../errors';
import type { StepOutcome } from './step-log';

/** Reads the company's identity provider, rejecting values the app cannot handle. */
export function determineIdp(company: CompanyMapping): StepOutcome<Idp> {
  if (!isIdp(company.idp)) {
    throw new ToolboxError(
      'unsupported_idp',
      `Company ${company.name} (PSA ${company.psaCompanyId}) has identity provider "${company.idp}", which is not supported.`,
      { fix: `Set its idp in the config file to one of ${idpValues.join(', ')}.` },
    );
  }

  return { value: company.idp, detail: `identity provider ${company.idp}` };
}

/** True when the idp keeps user accounts in Entra ID, where Graph can find them. */
export function hasEntraAccounts(idp: Idp): boolean {
  return idp !== 'on_prem_only';
}
