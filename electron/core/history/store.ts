import { randomUUID } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { HISTORY_LIMIT, historyEntrySchema, historyFileSchema } from '../../../shared/history';
import type { HistoryEntry, HistoryFile } from '../../../shared/history';
import type { PopResult } from '../../../shared/result';
import { ToolboxError } from '../errors';
import { createLogger, type Logger } from '../log';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write';

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
 * entry. A file that cannot be read or parsed is renamed to `<name>.corrupt-<time>.json`,
 * logged, and replaced by a new history. Only one process should write a given file, because
 * two processes can still overwrite each other's entries.
 */
export function createHistoryStore(file: string, options: HistoryStoreOptions = {}): HistoryStore {
  const limit = options.limit ?? HISTORY_LIMIT;
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? createLogger('history');
  let queue: Promise<unknown> = Promise.resolve();
  let tempFilesChecked = false;

  function serialise<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  }

  async function moveAside(reason: string): Promise<void> {
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    const base = path.basename(file, path.extname(file));
    const target = path.join(path.dirname(file), `${base}.corrupt-${stamp}.json`);
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
      await moveAside(`cannot be read (${errorCode(error)})`);
      return [];
    }

    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      await moveAside(`is not valid JSON (${errorCode(error)})`);
      return [];
    }

    const parsed = historyFileSchema.safeParse(data);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      await moveAside(`is not a history file (${first?.path.join('.')}: ${first?.message})`);
      return [];
    }
    return parsed.data.entries;
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
    const content: HistoryFile = { version: 1, entries };
    await writeFileAtomic(file, `${JSON.stringify(content, null, 2)}\n`);
    return parsed.data;
  }

  return {
    list: () => serialise(readEntries),
    add: (result) => serialise(() => addEntry(result)),
  };
}
