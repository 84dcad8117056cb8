/** A rectangle in screen coordinates (DIP), as Electron's Rectangle. */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space in DIP between the tray icon and the popover. */
const GAP = 4;

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/**
 * Places the popover next to the tray icon: centred on it, below a tray at the top of the
 * screen (macOS, many Linux panels) or above one at the bottom (Windows), and always inside
 * the work area. A work area smaller than the popover (1366×768 at 150% scaling leaves about
 * 911×472 DIP) shrinks it to fit, and its lists scroll. Linux often reports empty tray bounds,
 * so the cursor position is used instead.
 */
export function positionPopover(
  tray: Bounds,
  size: { width: number; height: number },
  workArea: Bounds,
  cursor: { x: number; y: number },
): Bounds {
  const anchor =
    tray.width > 0 && tray.height > 0 ? tray : { x: cursor.x, y: cursor.y, width: 0, height: 0 };
  const width = Math.min(size.width, workArea.width);
  const height = Math.min(size.height, workArea.height);
  const centreX = anchor.x + anchor.width / 2;
  const trayAtTop = anchor.y + anchor.height / 2 < workArea.y + workArea.height / 2;

  const preferredY = trayAtTop ? anchor.y + anchor.height + GAP : anchor.y - height - GAP;
  const x = clamp(Math.round(centreX - width / 2), workArea.x, workArea.x + workArea.width - width);
  const y = clamp(Math.round(preferredY), workArea.y, workArea.y + workArea.height - height);
  return { x, y, width, height };
}
