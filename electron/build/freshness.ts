import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Folders and files whose changes call for a new build. */
const SOURCES = ['electron', 'shared', 'renderer', 'package.json'];
/** Files the build writes; the oldest of them is compared with the newest source. */
const OUTPUTS = [
  'dist/electron/main.js',
  'dist/electron/preload.js',
  'dist/renderer/index.html',
  'dist/icons/app/icon.png',
];

function newestModification(entry: string): number {
  const info = statSync(entry, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;

  let newest = info.mtimeMs;
  for (const name of readdirSync(entry)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestModification(path.join(entry, name)));
  }
  return newest;
}

/** True when a build output is missing or older than a source file, so `npm start` must build. */
export function isBuildStale(root: string): boolean {
  const outputTimes = OUTPUTS.map(
    (output) => statSync(path.join(root, output), { throwIfNoEntry: false })?.mtimeMs,
  );
  if (outputTimes.some((time) => time === undefined)) return true;

  const oldestOutput = Math.min(...(outputTimes as number[]));
  const newestSource = Math.max(
    ...SOURCES.map((source) => newestModification(path.join(root, source))),
  );
  return newestSource > oldestOutput;
}
