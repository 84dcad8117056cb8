import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Finds the Electron binary the `electron` package installed, or the one under
 * ELECTRON_OVERRIDE_DIST_PATH, without `require('electron')`: that require downloads the
 * binary from the network when it is missing. Returns undefined when there is none.
 */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  let packageFolder: string;
  try {
    packageFolder = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }

  // path.txt names the executable inside the dist folder; the package's install script writes it.
  const pathFile = path.join(packageFolder, 'path.txt');
  const relativePath = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : defaultExecutable();
  const distFolder = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageFolder, 'dist');
  const binary = path.join(distFolder, relativePath);
  return existsSync(binary) ? binary : undefined;
}

/** The executable's path inside an Electron dist folder, as the electron package names it. */
function defaultExecutable(): string {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (process.platform === 'win32') return 'electron.exe';
  return 'electron';
}
