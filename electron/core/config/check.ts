import type { Config } from '../../../shared/config';
import { ToolboxError } from '../errors';
import { buildFormCatalogue } from '../forms/catalogue';
import type { IssueLine } from './issues';
import { validateConfigText } from './validate-text';
import { findConfigWarnings } from './warnings';

/** One problem of a config text: where it is and what to do, as the settings editor shows it. */
export interface ConfigProblem {
  /** Config path such as `psa.baseUrl`, or `line 3, column 7` for a JSON syntax error. */
  path: string;
  message: string;
}

/**
 * The outcome of checking a config text: the config when it is usable, else every problem.
 * Warnings name settings that are valid but fail when a screen pop arrives. Only a usable config
 * is checked for them, so they are empty whenever there are problems.
 */
export type ConfigCheck =
  | { ok: true; config: Config; problems: []; warnings: ConfigProblem[] }
  | { ok: false; problems: ConfigProblem[]; warnings: [] };

function fromIssueLine(line: IssueLine): ConfigProblem {
  return { path: line.path, message: `${line.problem} — ${line.fix}` };
}

/** Splits buildFormCatalogue's `<path>: <problem>` lines; form names contain no `: `. */
function formProblems(error: ToolboxError): ConfigProblem[] {
  return error.message
    .split('\n')
    .slice(1)
    .map((line) => {
      const separator = line.indexOf(': ');
      if (separator < 0) return { path: 'rewst.forms', message: line };
      return { path: line.slice(0, separator), message: line.slice(separator + 2) };
    });
}

/**
 * Checks config text as the loader would (JSON syntax, secrets written into the file, the
 * schema) and also builds the form catalogue, so that form definitions the pipeline would reject
 * are reported before the file is saved. Never throws for a bad config.
 */
export function checkConfigText(text: string): ConfigCheck {
  const result = validateConfigText(text);
  if (result.kind === 'json') {
    const { reason, line, column } = result.error;
    const message = `${reason} — correct the JSON there; JSON allows no comments and no trailing commas`;
    const problem = { path: `line ${line}, column ${column}`, message };
    return { ok: false, problems: [problem], warnings: [] };
  }
  if (result.kind === 'invalid') {
    return { ok: false, problems: result.lines.map(fromIssueLine), warnings: [] };
  }

  try {
    buildFormCatalogue(result.config);
  } catch (error) {
    if (error instanceof ToolboxError && error.code === 'config_invalid') {
      return { ok: false, problems: formProblems(error), warnings: [] };
    }
    throw error;
  }
  const warnings = findConfigWarnings(result.config).map(fromIssueLine);
  return { ok: true, config: result.config, problems: [], warnings };
}
