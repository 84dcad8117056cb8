import { countBlockedKeychainCalls } from '../secrets/keytar-store';

function flush(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/**
 * Ends the process with `code` once stdout and stderr are written. A keychain call that timed
 * out still occupies a libuv thread, and Node waits for that thread on exit. In that case the
 * process kills itself with SIGKILL, so its exit status is the signal's instead of `code`.
 */
export async function exitProcess(code: number): Promise<never> {
  if (countBlockedKeychainCalls() > 0) {
    process.stderr.write(
      'note: a keychain call is still blocked, so the process ends with SIGKILL.\n',
    );
  }
  await flush(process.stdout);
  await flush(process.stderr);

  if (countBlockedKeychainCalls() > 0) process.kill(process.pid, 'SIGKILL');
  process.exit(code);
}
