import { parseArgs, type ParseArgsConfig } from 'node:util';

/** One `npm run toolbox -- <name>` command. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help text, printed for `<name> --help`. */
  help: string;
  /** Runs the command and returns the process exit code. */
  run(args: string[]): Promise<number>;
}

/** Wrong or missing arguments; the CLI prints the message and points to the command's help. */
export class UsageError extends Error {
  readonly command?: string;

  constructor(message: string, command?: string) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

/** Exit code of a command that ended with an error. */
export const EXIT_FAILURE = 1;

/**
 * Runs node:util parseArgs in strict mode and turns its errors (unknown option, missing
 * value) into a UsageError for `command`.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(command: string, config: T) {
  try {
    return parseArgs({ strict: true, ...config });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS')) throw error;
    throw new UsageError((error as Error).message, command);
  }
}

/** Lowest and highest port the listener may use; listener.port in the config has the same range. */
export const MIN_PORT = 1024;
export const MAX_PORT = 65535;

/**
 * Parses a `--port` option. Ports below 1024 are left out, because they need administrator
 * rights on Linux and macOS, and listener.port in the config file rejects them too.
 */
export function parsePortOption(value: string | undefined, command: string): number | undefined {
  if (value === undefined) return undefined;

  const port = Number(value);
  if (!/^\d+$/.test(value) || port < MIN_PORT || port > MAX_PORT) {
    const range = `${MIN_PORT} to ${MAX_PORT}`;
    const message = `--port ${value} is not a usable TCP port; use a number from ${range}.`;
    throw new UsageError(message, command);
  }
  return port;
}
