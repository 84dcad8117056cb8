import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { configSchema, type Config } from '../../../shared/config';
import { ToolboxError } from '../errors';
import { CONFIG_EXAMPLE_PATH, describeIssues, formatIssueLine, type IssueLine } from './issues';
import { describeJsonError } from './json-error';
import { findSecretsInConfig } from './secrets-in-config';
import { findConfigWarnings } from './warnings';

/** Key that may appear anywhere in the config file as a comment; the loader removes it. */
const COMMENT_KEY = '$comment';

/** Removes every `$comment` key, at any depth, from parsed config JSON. */
export function removeComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(removeComments);
  if (value === null || typeof value !== 'object') return value;

  const entries = Object.entries(value).filter(([key]) => key !== COMMENT_KEY);
  return Object.fromEntries(entries.map(([key, child]) => [key, removeComments(child)]));
}

function invalidConfig(file: string, lines: IssueLine[]): ToolboxError {
  const count = lines.length === 1 ? '1 problem' : `${lines.length} problems`;
  const list = lines.map((line) => `  ${formatIssueLine(line)}`).join('\n');

  return new ToolboxError('config_invalid', `Config file ${file} is invalid (${count}):\n${list}`, {
    fix: `Correct each listed entry in ${file}; ${CONFIG_EXAMPLE_PATH} shows every setting.`,
  });
}

/**
 * Parses and validates config text, filling in defaults. `$comment` keys are removed first.
 * Throws config_invalid naming `file` and listing every problem with its path and fix.
 */
export function parseConfig(text: string, file: string): Config {
  // Windows editors may save a UTF-8 byte order mark, which JSON.parse rejects.
  const body = text.replace(/^\uFEFF/, '');

  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const { reason, line, column } = describeJsonError(body, error);
    throw new ToolboxError(
      'config_invalid',
      `Config file ${file} is not valid JSON: ${reason} at line ${line}, column ${column}.`,
      { fix: `Correct the JSON there; JSON allows no comments and no trailing commas.` },
    );
  }

  const input = removeComments(data);
  const secrets = findSecretsInConfig(input);
  const result = configSchema.safeParse(input);
  if (secrets.lines.length === 0 && result.success) return result.data;

  // A secret key is also an unknown key to the schema; report it once, as a secret.
  const reported = new Set(secrets.paths);
  const schemaLines = result.success
    ? []
    : describeIssues(result.error.issues, configSchema, input);
  const otherLines = schemaLines.filter((line) => !reported.has(line.path));
  throw invalidConfig(file, [...secrets.lines, ...otherLines]);
}

/** A loaded config file, with the settings that are valid but would fail at pop time. */
export interface LoadedConfig {
  config: Config;
  path: string;
  warnings: IssueLine[];
}

/** Reads, parses and validates the config file at `file`; see parseConfig for the errors. */
export async function loadConfig(file: string): Promise<LoadedConfig> {
  const absolute = path.resolve(file);

  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new ToolboxError('config_invalid', `No config file at ${absolute}.`, {
        fix:
          `Copy ${CONFIG_EXAMPLE_PATH} from the repository to ${absolute} and fill in your PSA, ` +
          'Graph and company details, or point --config (or TOOLBOX_CONFIG) at another file.',
        cause: error,
      });
    }
    throw new ToolboxError('config_invalid', `Config file ${absolute} cannot be read (${code}).`, {
      fix: `Check that ${absolute} is a file and that your account may read it.`,
      cause: error,
    });
  }

  const config = parseConfig(text, absolute);
  return { config, path: absolute, warnings: findConfigWarnings(config) };
}
