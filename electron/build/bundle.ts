import path from 'node:path';

import { build, type BuildOptions } from 'esbuild';

/** Electron 45 runs Node 22 in main and Chromium 140 in the renderer and preload. */
const MAIN_TARGET = 'node22';
const PRELOAD_TARGET = 'chrome140';

/**
 * Modules left out of the main bundle: `electron` is provided by the runtime, and keytar is a
 * native module that must load from node_modules (electron-builder unpacks it from the asar).
 */
const MAIN_EXTERNALS = ['electron', 'keytar'];

function sharedOptions(root: string): BuildOptions {
  return {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'linked',
  };
}

/** Bundles the main process into `dist/electron/main.js`. */
export async function bundleMain(root: string): Promise<void> {
  await build({
    ...sharedOptions(root),
    entryPoints: [path.join(root, 'electron', 'main.ts')],
    outfile: path.join(root, 'dist', 'electron', 'main.js'),
    platform: 'node',
    target: MAIN_TARGET,
    external: MAIN_EXTERNALS,
    // keytar is loaded with import(); as require() it resolves through Electron's CommonJS loader,
    // which reads node_modules inside the asar archive and its unpacked native files.
    supported: { 'dynamic-import': false },
  });
}

/**
 * Bundles the preload script into `dist/electron/preload.js`. A sandboxed preload can require
 * only `electron` and a few Node polyfills, so everything else is inlined.
 */
export async function bundlePreload(root: string): Promise<void> {
  await build({
    ...sharedOptions(root),
    entryPoints: [path.join(root, 'electron', 'preload.ts')],
    outfile: path.join(root, 'dist', 'electron', 'preload.js'),
    platform: 'browser',
    target: PRELOAD_TARGET,
    external: ['electron'],
  });
}
