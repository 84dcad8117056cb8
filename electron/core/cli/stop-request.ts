/** How often a long-running command checks that the process that started it still runs. */
export const PARENT_CHECK_INTERVAL_MS = 1000;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Calls `onGone` once the process that started this one has exited. On Linux and macOS the
 * kernel gives an orphan a new parent (init or a subreaper), so `process.ppid` changes. Windows
 * keeps the old parent id, so there the id is probed with signal 0. A process started by init
 * (parent id 1) is not watched. The timer is unref'd and keeps no process alive.
 */
export function watchParentProcess(
  onGone: (parentPid: number) => void,
  intervalMs = PARENT_CHECK_INTERVAL_MS,
): () => void {
  const parentPid = process.ppid;
  if (parentPid <= 1) return () => undefined;

  const timer = setInterval(() => {
    if (process.ppid === parentPid && isRunning(parentPid)) return;
    clearInterval(timer);
    onGone(parentPid);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Resolves with the reason to stop a long-running command: SIGINT, SIGTERM, or the exit of the
 * process that started it. The parent check matters under `npm run`, because npm 11 forwards
 * SIGTERM only to the `sh -c` it started. dash, Debian's sh, dies of the signal without passing
 * it on, so without the check the command would keep running as an orphan.
 */
export function waitForStopRequest(): Promise<string> {
  return new Promise((resolve) => {
    // Signals and the parent check both arrive asynchronously, after stopWatching is assigned.
    const stop = (reason: string) => {
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
      stopWatching();
      resolve(reason);
    };
    const onSigint = () => stop('after SIGINT');
    const onSigterm = () => stop('after SIGTERM');

    process.once('SIGINT', onSigint);
    process.once('SIGTERM', onSigterm);
    const stopWatching = watchParentProcess((pid) => {
      stop(`because its parent process ${pid} exited`);
    });
  });
}
