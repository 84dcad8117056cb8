import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cliEntry, repositoryRoot } from './run-cli';

/** Time a listener gets to stop on its own (Ctrl+C reaches it too) before it is sent SIGTERM. */
const OWN_STOP_MS = 500;
/** Time after SIGTERM before the listener is killed. */
const SIGTERM_GRACE_MS = 5000;

export interface ServeChild {
  /** Resolves with the exit code when the listener exits, for whatever reason. */
  exited: Promise<number>;
  /** Stops the listener: waits briefly, then SIGTERM, then SIGKILL. Resolves once it is gone. */
  stop(): Promise<void>;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (hasExited(child)) return true;
  const timeout = new Promise<false>((resolve) => setTimeout(resolve, timeoutMs, false).unref());
  return Promise.race([once(child, 'exit').then(() => true), timeout]);
}

/**
 * Starts `toolbox serve --config <configPath>` as a child of this process, as
 * `npm run toolbox -- serve` runs it, with TOOLBOX_KEYCHAIN_SERVICE set to `keychainService` and
 * this process's environment otherwise (NODE_EXTRA_CA_CERTS and the D-Bus session included).
 * Its output goes to this process's stdout and stderr.
 */
export function startServeChild(configPath: string, keychainService: string): ServeChild {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', cliEntry, 'serve', '--config', configPath],
    {
      cwd: repositoryRoot,
      env: { ...process.env, TOOLBOX_KEYCHAIN_SERVICE: keychainService },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const exited = new Promise<number>((resolve) => {
    child.once('error', (error) => {
      process.stderr.write(`error: the listener could not start: ${error.message}\n`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

  return {
    exited,
    async stop() {
      if (await waitForExit(child, OWN_STOP_MS)) return;
      child.kill('SIGTERM');
      if (await waitForExit(child, SIGTERM_GRACE_MS)) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
