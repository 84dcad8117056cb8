import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import {
  TRAY_ICON_SIZE,
  trayIconFileName,
  trayIconStates,
  trayIconVariants,
} from '../../tray/icon-files';
import { drawAppIcon, drawTrayIcon } from './drawings';
import { encodePng } from './png';

/**
 * App icon sizes. Linux desktops pick from the set, and electron-builder makes the .ico and
 * .icns files from the 1024 px one.
 */
const APP_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];

/**
 * Writes every tray icon (four states, three variants, 1x and 2x) into `outDir` and the app
 * icons into `outDir/app`: `icon.png` at 1024 px and `<n>x<n>.png` for each size. Returns
 * the paths written.
 */
export async function makeIcons(outDir: string): Promise<string[]> {
  const written: string[] = [];
  const write = async (file: string, size: number, rgba: Uint8Array) => {
    await writeFile(file, encodePng(size, size, rgba));
    written.push(file);
  };

  await mkdir(path.join(outDir, 'app'), { recursive: true });
  for (const state of trayIconStates) {
    for (const variant of trayIconVariants) {
      for (const scale of [1, 2] as const) {
        const size = TRAY_ICON_SIZE * scale;
        await write(
          path.join(outDir, trayIconFileName(state, variant, scale)),
          size,
          drawTrayIcon(state, variant, size),
        );
      }
    }
  }

  for (const size of APP_ICON_SIZES) {
    const rgba = drawAppIcon(size);
    await write(path.join(outDir, 'app', `${size}x${size}.png`), size, rgba);
    if (size === 1024) await write(path.join(outDir, 'app', 'icon.png'), size, rgba);
  }
  return written;
}
