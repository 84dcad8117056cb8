import path from 'node:path';

import type { ListenerState } from '../../shared/ipc';

/**
 * A drawing of the tray icon: `light` is a dark glyph for light panels, `dark` a light glyph for
 * dark panels, and `template` a black glyph that macOS recolours for its menu bar.
 */
export type TrayIconVariant = 'light' | 'dark' | 'template';

export const trayIconStates: readonly ListenerState[] = ['ready', 'working', 'failed', 'stopped'];
export const trayIconVariants: readonly TrayIconVariant[] = ['light', 'dark', 'template'];

/** Pixel size of the tray icon at 100% scaling; a `@2x` file beside it serves 200%. */
export const TRAY_ICON_SIZE = 16;

/**
 * Returns the file name of a tray icon. Electron picks the `@2x` file on HiDPI screens by itself,
 * and treats a name ending in `Template` as a macOS template image.
 */
export function trayIconFileName(
  state: ListenerState,
  variant: TrayIconVariant,
  scale: 1 | 2 = 1,
): string {
  const suffix = scale === 2 ? '@2x' : '';
  if (variant === 'template') return `tray-${state}Template${suffix}.png`;
  return `tray-${state}-${variant}${suffix}.png`;
}

/** Picks the variant for the platform and the colour of its panel. */
export function chooseTrayIconVariant(
  platform: NodeJS.Platform,
  darkPanel: boolean,
): TrayIconVariant {
  if (platform === 'darwin') return 'template';
  return darkPanel ? 'dark' : 'light';
}

/** Returns the path of the tray icon for a state under `iconDir`. */
export function trayIconPath(
  iconDir: string,
  state: ListenerState,
  platform: NodeJS.Platform,
  darkPanel: boolean,
): string {
  return path.join(iconDir, trayIconFileName(state, chooseTrayIconVariant(platform, darkPanel)));
}
