import type { z } from 'zod';
import { allowedKeysAt, formatPath, valueAt } from './schema-walk';

type Issue = z.core.$ZodIssue;

/** The documented example config, relative to the repository root. */
export const CONFIG_EXAMPLE_PATH = 'electron/core/config/config.example.json';

/** One line per problem: `<path>: <problem> — <fix>`. */
export interface IssueLine {
  path: string;
  problem: string;
  fix: string;
}

export function formatIssueLine(line: IssueLine): string {
  return `${line.path}: ${line.problem} — ${line.fix}`;
}

/** Shows a config value in a message, shortened so one line stays readable. */
export function previewValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** True for messages written in shared/config.ts, as opposed to zod's generic ones. */
function isAuthoredMessage(message: string): boolean {
  return !/^(Invalid|Too (small|big)|Unrecognized)/.test(message);
}

/** Plain words for the types zod names in `expected`, such as `int`. */
const typeNames: Record<string, string> = {
  object: 'a JSON object',
  array: 'a JSON array',
  string: 'text in double quotes',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

const fixByExpectedType: Record<string, string> = {
  object: 'write a JSON object: { ... }',
  array: 'write a JSON array: [ ... ]',
  string: 'put the value in double quotes',
  number: 'write a number without quotes',
  int: 'write a whole number without quotes or a decimal point',
  boolean: 'write true or false without quotes',
};

function typeName(expected: string): string {
  return typeNames[expected] ?? `a value of the type ${expected}`;
}

/** Suggests an allowed key that differs from `key` only in case, `_`, `-` or one typo. */
function closestKey(key: string, allowed: string[]): string | undefined {
  const normalise = (text: string) => text.toLowerCase().replace(/[_-]/g, '');
  const exact = allowed.find((candidate) => normalise(candidate) === normalise(key));
  if (exact) return exact;

  return allowed.find((candidate) => {
    if (Math.abs(candidate.length - key.length) > 1) return false;
    let differences = 0;
    for (let index = 0; index < Math.max(candidate.length, key.length); index += 1) {
      if (candidate[index] !== key[index]) differences += 1;
    }
    return differences <= 1;
  });
}

function describeUnknownKeys(
  issue: Extract<Issue, { code: 'unrecognized_keys' }>,
  schema: z.ZodType,
  input: unknown,
): IssueLine[] {
  const allowed = allowedKeysAt(schema, issue.path, input) ?? [];
  const where = issue.path.length > 0 ? formatPath(issue.path) : 'the top level';

  return issue.keys.map((key) => {
    const suggestion = closestKey(key, allowed);
    const hint = suggestion
      ? `did you mean "${suggestion}"? `
      : 'remove it or correct its spelling; ';
    return {
      path: formatPath([...issue.path, key]),
      problem: 'unknown key',
      fix: `${hint}allowed keys in ${where}: ${allowed.join(', ')}`,
    };
  });
}

function describeOne(issue: Issue, input: unknown): IssueLine {
  const path = formatPath(issue.path);
  const value = valueAt(input, issue.path);
  const authored = isAuthoredMessage(issue.message) ? issue.message : undefined;
  const key = String(issue.path[issue.path.length - 1] ?? 'value');

  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined && issue.expected === 'object') {
        const fix = `add a "${key}" section; ${CONFIG_EXAMPLE_PATH} shows one`;
        return { path, problem: 'missing', fix };
      }
      if (value === undefined) {
        return { path, problem: 'missing', fix: `add "${key}" (${typeName(issue.expected)})` };
      }
      return {
        path,
        problem: `${previewValue(value)} is not ${typeName(issue.expected)}`,
        fix: fixByExpectedType[issue.expected] ?? `write ${typeName(issue.expected)}`,
      };
    case 'invalid_value':
      return {
        path,
        problem: value === undefined ? 'missing' : `invalid value ${previewValue(value)}`,
        fix: `use one of: ${issue.values.map(String).join(', ')}`,
      };
    case 'invalid_union': {
      const options = 'options' in issue ? (issue.options as unknown[]) : [];
      if (options.length > 0) {
        return {
          path,
          problem: value === undefined ? 'missing' : `invalid value ${previewValue(value)}`,
          fix: `use one of: ${options.map(String).join(', ')}`,
        };
      }
      const problem = `invalid value ${previewValue(value)}`;
      return { path, problem, fix: authored ?? 'check the type' };
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return {
          path,
          problem: value === '' ? 'empty' : `${previewValue(value)} is too short`,
          fix: authored ?? `use at least ${issue.minimum} characters`,
        };
      }
      return {
        path,
        problem: `${previewValue(value)} is too small`,
        fix: authored ?? `use ${issue.minimum} or more`,
      };
    case 'too_big':
      return {
        path,
        problem: `${previewValue(value)} is too large`,
        fix: authored ?? `use ${issue.maximum} or less`,
      };
    case 'invalid_key':
      return {
        path,
        problem: `invalid key ${previewValue(issue.path[issue.path.length - 1])}`,
        fix: issue.issues[0]?.message ?? 'rename the key',
      };
    default:
      return {
        path,
        problem: `invalid value ${previewValue(value)}`,
        fix: authored ?? issue.message,
      };
  }
}

/** Turns zod issues into lines that name the path, the problem and the fix. */
export function describeIssues(issues: Issue[], schema: z.ZodType, input: unknown): IssueLine[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? describeUnknownKeys(issue, schema, input)
      : [describeOne(issue, input)],
  );
}
