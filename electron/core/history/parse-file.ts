import {
  historyEntrySchema,
  historyFileSchema,
  type HistoryEntry,
} from '../../../shared/history';
import { describeJsonError } from '../config/json-error';
import { formatPath } from '../config/schema-walk';

/** The history file version this app reads and writes. */
export const HISTORY_VERSION = historyFileSchema.shape.version.value;

/** The content of a history file, as far as this version of the app can read it. */
export type ParsedHistory =
  /** `dropped` counts entries that failed validation; `firstProblem` describes the first one. */
  | { kind: 'entries'; entries: HistoryEntry[]; dropped: number; firstProblem?: string }
  | { kind: 'corrupt'; reason: string }
  /** Written by a newer app, whose entries this version cannot read and must not overwrite. */
  | { kind: 'newer'; version: number };

type Issue = { path: PropertyKey[]; message: string } | undefined;

function describeIssue(issue: Issue, prefix: PropertyKey[] = []): string {
  return `${formatPath([...prefix, ...(issue?.path ?? [])])}: ${issue?.message ?? 'invalid'}`;
}

function parseJson(text: string): { data: unknown } | { reason: string } {
  try {
    return { data: JSON.parse(text) as unknown };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const { reason, line, column } = describeJsonError(text, error);
    return { reason: `is not valid JSON (${reason} at line ${line}, column ${column})` };
  }
}

/**
 * Parses the text of a history file and validates each entry on its own, so one entry that a
 * bug or a hand edit broke costs only that entry. The file as a whole is corrupt only when it is
 * not JSON or has no `version` and `entries` list.
 */
export function parseHistoryText(text: string): ParsedHistory {
  const parsed = parseJson(text);
  if ('reason' in parsed) return { kind: 'corrupt', reason: parsed.reason };

  const data = parsed.data as { version?: unknown; entries?: unknown } | null;
  const version = typeof data === 'object' && data !== null ? data.version : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > HISTORY_VERSION) {
    return { kind: 'newer', version };
  }

  const shape = historyFileSchema.pick({ version: true }).safeParse(data);
  if (!shape.success || !Array.isArray(data?.entries)) {
    const problem = shape.success ? 'entries: not a list' : describeIssue(shape.error.issues[0]);
    return { kind: 'corrupt', reason: `is not a history file (${problem})` };
  }

  const entries: HistoryEntry[] = [];
  let firstProblem: string | undefined;
  data.entries.forEach((candidate: unknown, index) => {
    const entry = historyEntrySchema.safeParse(candidate);
    if (entry.success) entries.push(entry.data);
    else firstProblem ??= describeIssue(entry.error.issues[0], ['entries', index]);
  });
  return { kind: 'entries', entries, dropped: data.entries.length - entries.length, firstProblem };
}
