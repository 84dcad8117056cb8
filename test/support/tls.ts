import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Environment variables through which global setup hands the test certificate to the workers. */
export const TEST_CERT_ENV = 'TOOLBOX_TEST_CERT';
export const TEST_KEY_ENV = 'TOOLBOX_TEST_KEY';

export interface TestTlsFiles {
  certPath: string;
  keyPath: string;
}

/**
 * Creates a self-signed certificate (P-256, valid for 2 days) for 127.0.0.1 and
 * localhost in `dir` with the openssl CLI. Loopback test servers use it, and
 * clients trust it only through NODE_EXTRA_CA_CERTS, never by turning off verification.
 */
export function createTestCertificate(dir: string): TestTlsFiles {
  const certPath = join(dir, 'loopback-cert.pem');
  const keyPath = join(dir, 'loopback-key.pem');
  const args = [
    'req', '-x509', '-nodes', '-days', '2',
    '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
    '-keyout', keyPath, '-out', certPath,
    '-subj', '/CN=Technician Toolbox test loopback',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ];

  try {
    execFileSync('openssl', args, { stdio: 'pipe' });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(
      `openssl could not create the test certificate in ${dir}: ${stderr || String(error)}. ` +
        'Install the openssl package (Debian: apt-get install openssl).',
    );
  }

  return { certPath, keyPath };
}

/**
 * Writes a CA bundle of the certificates already named by NODE_EXTRA_CA_CERTS (if any)
 * followed by `certPath`, so a CI machine's own extra CAs stay trusted. Returns its path.
 */
export function writeExtraCaBundle(dir: string, certPath: string): string {
  const bundlePath = join(dir, 'extra-ca-bundle.pem');
  const previous = readOptionalFile(process.env.NODE_EXTRA_CA_CERTS);

  writeFileSync(bundlePath, previous + readFileSync(certPath, 'utf8'));
  return bundlePath;
}

/** Node only warns when NODE_EXTRA_CA_CERTS names a missing file, so the bundle skips it too. */
function readOptionalFile(path: string | undefined): string {
  if (!path) return '';

  try {
    return readFileSync(path, 'utf8').trim() + '\n';
  } catch {
    return '';
  }
}

/** Returns the certificate and key created by global setup, for `https.createServer`. */
export function readTestTls(): { cert: string; key: string } {
  const certPath = process.env[TEST_CERT_ENV];
  const keyPath = process.env[TEST_KEY_ENV];
  if (!certPath || !keyPath) {
    throw new Error(
      `${TEST_CERT_ENV} and ${TEST_KEY_ENV} are not set; run the tests through vitest, ` +
        'whose global setup (test/support/global-setup.ts) creates the test certificate.',
    );
  }

  return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') };
}
