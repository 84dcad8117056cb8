import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

/** A virtual X display started for a test. */
export interface VirtualDisplay {
  /** The DISPLAY value, such as `:99`. */
  display: string;
  stop(): void;
}

export function hasXvfb(): boolean {
  return spawnSync('sh', ['-c', 'command -v Xvfb'], { stdio: 'ignore' }).status === 0;
}

/**
 * Starts Xvfb on a free display number, as `xvfb-run -a` does, and resolves once it accepts
 * clients. Xvfb writes the number it picked to the file descriptor `-displayfd` names.
 */
export function startXvfb(timeoutMs = 10_000): Promise<VirtualDisplay> {
  const child: ChildProcess = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    },
  );

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`Xvfb did not report a display within ${timeoutMs} ms.`));
    }, timeoutMs);
    let output = '';
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const number = /^(\d+)\n/.exec(output)?.[1];
      if (!number) return;
      clearTimeout(timer);
      resolve({ display: `:${number}`, stop: () => child.kill() });
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
