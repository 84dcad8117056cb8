import log from 'electron-log/node';

export type Logger = Pick<typeof log, 'info' | 'warn' | 'error' | 'debug'>;

let configured = false;

/**
 * Sends log lines to `file` (rotated at 1 MB) and, unless `quiet`, to the
 * console. Without a call, lines go to the console only.
 */
export function configureLogging(options: { file?: string; quiet?: boolean } = {}): void {
  log.transports.file.level = options.file ? 'info' : false;
  if (options.file) {
    const file = options.file;
    log.transports.file.resolvePathFn = () => file;
    log.transports.file.maxSize = 1024 * 1024;
  }
  log.transports.console.level = options.quiet ? false : 'info';
  configured = true;
}

/** Creates a logger whose lines carry `[scope]`. Never pass a secret, token or auth header to it. */
export function createLogger(scope: string): Logger {
  if (!configured) configureLogging({ quiet: process.env.VITEST === 'true' });
  return log.scope(scope);
}
