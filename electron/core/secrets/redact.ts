import type { SecretStore } from './names';

const REMOVED = '[secret removed]';

/** Secrets shorter than this are not searched for, because they would match ordinary text. */
const MIN_SECRET_LENGTH = 6;

export interface SecretRedactor {
  /** The store to hand to clients; every value it returns is remembered. */
  store: SecretStore;
  /** Returns a copy of `value` with every remembered secret replaced in its strings. */
  redact<T>(value: T): T;
}

/**
 * Wraps a SecretStore so that results can be cleaned of the secrets the
 * clients read. A PSA or Graph error message that echoes a credential then
 * never reaches the error page, the JSON response or the history. This is a
 * second guard: the clients already keep secrets out of their messages.
 */
export function createSecretRedactor(inner: SecretStore): SecretRedactor {
  const known = new Set<string>();

  const remember = (value: string | undefined) => {
    if (value && value.length >= MIN_SECRET_LENGTH) {
      known.add(value);
      known.add(encodeURIComponent(value));
    }
    return value;
  };

  const redactText = (text: string): string => {
    let result = text;
    for (const secret of known) result = result.split(secret).join(REMOVED);
    return result;
  };

  const redact = <T>(value: T): T => {
    if (known.size === 0) return value;
    if (typeof value === 'string') return redactText(value) as T;
    if (Array.isArray(value)) return value.map(redact) as T;
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, redact(entry)])) as T;
    }
    return value;
  };

  return {
    store: {
      get: async (name) => remember(await inner.get(name)),
      set: async (name, value) => {
        await inner.set(name, value);
        remember(value);
      },
      delete: (name) => inner.delete(name),
      list: () => inner.list(),
    },
    redact,
  };
}
