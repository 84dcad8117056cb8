/**
 * Entry point of `npm start`: runs the tray app in Electron when it can, and otherwise the
 * headless listener (`toolbox serve`) with the same arguments. Electron is never imported here.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findElectronBinary } from './build/electron-binary';
import { isBuildStale } from './build/freshness';
import { exitProcess } from './core/cli/exit';
import { runCli } from './core/cli/run';

const repositoryRoot = path.resolve(__dirname, '..');
const mainBundle = path.join(repositoryRoot, 'dist', 'electron', 'main.js');

function hasDisplay(): boolean {
  if (process.platform === 'win32' || process.platform === 'darwin') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Runs `npm run build` when an output is missing or older than the sources; false if it failed. */
function buildIfNeeded(): boolean {
  if (!isBuildStale(repositoryRoot)) return true;

  process.stderr.write('Building the tray app first (npm run build).\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], {
    cwd: repositoryRoot,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return result.status === 0;
}

/**
 * Downloads the Electron binary with the electron package's own installer, which fetches it
 * from GitHub. Runs only on a machine with a display, and never in CI or when
 * TOOLBOX_NO_ELECTRON_DOWNLOAD is set, so headless servers and test runs stay offline.
 */
function downloadElectron(): string | undefined {
  if (!hasDisplay() || process.env.CI || process.env.TOOLBOX_NO_ELECTRON_DOWNLOAD) return undefined;

  let installer: string;
  try {
    installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return undefined;
  }
  process.stderr.write('Downloading the Electron binary for the tray app (first start only).\n');
  spawnSync(process.execPath, [installer], { stdio: 'inherit', timeout: 10 * 60_000 });
  return findElectronBinary();
}

/** Says why the tray app cannot start here, or returns undefined when it can. */
function reasonForHeadless(binary: string | undefined): string | undefined {
  if (!hasDisplay()) return 'no display is available (neither DISPLAY nor WAYLAND_DISPLAY is set)';
  if (!binary) {
    return (
      'no Electron binary was found in node_modules/electron/dist or ELECTRON_OVERRIDE_DIST_PATH ' +
      '(on a desktop with internet access, `npx install-electron` downloads it)'
    );
  }
  if (!buildIfNeeded()) return 'building the tray app failed (see the output above)';
  if (!existsSync(mainBundle)) return `the tray app is not built (${mainBundle} is missing)`;
  return undefined;
}

function runElectron(binary: string, args: string[]): void {
  const child = spawn(binary, [repositoryRoot, ...args], { stdio: 'inherit' });
  child.on('error', (error) => {
    process.stderr.write(`error: Electron at ${binary} could not start: ${error.message}\n`);
    void exitProcess(1);
  });
  child.on('exit', (code, signal) => void exitProcess(code ?? (signal ? 1 : 0)));
}

const args = process.argv.slice(2);
const binary = findElectronBinary() ?? downloadElectron();
const reason = reasonForHeadless(binary);

if (binary && !reason) {
  runElectron(binary, args);
} else {
  process.stderr.write(`Starting the headless listener because ${reason}.\n`);
  void runCli(['serve', ...args]).then(exitProcess);
}
