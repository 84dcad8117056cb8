import type { Config } from '../../../shared/config';
import { formatIssueLine } from '../config/issues';
import { loadConfig } from '../config/load';
import { resolvePaths, type ToolboxPaths } from '../config/paths';
import { configureLogging } from '../log';
import { createKeytarStore } from '../secrets/keytar-store';
import { keychainService, type SecretStore } from '../secrets/names';

export { KEYCHAIN_SERVICE_ENV_VAR } from '../secrets/names';

/** Help text lines shared by every command that reads the config file. */
export const configOptionHelp =
  '  --config <file>  Config file to use (default: TOOLBOX_CONFIG, then config.json in the app\n' +
  '                   data folder). history.json and logs/ are kept next to it.';

export interface CliContext {
  paths: ToolboxPaths;
  config: Config;
}

/** Prints one `warning:` line to stderr, which every command keeps free of its own output. */
export function printWarning(line: string): void {
  process.stderr.write(`warning: ${line}\n`);
}

/**
 * Resolves the file paths, sends log lines to `logs/toolbox.log` (and to the console unless
 * `quiet`), then loads the config file and prints a warning for each setting that is valid but
 * would fail when a screen pop arrives.
 */
export async function loadCliContext(
  configOption: string | undefined,
  options: { quiet: boolean },
): Promise<CliContext> {
  const paths = resolvePaths(configOption);
  configureLogging({ file: paths.log, quiet: options.quiet });

  const { config, warnings } = await loadConfig(paths.config);
  for (const warning of warnings) printWarning(formatIssueLine(warning));
  return { paths, config };
}

/** Opens the OS keychain under the default service, or the one TOOLBOX_KEYCHAIN_SERVICE names. */
export function createCliSecretStore(): SecretStore {
  return createKeytarStore({ service: keychainService() });
}
