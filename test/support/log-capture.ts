import log from 'electron-log/node';

/** Lines logged through electron-log while a capture is on, as one string each. */
export interface LogCapture {
  lines: string[];
  /** Removes the capture transport. */
  stop(): void;
}

/** Renders one log argument as the console would, errors with their stack. */
function formatArgument(argument: unknown): string {
  if (argument instanceof Error) return argument.stack ?? `${argument.name}: ${argument.message}`;
  return typeof argument === 'string' ? argument : JSON.stringify(argument);
}

/**
 * Adds an electron-log transport that stores every line of level debug and above, with its
 * level and scope, such as `warn [listener] Rejected a request ...`.
 */
export function captureLog(): LogCapture {
  const lines: string[] = [];
  const transport = Object.assign(
    (message: { level: string; scope?: string; data: unknown[] }) => {
      const text = message.data.map(formatArgument).join(' ');
      lines.push(`${message.level} [${message.scope ?? ''}] ${text}`);
    },
    { level: 'debug' as const, transforms: [] },
  );
  log.transports.capture = transport;

  return {
    lines,
    stop() {
      delete log.transports.capture;
    },
  };
}
