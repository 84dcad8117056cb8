import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Suffix of the temp files, which remain only when a process dies during a write. */
const TEMP_SUFFIX = '.tmp';

function tempPrefix(file: string): string {
  return `${path.basename(file)}.`;
}

/**
 * Writes `text` to `file` so a reader sees either the old or the new content: the text goes to a
 * temp file in the same folder, is flushed to disk, and is renamed over `file`. The folder is
 * created with mode 0700 and the file with mode 0600; Windows ignores both modes.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const folder = path.dirname(file);
  await mkdir(folder, { recursive: true, mode: 0o700 });

  const tempName = `${tempPrefix(file)}${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
  const temp = path.join(folder, tempName);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }

  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/**
 * Flushes the rename itself to disk. POSIX only, because Windows cannot open a folder this way.
 * Errors are ignored: some file systems reject fsync on a folder, and the rename is done anyway.
 */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;

  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Durability of the rename is best effort.
  }
}

/**
 * Removes temp files of `file` older than `minAgeMs`, left by a process that died mid-write.
 * Younger ones may belong to a write still in progress, so they stay. Returns the names removed.
 */
export async function removeStaleTempFiles(file: string, minAgeMs: number): Promise<string[]> {
  const folder = path.dirname(file);
  const prefix = tempPrefix(file);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }

  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;

    const temp = path.join(folder, name);
    const info = await stat(temp).catch(() => undefined);
    if (!info || Date.now() - info.mtimeMs < minAgeMs) continue;

    await rm(temp, { force: true });
    removed.push(name);
  }
  return removed;
}
