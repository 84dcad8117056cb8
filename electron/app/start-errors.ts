import { ToolboxError } from '../core/errors';

/** Joins an error's message and fix into one sentence pair for the tray and the status. */
export function describeError(error: unknown): string {
  if (error instanceof ToolboxError)
    return error.fix ? `${error.message} ${error.fix}` : error.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Describes why the listener did not start. A port in use names the port, where to change it
 * (listener.port in Settings, or the `--port` launch option when that chose the port), and that
 * the 1Stream template must change with it.
 */
export function describeStartFailure(
  error: unknown,
  port: number,
  configFile: string,
  portSource: 'config' | 'option' = 'config',
): string {
  const cause =
    error instanceof ToolboxError ? (error.cause as NodeJS.ErrnoException | undefined) : undefined;
  if (cause?.code !== 'EADDRINUSE') return describeError(error);

  const change =
    portSource === 'option'
      ? 'start the app with another --port value'
      : `set listener.port to a free port in Settings (${configFile})`;
  return (
    `Port ${port} on 127.0.0.1 is already in use. Quit the program on that port (often ` +
    `another Technician Toolbox or \`toolbox serve\`), or ${change} and update the 1Stream ` +
    'Screen Pop URL to match.'
  );
}

/**
 * Describes a config that cannot be used, for the "needs setup" status. A missing file gets a
 * message of its own: the loader's fix names the repository's example file, which the tray
 * app replaces with Settings.
 */
export function describeSetupProblem(error: unknown, configFile?: string): string {
  const cause =
    error instanceof ToolboxError ? (error.cause as NodeJS.ErrnoException | undefined) : undefined;
  if (cause?.code === 'ENOENT' && configFile) {
    return `No config file at ${configFile} yet. Open Settings to write one.`;
  }

  const text = describeError(error);
  // The loader lists every problem on its own line; the status shows the first ones.
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.length <= 3
    ? lines.join(' ')
    : `${lines.slice(0, 3).join(' ')} (and more; open Settings)`;
}
