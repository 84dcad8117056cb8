import { execFileSync } from 'node:child_process';

/** Lists `pid` and every process below it, from ps (procps). */
export function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    const output = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
    children = output.split('\n').filter(Boolean).map(Number);
  } catch {
    // ps exits 1 when there are no children.
  }
  return [pid, ...children.flatMap(processTree)];
}

/**
 * Sends SIGKILL to each of `pids` that still runs. Tests that stop a process tree call it
 * afterwards, so a tree that failed to stop cannot hold ports for later tests.
 */
export function killLeftovers(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone, as it should be.
    }
  }
}
