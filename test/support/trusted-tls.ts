import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchParentProcess } from '../../electron/core/cli/stop-request';
import { TEST_CERT_ENV, TEST_KEY_ENV, createTestCertificate, writeExtraCaBundle } from './tls';

const forwardedSignals = ['SIGINT', 'SIGTERM'] as const;

/**
 * For scripts run outside vitest (benchmark, stand-ins): makes sure the process trusts a fresh
 * loopback test certificate. Node reads NODE_EXTRA_CA_CERTS only at start-up, so the first call
 * creates the certificate in a `toolbox-tls-*` temp folder and runs the same script again in a
 * child process with it set. In the child, the returned promise resolves with the certificate's
 * path. In the parent it never resolves: the parent passes SIGINT and SIGTERM on to the child,
 * stops the child when its own parent exits, deletes the folder (test CA key included) once the
 * child has exited, and exits with the child's status.
 */
export function runWithTrustedTestCertificate(): Promise<string> {
  const certPath = process.env[TEST_CERT_ENV];
  if (certPath && process.env.NODE_EXTRA_CA_CERTS) return Promise.resolve(certPath);

  const dir = mkdtempSync(join(tmpdir(), 'toolbox-tls-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  // NOTE: a SIGKILL of this process leaves the folder behind; nothing can run after it.
  process.once('exit', removeDir);

  const files = createTestCertificate(dir);
  const env = {
    ...process.env,
    NODE_EXTRA_CA_CERTS: writeExtraCaBundle(dir, files.certPath),
    [TEST_CERT_ENV]: files.certPath,
    [TEST_KEY_ENV]: files.keyPath,
  };
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    env,
    stdio: 'inherit',
  });

  // The handlers stay installed, so this process outlives the signal and cleans up after the
  // child. Ctrl+C in a terminal reaches the child directly too, and the child ignores repeats.
  for (const signal of forwardedSignals) process.on(signal, () => child.kill(signal));
  const stopWatching = watchParentProcess(() => child.kill('SIGTERM'));

  child.once('error', (error) => {
    process.stderr.write(`error: ${process.execPath} could not start: ${error.message}\n`);
    process.exit(1);
  });
  child.once('exit', (code, signal) => {
    stopWatching();
    removeDir();
    process.exit(code ?? (signal ? 1 : 0));
  });
  return new Promise<string>(() => undefined);
}
