import type { AxiosAdapter } from 'axios';
import type { INetworkModule } from '@azure/msal-node';
import type { Config } from '../../shared/config';
import type { PopResult } from '../../shared/result';
import type { SecretStore } from './secrets/names';

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

/** The core, built once from a config: resolves screen pops, never throws for a bad pop. */
export interface Toolbox {
  readonly config: Config;
  resolvePop(query: RawPopQuery, signal?: AbortSignal): Promise<PopResult>;
  /** Names of the configured forms, built-in and from the config file. */
  formNames(): string[];
}

/** Builds the core. TODO: implemented in the pipeline change that follows. */
export async function createToolbox(_options: ToolboxOptions): Promise<Toolbox> {
  throw new Error('not implemented yet');
}
