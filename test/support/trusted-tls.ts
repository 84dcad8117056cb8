import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_CERT_ENV, TEST_KEY_ENV, createTestCertificate, writeExtraCaBundle } from './tls';

/**
 * For scripts run outside vitest (benchmark, stand-ins): makes sure the
 * process trusts a fresh loopback test certificate. Node reads
 * NODE_EXTRA_CA_CERTS only at start-up, so the first call creates the
 * certificate and runs the same script again in a child process with it set,
 * then exits with the child's status. Returns the certificate's path in the
 * child.
 */
export function runWithTrustedTestCertificate(): string {
  const certPath = process.env[TEST_CERT_ENV];
  if (certPath && process.env.NODE_EXTRA_CA_CERTS) return certPath;

  const dir = mkdtempSync(join(tmpdir(), 'toolbox-tls-'));
  const files = createTestCertificate(dir);
  const env = {
    ...process.env,
    NODE_EXTRA_CA_CERTS: writeExtraCaBundle(dir, files.certPath),
    [TEST_CERT_ENV]: files.certPath,
    [TEST_KEY_ENV]: files.keyPath,
  };
  const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { env, stdio: 'inherit' });
  process.exit(child.status ?? 1);
}
