import type { Config, PsaConfig } from '../../../shared/config';
import { toToolboxError } from '../errors';
import { secretNames, type SecretName, type SecretStore } from './names';
import { secretSetCommand } from './require-secret';

/** The keychain entry each PSA's client reads. */
export const psaSecretByType: Record<PsaConfig['type'], SecretName> = {
  connectwise: 'psa.privateKey',
  autotask: 'psa.secret',
  halo: 'psa.clientSecret',
};

/**
 * Lists the secrets that screen pops under `config` read: the PSA's, and Graph's when a graph
 * section exists. listener.apiKey is left out, because serve and the tray app refuse to start
 * without it when listener.requireApiKey is true.
 */
export function listNeededSecrets(config: Config): SecretName[] {
  const needed: SecretName[] = [psaSecretByType[config.psa.type]];
  if (config.graph) needed.push('graph.clientSecret');
  return needed;
}

/**
 * Checks the keychain for the secrets `config` needs and returns one warning line for each that
 * is missing, with the command that stores it. A keychain that cannot be read gives one line
 * with its error and fix. Values are never read or returned.
 */
export async function describeMissingSecrets(
  config: Config,
  store: SecretStore,
): Promise<string[]> {
  let stored: Set<SecretName>;
  try {
    stored = new Set(await store.list());
  } catch (error) {
    const keychainError = toToolboxError(error);
    return [
      `The stored secrets could not be checked, so screen pops may fail: ` +
        `${keychainError.message} ${keychainError.fix ?? ''}`.trim(),
    ];
  }

  return listNeededSecrets(config)
    .filter((name) => !stored.has(name))
    .map(
      (name) =>
        `${name} (${secretNames[name]}) is not set in the OS keychain, so screen pops fail with ` +
        `secret_missing until you run \`${secretSetCommand(name, store.service)}\`.`,
    );
}
