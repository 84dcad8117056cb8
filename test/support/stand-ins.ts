import { configSchema, type Config, type ConfigInput } from '../../shared/config';
import type { SecretName } from '../../electron/core/secrets/names';
import { contoso, fabrikam, northwind, testApp } from './identity-fixtures';
import { startIdentityServer, type IdentityServer } from './identity-server';
import { startPsaStandIn, type PsaStandIn, type PsaType } from './psa-stand-in';
import { startRewstStandIn, type RewstStandIn } from './rewst-server';

/** Rewst form ids the stand-in config gives the five built-in forms. */
export const formIds = {
  password_reset: 'f-password-reset',
  user_onboarding: 'f-user-onboarding',
  user_offboarding: 'f-user-offboarding',
  reset_mfa: 'f-reset-mfa',
  group_membership: 'f-group-membership',
} as const;

export interface StandIns {
  psa: PsaStandIn;
  identity: IdentityServer;
  rewst: RewstStandIn;
  /** The config file's content, pointing at the stand-ins. */
  configInput: ConfigInput;
  config: Config;
  /** The secrets the stand-ins accept, by keychain entry. */
  secrets: Partial<Record<SecretName, string>>;
  close(): Promise<void>;
}

export interface StandInOptions {
  psa?: PsaType;
  ports?: { psa?: number; identity?: number; rewst?: number };
}

/**
 * The company mappings of the stand-in config. Each covers a case: Contoso
 * (azure_ad with a tenant), Fabrikam (on_prem_only), Northwind (a tenant that
 * never consented to the app), Tailspin (no tenantId) and Wide World
 * (an unsupported idp).
 */
export const standInCompanies: ConfigInput['companies'] = [
  { psaCompanyId: '250', name: 'Contoso', rewstOrgId: 'org-contoso', idp: 'azure_ad', tenantId: contoso.id },
  { psaCompanyId: '260', name: 'Fabrikam, Inc.', rewstOrgId: 'org-fabrikam', idp: 'on_prem_only', tenantId: fabrikam.id },
  { psaCompanyId: '270', name: 'Northwind Traders', rewstOrgId: 'org-northwind', idp: 'hybrid_no_sync', tenantId: northwind.id },
  { psaCompanyId: '280', name: 'Tailspin Toys', rewstOrgId: 'org-tailspin', idp: 'azure_ad' },
  { psaCompanyId: '290', name: 'Wide World Importers', rewstOrgId: 'org-wideworld', idp: 'okta' },
];

/**
 * Starts loopback stand-ins for a PSA (ConnectWise by default),
 * the Microsoft identity platform with Graph, and Rewst, and builds a config
 * that points at them. The identity stand-in uses HTTPS, so the process must
 * trust the test certificate through NODE_EXTRA_CA_CERTS.
 */
export async function startStandIns(options: StandInOptions = {}): Promise<StandIns> {
  const ports = options.ports ?? {};
  const started: Array<{ close(): Promise<void> }> = [];
  const track = <T extends { close(): Promise<void> }>(server: T): T => {
    started.push(server);
    return server;
  };

  let psa: PsaStandIn, identity: IdentityServer, rewst: RewstStandIn;
  try {
    psa = track(await startPsaStandIn(options.psa ?? 'connectwise', ports.psa));
    identity = track(await startIdentityServer({ port: ports.identity }));
    rewst = track(await startRewstStandIn(ports.rewst));
  } catch (error) {
    // One busy port must not leave the other stand-ins listening.
    await Promise.all(started.map((server) => server.close()));
    throw error;
  }

  const configInput: ConfigInput = {
    listener: { port: 17345, requireApiKey: false, popMode: 'redirect' },
    rewst: {
      baseUrl: rewst.baseUrl,
      forms: Object.fromEntries(Object.entries(formIds).map(([name, formId]) => [name, { formId }])),
    },
    psa: psa.config,
    graph: { clientId: testApp.clientId, authorityHost: identity.url, baseUrl: identity.url },
    companies: standInCompanies,
  };

  return {
    psa,
    identity,
    rewst,
    configInput,
    config: configSchema.parse(configInput),
    secrets: { [psa.secret.name]: psa.secret.value, 'graph.clientSecret': testApp.clientSecret },
    close: async () => {
      await Promise.all([psa.close(), identity.close(), rewst.close()]);
    },
  };
}
