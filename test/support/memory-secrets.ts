import type { SecretName, SecretStore } from '../../electron/core/secrets/names';

/**
 * Creates a SecretStore kept in memory, for tests of the pipeline and the listener.
 * The keychain store itself is tested against a real Secret Service.
 */
export function createMemorySecretStore(initial: Partial<Record<SecretName, string>> = {}): SecretStore {
  const values = new Map<SecretName, string>(Object.entries(initial) as Array<[SecretName, string]>);
  return {
    get: async (name) => values.get(name),
    set: async (name, value) => {
      values.set(name, value);
    },
    delete: async (name) => values.delete(name),
    list: async () => [...values.keys()],
  };
}
