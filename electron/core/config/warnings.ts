import { idpValues, isIdp, type Config } from '../../../shared/config';
import { previewValue, type IssueLine } from './issues';

/** Entra application (client) ids are GUIDs, such as 4f1d2c3b-5a6e-4b7c-8d9e-0a1b2c3d4e5f. */
const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Finds settings in a valid config that would fail only when a screen pop arrives: no company
 * mappings, an idp the app does not support, and a graph.clientId that is not a GUID. These are
 * warnings rather than errors, because one bad company must not stop the others.
 */
export function findConfigWarnings(config: Config): IssueLine[] {
  const warnings: IssueLine[] = [];

  if (config.companies.length === 0) {
    warnings.push({
      path: 'companies',
      problem: 'no company is mapped, so every screen pop fails with unknown_company',
      fix: 'add one entry per PSA company with psaCompanyId, name, rewstOrgId and idp',
    });
  }

  config.companies.forEach((company, index) => {
    if (isIdp(company.idp)) return;
    warnings.push({
      path: `companies[${index}].idp`,
      problem:
        `${company.name} has the unsupported idp ${previewValue(company.idp)}, so its screen ` +
        'pops fail with unsupported_idp',
      fix: `use one of: ${idpValues.join(', ')}`,
    });
  });

  if (config.graph && !guidPattern.test(config.graph.clientId)) {
    warnings.push({
      path: 'graph.clientId',
      problem:
        `${previewValue(config.graph.clientId)} is not a GUID, so Graph sign-in fails for ` +
        'every directory lookup',
      fix:
        'use the Application (client) ID from the app registration\'s Overview page in the ' +
        'Entra admin center, such as 4f1d2c3b-5a6e-4b7c-8d9e-0a1b2c3d4e5f',
    });
  }
  return warnings;
}
