import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const repositoryRoot = path.resolve(__dirname, '../..');
export const cliEntry = path.join(repositoryRoot, 'electron/core/cli/main.ts');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  stdin?: string;
  /** Kills the child after this many ms, so a hang fails the test instead of stalling it. */
  killAfterMs?: number;
}

/** Starts `toolbox <args>` under Node with tsx's loader, as `npm run toolbox` does. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawnScript(cliEntry, args, env);
}

/** Starts a TypeScript file of the repository under Node with tsx's loader. */
export function spawnScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const entry = path.resolve(repositoryRoot, script);
  return spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, ...env, VITEST: undefined, VITEST_WORKER_ID: undefined },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Collects a child's output and resolves when it exits. */
export function waitForExit(child: ChildProcess, killAfterMs = 20_000): Promise<CliRun> {
  const started = Date.now();
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);

  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Runs `toolbox <args>` to completion, writing `stdin` (or nothing) to its standard input. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const child = spawnCli(args, options.env);
  child.stdin?.end(options.stdin ?? '');
  return waitForExit(child, options.killAfterMs);
}
