import type { Config, ConfigInput } from '../../shared/config';
import type { IpcResponse } from '../../shared/ipc';
import { checkConfigText } from '../../electron/core/config/check';
import { buildFormCatalogue, type FormCatalogue } from '../../electron/core/forms/catalogue';

type ConfigIssue = IpcResponse<'config:check'>['issues'][number];

/** The outcome of checking config text: the issues, and the config when there are none. */
export interface ConfigCheck {
  issues: ConfigIssue[];
  /** Settings that load but fail when a screen pop arrives, as main reports them. */
  warnings: ConfigIssue[];
  config?: Config;
  forms?: FormCatalogue;
}

/** Checks config text with the core's check, as main's config:check and config:save do. */
export function checkConfig(text: string): ConfigCheck {
  const check = checkConfigText(text);
  if (!check.ok) return { issues: check.problems, warnings: [] };
  const forms = buildFormCatalogue(check.config);
  return { issues: [], warnings: check.warnings, config: check.config, forms };
}

/** Pretty-prints a config the way an admin's file looks. */
export function configText(input: ConfigInput): string {
  return `${JSON.stringify(input, null, 2)}\n`;
}

/**
 * A config with one problem of each kind the settings view must show: a port out of range, a
 * string for a boolean, a secret in the file, a misspelt key and a tenant that cannot sign in.
 */
export function configTextWithErrors(valid: ConfigInput): string {
  const broken: Record<string, unknown> = structuredClone(valid);
  broken.listener = { port: 80, requireApiKey: 'yes', popMode: 'redirect' };
  broken.psa = { ...valid.psa, privateKey: 'pasted-by-mistake' };
  broken.graph = { clientID: '3b1d0f2e-0000-4e55-9a3c-2f7b8d9e0a11' };
  broken.companies = (valid.companies ?? []).map((company, index) =>
    index === 0 ? { ...company, tenantId: 'common' } : company,
  );
  return `${JSON.stringify(broken, null, 2)}\n`;
}
