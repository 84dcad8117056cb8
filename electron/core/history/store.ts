import { randomUUID } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { HISTORY_LIMIT, historyEntrySchema } from '../../../shared/history';
import type { HistoryEntry, HistoryFile } from '../../../shared/history';
import type { PopResult } from '../../../shared/result';
import { ToolboxError } from '../errors';
import { createLogger, type Logger } from '../log';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write';
import { HISTORY_VERSION, parseHistoryText } from './parse-file';

/** Temp files younger than this may belong to a write in progress in another process. */
const STALE_TEMP_AGE_MS = 60_000;

/** The recent screen pops, newest first, kept in one capped JSON file. */
export interface HistoryStore {
  list(): Promise<HistoryEntry[]>;
  /** Stores the result as a new entry and drops the oldest beyond the limit. */
  add(result: PopResult): Promise<HistoryEntry>;
}

export interface HistoryStoreOptions {
  /** Number of entries kept; HISTORY_LIMIT unless a test sets it. */
  limit?: number;
  now?: () => Date;
  logger?: Logger;
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Creates the history store for `file`. Calls run one at a time, so concurrent adds lose no
 * entry. Entries that fail validation are dropped one by one and logged. A file that cannot be
 * read or parsed is renamed to `<name>.corrupt-<time>.json`. A file written by a newer version
 * of the app is renamed to `<name>.v<version>-<time>.json`. Both renames are logged, and a new
 * history starts. Only one process should write a given file, because two processes can still
 * overwrite each other's entries.
 */
export function createHistoryStore(file: string, options: HistoryStoreOptions = {}): HistoryStore {
  const limit = options.limit ?? HISTORY_LIMIT;
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? createLogger('history');
  let queue: Promise<unknown> = Promise.resolve();
  let tempFilesChecked = false;
  let lastDropReport: string | undefined;

  function serialise<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  }

  /** Renames the file to `<name>.<label>-<time>.json`, so the next write starts a new history. */
  async function moveAside(label: string, reason: string): Promise<void> {
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    const base = path.basename(file, path.extname(file));
    const target = path.join(path.dirname(file), `${base}.${label}-${stamp}.json`);
    try {
      await rename(file, target);
      logger.warn(
        `History file ${file} ${reason}; moved it to ${target} and started a new history.`,
      );
    } catch (error) {
      logger.error(
        `History file ${file} ${reason}, and moving it aside failed (${errorCode(error)}); ` +
          'the next screen pop overwrites it.',
      );
    }
  }

  /** Logs dropped entries once, not on every read of the same file. */
  function reportDropped(dropped: number, total: number, firstProblem: string): void {
    const report =
      `History file ${file}: dropped ${dropped} of ${total} entries that are not valid ` +
      `(first: ${firstProblem}); the next screen pop rewrites the file without them.`;
    if (report === lastDropReport) return;
    lastDropReport = report;
    logger.warn(report);
  }

  async function readEntries(): Promise<HistoryEntry[]> {
    if (!tempFilesChecked) {
      tempFilesChecked = true;
      const removed = await removeStaleTempFiles(file, STALE_TEMP_AGE_MS);
      if (removed.length > 0) {
        logger.info(`Removed ${removed.length} temp file(s) left by an interrupted history write.`);
      }
    }

    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      await moveAside('corrupt', `cannot be read (${errorCode(error)})`);
      return [];
    }

    const parsed = parseHistoryText(text);
    if (parsed.kind === 'corrupt') {
      await moveAside('corrupt', parsed.reason);
      return [];
    }
    if (parsed.kind === 'newer') {
      const reason =
        'was written by a newer version of Technician Toolbox ' +
        `(history version ${parsed.version}; this version reads version ${HISTORY_VERSION}), ` +
        'so it is not overwritten';
      await moveAside(`v${parsed.version}`, reason);
      return [];
    }

    if (parsed.firstProblem) {
      const total = parsed.entries.length + parsed.dropped;
      reportDropped(parsed.dropped, total, parsed.firstProblem);
    }
    return parsed.entries;
  }

  async function addEntry(result: PopResult): Promise<HistoryEntry> {
    // Parsing through the schema also drops any property it does not define.
    const candidate = { ...result, id: randomUUID(), at: now().toISOString() };
    const parsed = historyEntrySchema.safeParse(candidate);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new ToolboxError(
        'internal_error',
        `The screen pop result was not stored in the history because it is invalid ` +
          `(${first?.path.join('.')}: ${first?.message}).`,
        { fix: 'Report the problem together with the Technician Toolbox log.' },
      );
    }

    const entries = [parsed.data, ...(await readEntries())].slice(0, limit);
    const content: HistoryFile = { version: HISTORY_VERSION, entries };
    await writeFileAtomic(file, `${JSON.stringify(content, null, 2)}\n`);
    return parsed.data;
  }

  return {
    list: () => serialise(readEntries),
    add: (result) => serialise(() => addEntry(result)),
  };
}
