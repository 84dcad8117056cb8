import type { ListenerState } from '../../../shared/ipc';
import type { TrayIconVariant } from '../../tray/icon-files';
import {
  Raster,
  bar,
  circle,
  roundedRect,
  subtract,
  union,
  type Colour,
  type Shape,
} from './raster';

/** Every drawing uses a 16-unit grid, the tray icon's size at 100% scaling. */
const UNITS = 16;

type ColourName = 'ink' | 'paper' | 'black' | 'white' | 'amber' | 'red' | 'grey' | 'brand';

const colours: Record<ColourName, Colour> = {
  ink: { r: 31, g: 41, b: 55, a: 1 },
  paper: { r: 243, g: 244, b: 246, a: 1 },
  black: { r: 0, g: 0, b: 0, a: 1 },
  white: { r: 255, g: 255, b: 255, a: 1 },
  amber: { r: 217, g: 119, b: 6, a: 1 },
  red: { r: 220, g: 38, b: 38, a: 1 },
  grey: { r: 107, g: 114, b: 128, a: 1 },
  brand: { r: 37, g: 99, b: 235, a: 1 },
};

/** A toolbox: a wide handle on top, a box with a lid seam across it and a clasp on the seam. */
function toolbox(scale = 1, offset = 0): Shape {
  const at = (value: number) => value * scale + offset;
  const handleOuter = roundedRect(at(4), at(2), at(12), at(7), 1.6 * scale);
  const handle = subtract(handleOuter, roundedRect(at(5.6), at(3.6), at(10.4), at(7), 0.5 * scale));
  const body = roundedRect(at(1), at(5.5), at(15), at(14.5), 1.6 * scale);
  const seam = roundedRect(at(0), at(8.6), at(16), at(9.6), 0);
  const clasp = roundedRect(at(6.5), at(7.6), at(9.5), at(10.8), 0.6 * scale);
  return union(subtract(union(handle, body), seam), clasp);
}

const badgeCentre = { x: 12.5, y: 12.5 };
const badge = circle(badgeCentre.x, badgeCentre.y, 3.5);
const badgeGap = circle(badgeCentre.x, badgeCentre.y, 4.7);

/** The mark inside a state's badge: a dot (working), a cross (failed) or a bar (stopped). */
function badgeMark(state: ListenerState): Shape | undefined {
  const { x, y } = badgeCentre;
  if (state === 'working') return circle(x, y, 1.5);
  if (state === 'failed')
    return union(
      bar(x - 1.4, y - 1.4, x + 1.4, y + 1.4, 1.1),
      bar(x - 1.4, y + 1.4, x + 1.4, y - 1.4, 1.1),
    );
  if (state === 'stopped') return bar(x - 1.7, y, x + 1.7, y, 1.2);
  return undefined;
}

const badgeColour: Record<ListenerState, Colour> = {
  ready: colours.brand,
  working: colours.amber,
  failed: colours.red,
  stopped: colours.grey,
};

/**
 * Draws the tray icon for a state. Ready shows the plain toolbox; the other states add a badge
 * in the lower right corner. The template variant keeps to black and transparency (macOS
 * recolours it), so there the badge mark is cut out of the badge instead of painted in colour.
 */
export function drawTrayIcon(
  state: ListenerState,
  variant: TrayIconVariant,
  size: number,
): Uint8Array {
  const raster = new Raster(size, UNITS);
  const glyph =
    variant === 'template' ? colours.black : variant === 'dark' ? colours.paper : colours.ink;
  raster.fill(toolbox(), glyph);
  if (state === 'stopped') raster.fade(0.55);

  const mark = badgeMark(state);
  if (!mark) return raster.toRgba();

  raster.clear(badgeGap);
  if (variant === 'template') {
    raster.fill(subtract(badge, mark), colours.black);
  } else {
    raster.fill(badge, badgeColour[state]);
    raster.fill(mark, colours.white);
  }
  return raster.toRgba();
}

/** Draws the app icon: the white toolbox on a blue rounded square. */
export function drawAppIcon(size: number): Uint8Array {
  const raster = new Raster(size, UNITS);
  raster.fill(roundedRect(0.5, 0.5, 15.5, 15.5, 3.4), colours.brand);
  raster.fill(toolbox(0.72, 2.24), colours.white);
  return raster.toRgba();
}
