import os from 'node:os';

import { app } from 'electron';

import { autostartDir, isAutostartEnabled, setAutostart } from './xdg-autostart';

/** Reads and sets whether the app starts when the user logs in. */
export interface LoginItem {
  isEnabled(): Promise<boolean>;
  setEnabled(enabled: boolean): Promise<void>;
}

export interface LoginItemOptions {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  homeDir?: string;
  /** The executable to start; process.execPath unless a test sets it. */
  execPath?: string;
}

/**
 * Arguments after the executable. An unpackaged run (`electron .`) must name the app folder,
 * or the login item would start Electron's default app.
 */
function appArguments(): string[] {
  return app.isPackaged ? [] : [app.getAppPath()];
}

/**
 * The command that starts this app at login on Linux. An AppImage runs from a temporary mount
 * that changes on every start, so its entry must name the AppImage file ($APPIMAGE) instead.
 */
function linuxCommand(env: NodeJS.ProcessEnv, execPath: string): string[] {
  return [env.APPIMAGE || execPath, ...appArguments()];
}

/**
 * Creates the login item for this platform. macOS and Windows use app.setLoginItemSettings.
 * Electron does not support login items on Linux, so there the app writes an XDG autostart
 * entry in `~/.config/autostart`, which GNOME, KDE, Xfce and other desktops read at login.
 */
export function createLoginItem(options: LoginItemOptions = {}): LoginItem {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const execPath = options.execPath ?? process.execPath;

  if (platform === 'linux') {
    const dir = autostartDir(env, options.homeDir ?? os.homedir());
    return {
      isEnabled: () => isAutostartEnabled(dir),
      setEnabled: (enabled) => setAutostart(dir, enabled, linuxCommand(env, execPath)),
    };
  }

  // Windows compares path and args to find the registry entry, so both calls pass the same ones.
  const args = appArguments();
  return {
    isEnabled: async () => app.getLoginItemSettings({ path: execPath, args }).openAtLogin,
    setEnabled: async (enabled) => {
      app.setLoginItemSettings({ openAtLogin: enabled, path: execPath, args });
    },
  };
}
