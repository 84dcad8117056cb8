import { isSecretName, secretNames, type SecretName } from '../secrets/names';
import { psaSecretByType } from '../secrets/needed-secrets';
import { secretSetCommand } from '../secrets/require-secret';
import type { IssueLine } from './issues';
import { formatPath, valueAt } from './schema-walk';

/** Key names that hold a credential; compared without case, `_` or `-`. */
const secretKeys = new Set(['privatekey', 'clientsecret', 'secret', 'apikey', 'password', 'token']);

function isSecretKey(key: string): boolean {
  return secretKeys.has(key.toLowerCase().replace(/[_-]/g, ''));
}

/** Picks the keychain entry a secret found at `path` most likely belongs in. */
function secretNameFor(path: PropertyKey[], input: unknown): SecretName | undefined {
  const dotted = path.map(String).join('.');
  if (isSecretName(dotted)) return dotted;

  const section = path[0];
  if (section === 'psa') {
    const type = String(valueAt(input, ['psa', 'type']));
    return Object.hasOwn(psaSecretByType, type)
      ? psaSecretByType[type as keyof typeof psaSecretByType]
      : undefined;
  }
  if (section === 'graph') return 'graph.clientSecret';
  if (section === 'listener') return 'listener.apiKey';
  return undefined;
}

function walk(value: unknown, path: PropertyKey[], found: PropertyKey[][]): void {
  if (value === null || typeof value !== 'object') return;

  for (const [key, child] of Object.entries(value)) {
    const childPath = [...path, Array.isArray(value) ? Number(key) : key];
    if (isSecretKey(key)) found.push(childPath);
    // Prefill maps Rewst field names to templates, so a field may be called "password".
    else if (key !== 'prefill') walk(child, childPath, found);
  }
}

/**
 * Finds credentials written into the config file and returns one line per key, telling where
 * it belongs in the keychain. Secret values never appear in the lines.
 */
export function findSecretsInConfig(input: unknown): { lines: IssueLine[]; paths: string[] } {
  const found: PropertyKey[][] = [];
  walk(input, [], found);

  const lines = found.map((path) => {
    const name = secretNameFor(path, input);
    const fix = name
      ? `delete it here and store it in the OS keychain with \`${secretSetCommand(name)}\``
      : `delete it here; the app reads secrets only from the OS keychain ` +
        `(${Object.keys(secretNames).join(', ')})`;
    const problem = 'secrets must not be stored in the config file';
    return { path: formatPath(path), problem, fix };
  });
  return { lines, paths: lines.map((line) => line.path) };
}
