/**
 * `npm run stand-ins -- [--psa connectwise|autotask|halo] [--dir <folder>]`
 *
 * Starts loopback stand-ins for a PSA, Microsoft's identity platform with
 * Graph, and Rewst on fixed ports, writes a config that points at them,
 * stores their test secrets in the keychain under a service of their own (so
 * real entries are never touched), and prints how to start the app against
 * them. For trying the app without real accounts; stops on Ctrl+C.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { configureLogging } from '../../electron/core/log';
import { createKeytarStore } from '../../electron/core/secrets/keytar-store';
import type { SecretName } from '../../electron/core/secrets/names';
import { psaTypes, type PsaType } from './psa-stand-in';
import { startStandIns } from './stand-ins';
import { runWithTrustedTestCertificate } from './trusted-tls';

const KEYCHAIN_SERVICE = 'technician-toolbox-stand-ins';
const ports = { psa: 17401, identity: 17402, rewst: 17403 };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { psa: { type: 'string', default: 'connectwise' }, dir: { type: 'string' } },
  });
  const psa = values.psa as PsaType;
  if (!psaTypes.includes(psa)) throw new Error(`--psa "${values.psa}" is not one of ${psaTypes.join(', ')}.`);

  runWithTrustedTestCertificate();
  configureLogging({ quiet: true });
  const standIns = await startStandIns({ psa, ports });
  const dir = values.dir ?? path.join(os.tmpdir(), 'technician-toolbox-stand-ins');
  const configPath = path.join(dir, 'config.json');
  mkdirSync(dir, { recursive: true });
  writeFileSync(configPath, `${JSON.stringify(standIns.configInput, null, 2)}\n`);

  const secretsStored = await storeSecrets(standIns.secrets);
  const env = `TOOLBOX_KEYCHAIN_SERVICE=${KEYCHAIN_SERVICE} NODE_EXTRA_CA_CERTS=${process.env.NODE_EXTRA_CA_CERTS}`;
  const pop = 'http://127.0.0.1:17345/pop?ticket_id=5001&company_id=250&contact_id=101&form_name=password_reset';

  console.log(`Stand-ins are running; Ctrl+C stops them.
  ${psa.padEnd(16)} ${standIns.psa.url}
  identity + Graph https://127.0.0.1:${ports.identity}
  Rewst            ${standIns.rewst.baseUrl}
Config: ${configPath}
${secretsStored ? `Test secrets are stored in the keychain under the service ${KEYCHAIN_SERVICE}.` : secretCommands(standIns.secrets, env)}

Start the listener in another terminal:
  ${env} npm run toolbox -- serve --config "${configPath}"
Then open a screen pop in the browser:
  ${pop}`);
}

async function storeSecrets(secrets: Partial<Record<SecretName, string>>): Promise<boolean> {
  try {
    const store = createKeytarStore({ service: KEYCHAIN_SERVICE });
    for (const [name, value] of Object.entries(secrets)) await store.set(name as SecretName, value ?? '');
    return true;
  } catch (error) {
    console.error(`The keychain is not available (${error instanceof Error ? error.message : String(error)}).`);
    return false;
  }
}

function secretCommands(secrets: Partial<Record<SecretName, string>>, env: string): string {
  const lines = Object.entries(secrets).map(
    ([name, value]) => `  printf %s '${value}' | ${env} npm run toolbox -- secret set ${name}`,
  );
  return `Store the test secrets once the keychain works:\n${lines.join('\n')}`;
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
