/**
 * Entry point of `npm start`: runs the tray app in Electron when it can, and otherwise the
 * headless listener (`toolbox serve`) with the same arguments. Electron is never imported here.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { exitProcess } from './core/cli/exit';
import { runCli } from './core/cli/run';

const repositoryRoot = path.resolve(__dirname, '..');
const mainBundle = path.join(repositoryRoot, 'dist', 'electron', 'main.js');

/**
 * Finds the Electron binary the `electron` package installed, without `require('electron')`:
 * that require downloads the binary from the network when it is missing.
 */
function findElectronBinary(): string | undefined {
  let packageFolder: string;
  try {
    packageFolder = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }

  const pathFile = path.join(packageFolder, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relativePath = readFileSync(pathFile, 'utf8').trim();

  const distFolder = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageFolder, 'dist');
  const binary = path.join(distFolder, relativePath);
  return existsSync(binary) ? binary : undefined;
}

function hasDisplay(): boolean {
  if (process.platform === 'win32' || process.platform === 'darwin') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Says why the tray app cannot start here, or returns undefined when it can. */
function reasonForHeadless(binary: string | undefined): string | undefined {
  if (!binary) return 'no Electron binary is installed in node_modules/electron';
  if (!hasDisplay()) return 'no display is available (neither DISPLAY nor WAYLAND_DISPLAY is set)';
  if (!existsSync(mainBundle)) return `the tray app is not built yet (${mainBundle} is missing)`;
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
const binary = findElectronBinary();
const reason = reasonForHeadless(binary);

if (binary && !reason) {
  runElectron(binary, args);
} else {
  process.stderr.write(`Starting the headless listener because ${reason}.\n`);
  void runCli(['serve', ...args]).then(exitProcess);
}
