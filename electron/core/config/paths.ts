import os from 'node:os';
import path from 'node:path';

/** Product name that Electron uses for the userData folder; matches package.json productName. */
export const PRODUCT_NAME = 'Technician Toolbox';

/** Environment variable that points at a config file to use instead of the default one. */
export const CONFIG_ENV_VAR = 'TOOLBOX_CONFIG';

/** File locations of the app. History and log sit next to the config file in use. */
export interface ToolboxPaths {
  config: string;
  history: string;
  log: string;
}

export interface PlatformInfo {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homeDir: string;
}

const currentPlatform = (): PlatformInfo => ({
  platform: process.platform,
  env: process.env,
  homeDir: os.homedir(),
});

/**
 * Returns the folder Electron's `app.getPath('userData')` uses for this product, so the
 * CLI and the tray app share one config: `%APPDATA%\Technician Toolbox` on Windows,
 * `~/Library/Application Support/Technician Toolbox` on macOS and
 * `$XDG_CONFIG_HOME/Technician Toolbox` (default `~/.config`) elsewhere.
 */
export function defaultConfigDir(info: PlatformInfo = currentPlatform()): string {
  const { platform, env, homeDir } = info;

  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(homeDir, 'AppData', 'Roaming');
    return path.win32.join(appData, PRODUCT_NAME);
  }
  if (platform === 'darwin') {
    return path.posix.join(homeDir, 'Library', 'Application Support', PRODUCT_NAME);
  }

  const configHome = env.XDG_CONFIG_HOME || path.posix.join(homeDir, '.config');
  return path.posix.join(configHome, PRODUCT_NAME);
}

/**
 * Resolves the config file (the `--config` option, then TOOLBOX_CONFIG, then the default
 * folder) and puts `history.json` and `logs/toolbox.log` beside it.
 */
export function resolvePaths(
  configOption?: string,
  info: PlatformInfo = currentPlatform(),
): ToolboxPaths {
  const chosen = configOption || info.env[CONFIG_ENV_VAR];
  const pathApi = info.platform === 'win32' ? path.win32 : path.posix;
  const config = chosen
    ? path.resolve(chosen)
    : pathApi.join(defaultConfigDir(info), 'config.json');
  const folder = pathApi.dirname(config);

  return {
    config,
    history: pathApi.join(folder, 'history.json'),
    log: pathApi.join(folder, 'logs', 'toolbox.log'),
  };
}
