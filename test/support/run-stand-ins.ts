/**
 * `npm run stand-ins -- [--psa connectwise|autotask|halo] [--dir <folder>] [--serve]
 *                      [--ports <psa>,<identity>,<rewst>[,<listener>]]`
 *
 * Ports default to 17401, 17402 and 17403, and the listener's to 17345.
 *
 * Starts loopback stand-ins for a PSA, Microsoft's identity platform with Graph, and Rewst, writes
 * a config that points at them, stores their test secrets in the keychain under a service of their
 * own (so real entries are never touched), and prints how to start the app against them. With
 * --serve it also runs the listener (`toolbox serve`) against them as a child process. For trying
 * the app without real accounts; stops on Ctrl+C, SIGTERM, or when the process that started it
 * exits.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { watchParentProcess } from '../../electron/core/cli/stop-request';
import { toToolboxError } from '../../electron/core/errors';
import { configureLogging } from '../../electron/core/log';
import { createKeytarStore } from '../../electron/core/secrets/keytar-store';
import type { SecretName } from '../../electron/core/secrets/names';
import type { PsaType } from './psa-stand-in';
import { startStandIns, type StandIns } from './stand-ins';
import { parseStandInOptions, StandInError, type StandInPorts } from './stand-ins-options';
import { startServeChild, type ServeChild } from './stand-ins-serve';
import { runWithTrustedTestCertificate } from './trusted-tls';

const KEYCHAIN_SERVICE = 'technician-toolbox-stand-ins';
const POP_QUERY = 'ticket_id=5001&company_id=250&contact_id=101&form_name=password_reset';

/** Turns a busy port into a one-line error that names it and the --ports option. */
async function startOnPorts(psa: PsaType, ports: StandInPorts): Promise<StandIns> {
  try {
    return await startStandIns({ psa, ports });
  } catch (error) {
    const { code, port } = error as NodeJS.ErrnoException & { port?: number };
    if (code !== 'EADDRINUSE') throw error;
    const name = Object.entries(ports).find(([, value]) => value === port)?.[0] ?? 'a';
    throw new StandInError(
      `Port ${port} on 127.0.0.1 is already in use, so the ${name} stand-in cannot start; stop ` +
        'the program on it (often stand-ins from an earlier run) or choose free ports with ' +
        '--ports <psa>,<identity>,<rewst>.',
    );
  }
}

async function storeSecrets(secrets: StandIns['secrets']): Promise<boolean> {
  try {
    const store = createKeytarStore({ service: KEYCHAIN_SERVICE });
    for (const [name, value] of Object.entries(secrets)) {
      await store.set(name as SecretName, value ?? '');
    }
    return true;
  } catch (error) {
    const { message, fix } = toToolboxError(error);
    console.error(`The test secrets were not stored, because the keychain failed: ${message}`);
    if (fix) console.error(`fix: ${fix}`);
    return false;
  }
}

function secretCommands(secrets: StandIns['secrets'], env: string): string {
  const lines = Object.entries(secrets).map(
    ([name, value]) => `  printf %s '${value}' | ${env} npm run toolbox -- secret set ${name}`,
  );
  return `Store the test secrets once the keychain works:\n${lines.join('\n')}`;
}

let stopping = false;

/** Resolves on the first SIGINT or SIGTERM, when this process's parent exits, or the listener. */
function waitForStop(serve: ServeChild | undefined): Promise<void> {
  return new Promise((resolve) => {
    // Repeats are ignored, because Ctrl+C reaches this process both from the terminal and
    // through the parent that created the test certificate.
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
    watchParentProcess(() => resolve());
    void serve?.exited.then((code) => {
      if (stopping) return;
      console.error(`error: the listener exited with code ${code}, so the stand-ins stop too.`);
      process.exitCode = 1;
      resolve();
    });
  });
}

async function main(): Promise<void> {
  const options = parseStandInOptions();
  await runWithTrustedTestCertificate();
  configureLogging({ quiet: true });

  const standIns = await startOnPorts(options.psa, options.ports);
  const dir = options.dir ?? path.join(os.tmpdir(), 'technician-toolbox-stand-ins');
  const configPath = path.join(dir, 'config.json');
  const configInput = {
    ...standIns.configInput,
    listener: { ...standIns.configInput.listener, port: options.listenerPort },
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(configPath, `${JSON.stringify(configInput, null, 2)}\n`);

  const secretsStored = await storeSecrets(standIns.secrets);
  const env =
    `TOOLBOX_KEYCHAIN_SERVICE=${KEYCHAIN_SERVICE} ` +
    `NODE_EXTRA_CA_CERTS=${process.env.NODE_EXTRA_CA_CERTS}`;
  const secretsLine = secretsStored
    ? `Test secrets are stored in the keychain under the service ${KEYCHAIN_SERVICE}.`
    : secretCommands(standIns.secrets, env);
  const next = options.serve
    ? 'The listener starts below. Then open a screen pop in the browser:'
    : `Start the listener in another terminal:\n  ${env} npm run toolbox -- serve --config ` +
      `"${configPath}"\nThen open a screen pop in the browser:`;

  console.log(`Stand-ins are running; Ctrl+C stops them.
  ${options.psa.padEnd(16)} ${standIns.psa.url}
  identity + Graph ${standIns.identity.url}
  Rewst            ${standIns.rewst.baseUrl}
Config: ${configPath}
${secretsLine}

${next}
  http://127.0.0.1:${options.listenerPort}/pop?${POP_QUERY}`);

  const serve = options.serve ? startServeChild(configPath, KEYCHAIN_SERVICE) : undefined;
  await waitForStop(serve);
  stopping = true;
  await serve?.stop();
  await standIns.close();
  process.exit();
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const isExpected = error instanceof StandInError || code.startsWith('ERR_PARSE_ARGS');
  const text = error instanceof Error ? error.message : String(error);
  console.error(`error: ${isExpected || !(error instanceof Error) ? text : error.stack}`);
  process.exit(1);
});
