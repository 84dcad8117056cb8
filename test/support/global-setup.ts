import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { TEST_CERT_ENV, TEST_KEY_ENV, createTestCertificate, writeExtraCaBundle } from './tls';

/**
 * Runs once before the test workers start. Environment set here reaches every
 * worker, which matters for variables Node reads only at start-up, such as
 * NODE_EXTRA_CA_CERTS: vitest copies process.env into each forked worker when
 * it starts the tests, and child processes that tests spawn inherit it from there.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'toolbox-test-tls-'));
  const previousExtraCa = process.env.NODE_EXTRA_CA_CERTS;
  const { certPath, keyPath } = createTestCertificate(dir);

  process.env.NODE_EXTRA_CA_CERTS = writeExtraCaBundle(dir, certPath);
  process.env[TEST_CERT_ENV] = certPath;
  process.env[TEST_KEY_ENV] = keyPath;

  return () => {
    if (previousExtraCa === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
    else process.env.NODE_EXTRA_CA_CERTS = previousExtraCa;
    delete process.env[TEST_CERT_ENV];
    delete process.env[TEST_KEY_ENV];
    rmSync(dir, { recursive: true, force: true });
  };
}
