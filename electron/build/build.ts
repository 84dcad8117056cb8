/**
 * `npm run build`: bundles main and preload with esbuild into dist/electron, draws the icons into
 * dist/icons and builds the renderer with Vite into dist/renderer. `--skip-renderer` leaves the
 * renderer out, for a quick rebuild of main alone.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { bundleMain, bundlePreload } from './bundle';
import { makeIcons } from './icons/make-icons';

const root = path.resolve(__dirname, '..', '..');

function buildRenderer(): void {
  // The renderer's own script (renderer/vite.config.ts) writes dist/renderer.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build:renderer'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    throw new Error(
      `npm run build:renderer failed (exit ${result.status ?? result.signal}); see its output above.`,
    );
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  await Promise.all([bundleMain(root), bundlePreload(root)]);
  process.stdout.write('Built dist/electron/main.js and dist/electron/preload.js.\n');

  const icons = await makeIcons(path.join(root, 'dist', 'icons'));
  process.stdout.write(`Drew ${icons.length} icons into dist/icons.\n`);

  if (!process.argv.includes('--skip-renderer')) buildRenderer();
  process.stdout.write(`Build finished in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `error: the build failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
