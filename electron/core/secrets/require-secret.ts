import { ToolboxError } from '../errors';
import {
  KEYCHAIN_SERVICE,
  KEYCHAIN_SERVICE_ENV_VAR,
  keychainService,
  secretNames,
  type SecretName,
  type SecretStore,
} from './names';

/** Quotes `value` for a POSIX shell unless it contains only characters that need no quotes. */
function shellWord(value: string): string {
  return /^[\w.@%+=:,/-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Returns `TOOLBOX_KEYCHAIN_SERVICE=<service> ` for a keychain service other than the default,
 * else an empty string. Commands that store a secret start with it, so the value lands where
 * the app reads it.
 */
export function keychainServicePrefix(service: string = keychainService()): string {
  return service === KEYCHAIN_SERVICE ? '' : `${KEYCHAIN_SERVICE_ENV_VAR}=${shellWord(service)} `;
}

/** Returns the command an admin runs to store a secret; it prompts for the value with echo off. */
export function secretSetCommand(name: SecretName, service: string = keychainService()): string {
  return `${keychainServicePrefix(service)}npm run toolbox -- secret set ${name}`;
}

/** Reads a secret that must be present, failing with secret_missing and the command to set it. */
export async function requireSecret(store: SecretStore, name: SecretName): Promise<string> {
  const value = await store.get(name);
  if (value) return value;

  throw new ToolboxError(
    'secret_missing',
    `Secret ${name} (${secretNames[name]}) is not set in the OS keychain.`,
    { fix: `Run \`${secretSetCommand(name, store.service)}\` and paste the value when prompted.` },
  );
}
