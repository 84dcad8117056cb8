import { configSchema, type Config } from '../../../shared/config';
import { describeIssues, type IssueLine } from './issues';
import { describeJsonError, type JsonSyntaxError } from './json-error';
import { findSecretsInConfig } from './secrets-in-config';

/** Key that may appear anywhere in the config file as a comment; the loader removes it. */
const COMMENT_KEY = '$comment';

/** Removes every `$comment` key, at any depth, from parsed config JSON. */
export function removeComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(removeComments);
  if (value === null || typeof value !== 'object') return value;

  const entries = Object.entries(value).filter(([key]) => key !== COMMENT_KEY);
  return Object.fromEntries(entries.map(([key, child]) => [key, removeComments(child)]));
}

/** The outcome of validating config text: the config, a JSON syntax error, or the problems. */
export type ConfigTextResult =
  | { kind: 'valid'; config: Config }
  | { kind: 'json'; error: JsonSyntaxError }
  | { kind: 'invalid'; lines: IssueLine[] };

/**
 * Validates config text the one way the loader and the settings editor share: JSON syntax,
 * secrets written into the file, then the schema. Never throws for a bad config.
 */
export function validateConfigText(text: string): ConfigTextResult {
  // Windows editors may save a UTF-8 byte order mark, which JSON.parse rejects.
  const body = text.replace(/^\uFEFF/, '');

  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return { kind: 'json', error: describeJsonError(body, error) };
  }

  const input = removeComments(data);
  const secrets = findSecretsInConfig(input);
  const result = configSchema.safeParse(input);
  if (secrets.lines.length === 0 && result.success) return { kind: 'valid', config: result.data };

  // A secret key is also an unknown key to the schema; report it once, as a secret.
  const reported = new Set(secrets.paths);
  const schemaLines = result.success ? [] : describeIssues(result.error.issues, configSchema, input);
  const otherLines = schemaLines.filter((line) => !reported.has(line.path));
  return { kind: 'invalid', lines: [...secrets.lines, ...otherLines] };
}
