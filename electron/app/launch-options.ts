import { parsePortOption, UsageError } from '../core/cli/command';

/** The tray app's own command-line options, with the meaning they have for `toolbox serve`. */
export interface LaunchOptions {
  /** Config file to use instead of TOOLBOX_CONFIG and the default one. */
  config?: string;
  /** Port that takes the place of listener.port. */
  port?: number;
}

const optionNames = ['config', 'port'] as const;
type OptionName = (typeof optionNames)[number];

function isOptionName(name: string): name is OptionName {
  return (optionNames as readonly string[]).includes(name);
}

/**
 * Reads `--config <file>` and `--port <number>` (or `--name=value`) from the process arguments.
 * Electron's and Chromium's own switches (`--no-sandbox`, `--inspect=0`, ...) and positional
 * arguments such as the app folder are skipped, so `process.argv.slice(1)` can be passed as it
 * is. Throws a UsageError for a missing value or a port outside 1024 to 65535.
 */
export function parseLaunchOptions(args: readonly string[]): LaunchOptions {
  const values: Partial<Record<OptionName, string>> = {};

  for (let index = 0; index < args.length; index += 1) {
    const match = /^--([^=]+)(?:=(.*))?$/s.exec(args[index] ?? '');
    const name = match?.[1];
    if (!match || name === undefined || !isOptionName(name)) continue;

    let value = match[2];
    if (value === undefined) {
      const next = args[index + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        index += 1;
      }
    }
    if (!value) throw new UsageError(`Option --${name} needs a value.`);
    values[name] = value;
  }

  return { config: values.config, port: parsePortOption(values.port, 'tray app') };
}
