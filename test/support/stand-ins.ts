import { configSchema, type Config, type ConfigInput } from '../../shared/config';
import type { SecretName } from '../../electron/core/secrets/names';
import { connectwiseCredentials } from './connectwise-fixtures';
import { startConnectwiseServer, type ConnectwiseServer } from './connectwise-server';
import { contoso, fabrikam, northwind, testApp } from './identity-fixtures';
import { startIdentityServer, type IdentityServer } from './identity-server';
import { startRewstStandIn, type RewstStandIn } from './rewst-server';

/** Rewst form ids the stand-in config gives the five built-in forms. */
export const formIds = {
  password_reset: 'f-password-reset',
  user_onboarding: 'f-user-onboarding',
  user_offboarding: 'f-user-offboarding',
  reset_mfa: 'f-reset-mfa',
  group_membership: 'f-group-membership',
} as const;

/** PSA company ids of the stand-in config, named by the case each covers. */
export const companyIds = {
  contoso: '250',
  fabrikamOnPremOnly: '260',
  northwindNotConsented: '270',
  noTenant: '280',
  unsupportedIdp: '290',
} as const;

export interface StandIns {
  connectwise: ConnectwiseServer;
  identity: IdentityServer;
  rewst: RewstStandIn;
  /** The config file's content, pointing at the stand-ins. */
  configInput: ConfigInput;
  config: Config;
  /** The secrets the stand-ins accept. */
  secrets: Record<Extract<SecretName, 'psa.privateKey' | 'graph.clientSecret'>, string>;
  close(): Promise<void>;
}

export interface StandInPorts {
  connectwise?: number;
  identity?: number;
  rewst?: number;
}

/**
 * Starts loopback stand-ins for ConnectWise PSA, the Microsoft identity
 * platform with Graph, and Rewst, and builds a config that points at them.
 * The identity stand-in uses HTTPS, so the process must trust the test
 * certificate through NODE_EXTRA_CA_CERTS.
 */
export async function startStandIns(ports: StandInPorts = {}): Promise<StandIns> {
  const connectwise = await startConnectwiseServer({ port: ports.connectwise });
  const identity = await startIdentityServer({ port: ports.identity });
  const rewst = await startRewstStandIn(ports.rewst);

  const configInput: ConfigInput = {
    listener: { port: 17345, requireApiKey: false, popMode: 'redirect' },
    rewst: {
      baseUrl: rewst.baseUrl,
      forms: Object.fromEntries(Object.entries(formIds).map(([name, formId]) => [name, { formId }])),
    },
    psa: {
      type: 'connectwise',
      baseUrl: connectwise.baseUrl,
      companyId: connectwiseCredentials.companyId,
      publicKey: connectwiseCredentials.publicKey,
      clientId: connectwiseCredentials.clientId,
    },
    graph: { clientId: testApp.clientId, authorityHost: identity.url, baseUrl: identity.url },
    companies: [
      { psaCompanyId: '250', name: 'Contoso', rewstOrgId: 'org-contoso', idp: 'azure_ad', tenantId: contoso.id },
      { psaCompanyId: '260', name: 'Fabrikam, Inc.', rewstOrgId: 'org-fabrikam', idp: 'on_prem_only', tenantId: fabrikam.id },
      { psaCompanyId: '270', name: 'Northwind Traders', rewstOrgId: 'org-northwind', idp: 'hybrid_no_sync', tenantId: northwind.id },
      { psaCompanyId: '280', name: 'Tailspin Toys', rewstOrgId: 'org-tailspin', idp: 'azure_ad' },
      { psaCompanyId: '290', name: 'Wide World Importers', rewstOrgId: 'org-wideworld', idp: 'okta' },
    ],
  };

  return {
    connectwise,
    identity,
    rewst,
    configInput,
    config: configSchema.parse(configInput),
    secrets: { 'psa.privateKey': connectwiseCredentials.privateKey, 'graph.clientSecret': testApp.clientSecret },
    close: async () => {
      await Promise.all([connectwise.close(), identity.close(), rewst.close()]);
    },
  };
}
