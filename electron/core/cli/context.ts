import type { Config } from '../../../shared/config';
import { loadConfig } from '../config/load';
import { resolvePaths, type ToolboxPaths } from '../config/paths';
import { configureLogging } from '../log';
import { createKeytarStore } from '../secrets/keytar-store';
import type { SecretStore } from '../secrets/names';

/** Environment variable that replaces the keychain service name, so tests use their own entries. */
export const KEYCHAIN_SERVICE_ENV_VAR = 'TOOLBOX_KEYCHAIN_SERVICE';

/** Help text lines shared by every command that reads the config file. */
export const configOptionHelp =
  '  --config <file>  Config file to use (default: TOOLBOX_CONFIG, then config.json in the app\n' +
  '                   data folder). history.json and logs/ are kept next to it.';

export interface CliContext {
  paths: ToolboxPaths;
  config: Config;
}

/**
 * Resolves the file paths, sends log lines to `logs/toolbox.log` (and to the console unless
 * `quiet`), then loads the config file.
 */
export async function loadCliContext(
  configOption: string | undefined,
  options: { quiet: boolean },
): Promise<CliContext> {
  const paths = resolvePaths(configOption);
  configureLogging({ file: paths.log, quiet: options.quiet });

  const { config } = await loadConfig(paths.config);
  return { paths, config };
}

/** Opens the OS keychain under the default service, or the one TOOLBOX_KEYCHAIN_SERVICE names. */
export function createCliSecretStore(): SecretStore {
  const service = process.env[KEYCHAIN_SERVICE_ENV_VAR] || undefined;
  return createKeytarStore({ service });
}
