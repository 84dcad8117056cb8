import type { AxiosAdapter } from 'axios';
import type { INetworkModule } from '@azure/msal-node';
import type { Config } from '../../shared/config';
import type { PopResult } from '../../shared/result';
import { buildFormCatalogue, type FormCatalogue } from './forms/catalogue';
import { createGraphClient } from './graph/graph-client';
import { indexCompanies } from './pipeline/find-company';
import { resolvePop } from './pipeline/resolve-pop';
import { createLazyPsaClient } from './psa/create-client';
import type { SecretStore } from './secrets/names';
import { createSecretRedactor } from './secrets/redact';
import { requireSecret } from './secrets/require-secret';

/** A screen pop's query as it arrived; repeated parameters keep their first value. */
export type RawPopQuery = Record<string, string | undefined>;

export interface ToolboxOptions {
  config: Config;
  secrets: SecretStore;
  /** HTTP transport for PSA and Graph calls; the Electron build passes one built on net.fetch. */
  adapter?: AxiosAdapter;
  /** msal-node network client; the Electron build passes one built on net.fetch. */
  networkClient?: INetworkModule;
}

/** The core, built once from a config. Its resolvePop returns a result for every pop, bad ones included. */
export interface Toolbox {
  readonly config: Config;
  readonly forms: FormCatalogue;
  resolvePop(query: RawPopQuery, signal?: AbortSignal): Promise<PopResult>;
  /** Names of the forms a pop can open, built-in and from the config file. */
  formNames(): string[];
}

/**
 * Builds the core from a validated config. Throws config_invalid for bad form
 * definitions. Secrets are read from the keychain on first use, so a secret
 * that is not set yet fails the pops that need it, not the start.
 */
export function createToolbox(options: ToolboxOptions): Toolbox {
  const { config, adapter, networkClient } = options;
  const redactor = createSecretRedactor(options.secrets);
  const secrets = redactor.store;
  const forms = buildFormCatalogue(config);
  const psa = createLazyPsaClient(config.psa, secrets, adapter);
  const directory = config.graph
    ? createGraphClient(config.graph, {
        getClientSecret: () => requireSecret(secrets, 'graph.clientSecret'),
        adapter,
        networkClient,
      })
    : undefined;
  const deps = { config, companies: indexCompanies(config.companies), forms, psa, directory };

  return {
    config,
    forms,
    resolvePop: async (query, signal) => redactor.redact(await resolvePop(query, deps, signal)),
    formNames: () => forms.names(),
  };
}
