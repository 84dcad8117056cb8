import { ToolboxError } from '../errors';
import { secretNames, type SecretName, type SecretStore } from './names';

/** Returns the command an admin runs to store a secret. It prompts for the value with echo off. */
export function secretSetCommand(name: SecretName): string {
  return `npm run toolbox -- secret set ${name}`;
}

/** Reads a secret that must be present, failing with secret_missing and the command to set it. */
export async function requireSecret(store: SecretStore, name: SecretName): Promise<string> {
  const value = await store.get(name);
  if (value) return value;

  throw new ToolboxError(
    'secret_missing',
    `Secret ${name} (${secretNames[name]}) is not set in the OS keychain.`,
    { fix: `Run \`${secretSetCommand(name)}\` and paste the value when prompted.` },
  );
}
