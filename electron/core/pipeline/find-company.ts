import type { CompanyMapping } from '../../../shared/config';
import { ToolboxError } from '../errors';
import { capitalize } from '../text';
import type { StepOutcome } from './step-log';

/** The sources of the pop's company id, for the timeline. */
export interface CompanySources {
  /** company_id as the screen pop carried it. */
  pop?: string;
  /** The company the PSA files the caller's record under, and the record that names it. */
  record?: { companyId: string; from: string };
  /** The record that was read but carries no company, e.g. `contact 110`. */
  recordWithoutCompany?: string;
}

/** Indexes the company mappings by PSA company id, once per config. */
export function indexCompanies(companies: readonly CompanyMapping[]): ReadonlyMap<string, CompanyMapping> {
  return new Map(companies.map((company) => [company.psaCompanyId, company]));
}

/**
 * Finds the Rewst organization for the pop. The PSA record wins over the
 * pop's company_id, because 1Stream's ids can be up to an hour old. When the
 * record's company has no mapping but the pop's has, the pop's is used.
 * Either way a disagreement is returned as a warning.
 */
export function findCompany(companies: ReadonlyMap<string, CompanyMapping>, sources: CompanySources): StepOutcome<CompanyMapping> & { warning?: string } {
  const mapped = (id: string | undefined) => (id === undefined ? undefined : companies.get(id));
  const { pop, record } = sources;
  const recordCompany = mapped(record?.companyId);
  const popCompany = mapped(pop);
  const company = recordCompany ?? popCompany;
  const companyId = record?.companyId ?? pop;

  if (companyId === undefined) {
    const subject = sources.recordWithoutCompany
      ? `${capitalize(sources.recordWithoutCompany)} has no company the PSA API user can read`
      : 'No company could be found for the caller';
    throw new ToolboxError('unknown_company', `${subject}, and the screen pop carried no company_id.`, {
      fix:
        'Add company_id=@companyid to the 1Stream Screen Pop URL template, or let the PSA API ' +
        "user's security role read companies.",
    });
  }
  if (!company) {
    throw new ToolboxError('unknown_company', `PSA company ${companyId} is not mapped to a Rewst organization.`, {
      fix: `Add an entry with "psaCompanyId": "${companyId}", its rewstOrgId, idp and tenantId to companies in the config file.`,
    });
  }

  const origin = record && company === recordCompany ? `from ${record.from}` : 'from the screen pop';
  const detail = `PSA company ${company.psaCompanyId} (${origin}) is ${company.name}, Rewst org ${company.rewstOrgId}`;
  if (!record || !pop || record.companyId === pop) return { value: company, detail };

  const warning =
    company === recordCompany
      ? `The screen pop named PSA company ${pop}, but ${record.from} belongs to PSA company ${company.psaCompanyId} (${company.name}), so the form uses that company.`
      : `${capitalize(record.from)} belongs to PSA company ${record.companyId}, which has no mapping, so the form uses PSA company ${company.psaCompanyId} (${company.name}) from the screen pop.`;
  return { value: company, status: 'warning', detail: `${detail}; ${warning}`, warning };
}

