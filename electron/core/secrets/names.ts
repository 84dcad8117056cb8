/** Keychain service for every secret, unless TOOLBOX_KEYCHAIN_SERVICE names another. */
export const KEYCHAIN_SERVICE = 'technician-toolbox';

/** Environment variable that replaces the keychain service, so tests use their own entries. */
export const KEYCHAIN_SERVICE_ENV_VAR = 'TOOLBOX_KEYCHAIN_SERVICE';

/** Returns the keychain service in use: TOOLBOX_KEYCHAIN_SERVICE, else KEYCHAIN_SERVICE. */
export function keychainService(env: NodeJS.ProcessEnv = process.env): string {
  return env[KEYCHAIN_SERVICE_ENV_VAR] || KEYCHAIN_SERVICE;
}

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
  /** Keychain service the values live under, when the store is the OS keychain. */
  readonly service?: string;
  get(name: SecretName): Promise<string | undefined>;
  set(name: SecretName, value: string): Promise<void>;
  /** Returns whether a stored value was removed. */
  delete(name: SecretName): Promise<boolean>;
  /** Names that currently have a stored value. */
  list(): Promise<SecretName[]>;
}
