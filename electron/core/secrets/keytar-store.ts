import { keychainTimeoutError, keytarLoadError, toKeychainError } from './keychain-errors';
import { KEYCHAIN_SERVICE, isSecretName, type SecretName, type SecretStore } from './names';

type Keytar = typeof import('keytar');

/** Default limit for one keychain call; libsecret waits until a locked keyring is unlocked. */
export const KEYCHAIN_TIMEOUT_MS = 5000;

export interface KeytarStoreOptions {
  /** Keychain service name; tests pass their own so they never touch the real entries. */
  service?: string;
  timeoutMs?: number;
  /** Loads keytar; tests replace it to simulate a missing native module. */
  loadKeytar?: () => Promise<Keytar>;
}

let timedOutCalls = 0;

/**
 * Counts keychain calls that timed out and never settled. keytar runs them on libuv's
 * thread pool, and Node joins that pool on exit, so a process with one of these left
 * cannot end through `process.exit` and has to be killed.
 */
export function countBlockedKeychainCalls(): number {
  return timedOutCalls;
}

async function importKeytar(): Promise<Keytar> {
  const module = (await import('keytar')) as Keytar & { default?: Keytar };
  return module.default ?? module;
}

function withTimeout<T>(call: Promise<T>, timeoutMs: number, action: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      timedOutCalls += 1;
      reject(keychainTimeoutError(action, timeoutMs));
    }, timeoutMs);

    call.then(
      (value) => {
        if (timedOut) timedOutCalls -= 1;
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        if (timedOut) timedOutCalls -= 1;
        clearTimeout(timer);
        reject(toKeychainError(error, action));
      },
    );
  });
}

/**
 * Creates a SecretStore over keytar. Each secret is stored under the service name with the
 * secret name as the account. keytar is loaded on first use, so a missing native module
 * fails the first call with keychain_unavailable instead of failing the import.
 */
export function createKeytarStore(options: KeytarStoreOptions = {}): SecretStore {
  const service = options.service ?? KEYCHAIN_SERVICE;
  const timeoutMs = options.timeoutMs ?? KEYCHAIN_TIMEOUT_MS;
  const loadKeytar = options.loadKeytar ?? importKeytar;
  let keytar: Promise<Keytar> | undefined;

  async function run<T>(action: string, call: (module: Keytar) => Promise<T>): Promise<T> {
    keytar ??= loadKeytar().catch((error: unknown) => {
      keytar = undefined;
      throw keytarLoadError(error);
    });
    const module = await keytar;

    let pending: Promise<T>;
    try {
      pending = call(module);
    } catch (error) {
      throw toKeychainError(error, action);
    }
    return withTimeout(pending, timeoutMs, action);
  }

  return {
    service,

    async get(name: SecretName) {
      const value = await run(`reading ${name}`, (k) => k.getPassword(service, name));
      return value ?? undefined;
    },

    async set(name: SecretName, value: string) {
      await run(`storing ${name}`, (k) => k.setPassword(service, name, value));
    },

    async delete(name: SecretName) {
      return run(`deleting ${name}`, (k) => k.deletePassword(service, name));
    },

    async list() {
      const credentials = await run('listing the stored secrets', (k) =>
        k.findCredentials(service),
      );
      // Only account names leave this function; the passwords findCredentials returns are dropped.
      const names = credentials.map((credential) => credential.account).filter(isSecretName);
      return [...new Set(names)].sort();
    },
  };
}
