import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../../shared/config';
import { ToolboxError } from '../errors';
import { CONFIG_EXAMPLE_PATH, formatIssueLine, type IssueLine } from './issues';
import { validateConfigText } from './validate-text';
import { findConfigWarnings } from './warnings';

export { removeComments } from './validate-text';

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
  const result = validateConfigText(text);
  if (result.kind === 'valid') return result.config;

  if (result.kind === 'json') {
    const { reason, line, column } = result.error;
    throw new ToolboxError(
      'config_invalid',
      `Config file ${file} is not valid JSON: ${reason} at line ${line}, column ${column}.`,
      { fix: `Correct the JSON there; JSON allows no comments and no trailing commas.` },
    );
  }
  throw invalidConfig(file, result.lines);
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
