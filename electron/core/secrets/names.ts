/** Keychain service under which every secret is stored. */
export const KEYCHAIN_SERVICE = 'technician-toolbox';

/** Secret names the app reads, with what each one is for. */
export const secretNames = {
  'psa.privateKey': 'ConnectWise PSA API member private key',
  'psa.secret': 'Autotask API user secret',
  'psa.clientSecret': 'HaloPSA API application client secret',
  'graph.clientSecret': 'Microsoft Entra app registration client secret',
  'listener.apiKey': 'shared key that screen pops must carry when listener.requireApiKey is true',
} as const;

export type SecretName = keyof typeof secretNames;

export function isSecretName(value: string): value is SecretName {
  return Object.hasOwn(secretNames, value);
}

/**
 * The OS keychain as the app uses it. Every call fails with a ToolboxError
 * (code keychain_unavailable) instead of hanging when the keychain is
 * missing, locked or slow.
 */
export interface SecretStore {
  get(name: SecretName): Promise<string | undefined>;
  set(name: SecretName, value: string): Promise<void>;
  /** Returns whether a stored value was removed. */
  delete(name: SecretName): Promise<boolean>;
  /** Names that currently have a stored value. */
  list(): Promise<SecretName[]>;
}
