import { app, net, shell } from 'electron';

import { KEYCHAIN_SERVICE_ENV_VAR } from '../core/cli/context';
import { resolvePaths, type ToolboxPaths } from '../core/config/paths';
import type { Logger } from '../core/log';
import { createKeytarStore } from '../core/secrets/keytar-store';
import type { SecretStore } from '../core/secrets/names';
import { createFetchAdapter } from '../net/axios-adapter';
import { createFetchNetworkModule } from '../net/msal-network';
import type { FetchFunction } from '../net/net-errors';
import { createLinkOpener, type LinkOpener } from '../shell/link-opener';
import { createConfigFile, type ConfigFile } from './config-file';
import type { LaunchOptions } from './launch-options';
import { createRuntime, type Runtime } from './runtime';

/** The Electron-free services main wires to the tray, the windows and IPC. */
export interface Services {
  paths: ToolboxPaths;
  secrets: SecretStore;
  openLink: LinkOpener;
  runtime: Runtime;
  configFile: ConfigFile;
}

/**
 * Builds the services with Electron's adapters: PSA, Graph and sign-in requests go through
 * net.fetch (system proxy, PAC, OS certificate store), links through shell.openExternal behind
 * the allowlist, unless `openExternal` replaces it (the e2e hooks). The config file is chosen as
 * the CLI chooses it: the `--config` launch option, then TOOLBOX_CONFIG, then config.json in the
 * userData folder. The `--port` launch option takes the place of listener.port.
 */
export function createServices(
  log: Logger,
  launch: LaunchOptions,
  openExternal?: (url: string) => Promise<void>,
): Services {
  const paths = resolvePaths(launch.config);
  const secrets = createKeytarStore({
    service: process.env[KEYCHAIN_SERVICE_ENV_VAR] || undefined,
  });
  const fetchFunction: FetchFunction = (url, init) => net.fetch(url, init);

  // The opener reads the Rewst host from the runtime's config at each call, after both exist.
  const openLink = createLinkOpener({
    getRewstBaseUrl: () => runtime.config()?.rewst.baseUrl,
    openExternal: openExternal ?? ((url) => shell.openExternal(url)),
    log,
  });
  const runtime = createRuntime({
    paths,
    version: app.getVersion(),
    secrets,
    listenerPort: launch.port,
    network: {
      adapter: createFetchAdapter(fetchFunction),
      networkClient: createFetchNetworkModule(fetchFunction),
    },
    openLink,
  });
  const configFile = createConfigFile({
    path: paths.config,
    onSaved: (config) => runtime.applyConfig(config),
    log,
  });

  return { paths, secrets, openLink, runtime, configFile };
}
