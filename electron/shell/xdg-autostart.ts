import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** File name of the autostart entry; the reverse-DNS app id keeps it unique in the folder. */
export const AUTOSTART_FILE_NAME = 'com.technician-toolbox.app.desktop';

/** Returns the autostart folder: `$XDG_CONFIG_HOME/autostart`, by default `~/.config/autostart`. */
export function autostartDir(env: NodeJS.ProcessEnv, homeDir: string): string {
  const configHome =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)
      ? env.XDG_CONFIG_HOME
      : path.join(homeDir, '.config');
  return path.join(configHome, 'autostart');
}

/**
 * Quotes one argument of an Exec line as the Desktop Entry spec requires: inside double quotes,
 * `"`, `` ` ``, `$` and `\` are escaped with a backslash. Arguments without reserved characters
 * stay bare. A literal `%` is written `%%`, because `%` starts a field code.
 */
export function quoteExecArgument(argument: string): string {
  const escapedPercent = argument.replace(/%/g, '%%');
  if (!/[\s"'\\`$<>~|&;*?#()]/.test(escapedPercent)) return escapedPercent;
  return `"${escapedPercent.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** Builds the `.desktop` file that starts `command` at login. */
export function buildAutostartEntry(command: string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Technician Toolbox',
    'Comment=Turns 1Stream screen pops into prefilled Rewst forms',
    `Exec=${command.map(quoteExecArgument).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Reads whether this app's autostart entry exists and is not hidden (the spec's off switch). */
export async function isAutostartEnabled(dir: string): Promise<boolean> {
  try {
    const text = await readFile(path.join(dir, AUTOSTART_FILE_NAME), 'utf8');
    return !/^Hidden=true$/m.test(text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Writes or removes the autostart entry. Removing an entry that is not there is not an error. */
export async function setAutostart(
  dir: string,
  enabled: boolean,
  command: string[],
): Promise<void> {
  const file = path.join(dir, AUTOSTART_FILE_NAME);
  if (!enabled) {
    await rm(file, { force: true });
    return;
  }

  await mkdir(dir, { recursive: true });
  await writeFile(file, buildAutostartEntry(command), { mode: 0o644 });
}
