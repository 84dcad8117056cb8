/** A test of whether a point, in icon units, lies inside a shape. */
export type Shape = (x: number, y: number) => boolean;

/** An RGBA colour with channels from 0 to 255 and alpha from 0 to 1. */
export interface Colour {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Samples per pixel along each axis; 4 gives 16 samples, enough for smooth 16 px edges. */
const SAMPLES = 4;

/**
 * A small software canvas that draws anti-aliased shapes. Shapes are described in icon units
 * (`units` across the whole icon), so one drawing renders at any pixel size.
 */
export class Raster {
  readonly size: number;
  private readonly units: number;
  /** Non-premultiplied RGBA as floats: colour 0-255, alpha 0-1. */
  private readonly pixels: Float64Array;

  constructor(size: number, units: number) {
    this.size = size;
    this.units = units;
    this.pixels = new Float64Array(size * size * 4);
  }

  /** Fraction of pixel (px, py) that `shape` covers. */
  private coverage(shape: Shape, px: number, py: number): number {
    const scale = this.units / this.size;
    let inside = 0;
    for (let sy = 0; sy < SAMPLES; sy += 1) {
      for (let sx = 0; sx < SAMPLES; sx += 1) {
        if (shape((px + (sx + 0.5) / SAMPLES) * scale, (py + (sy + 0.5) / SAMPLES) * scale))
          inside += 1;
      }
    }
    return inside / (SAMPLES * SAMPLES);
  }

  /** Paints `shape` in `colour` over what is there (source-over compositing). */
  fill(shape: Shape, colour: Colour): void {
    this.forEachPixel(shape, (index, cover) => {
      const sourceAlpha = colour.a * cover;
      const targetAlpha = this.pixels[index + 3]!;
      const alpha = sourceAlpha + targetAlpha * (1 - sourceAlpha);
      if (alpha === 0) return;
      for (const [offset, value] of [colour.r, colour.g, colour.b].entries()) {
        const target = this.pixels[index + offset]!;
        this.pixels[index + offset] =
          (value * sourceAlpha + target * targetAlpha * (1 - sourceAlpha)) / alpha;
      }
      this.pixels[index + 3] = alpha;
    });
  }

  /** Makes `shape` transparent (destination-out), to cut holes and gaps. */
  clear(shape: Shape): void {
    this.forEachPixel(shape, (index, cover) => {
      this.pixels[index + 3] = this.pixels[index + 3]! * (1 - cover);
    });
  }

  /** Multiplies the alpha of every pixel, to dim the whole drawing. */
  fade(factor: number): void {
    for (let index = 3; index < this.pixels.length; index += 4)
      this.pixels[index] = this.pixels[index]! * factor;
  }

  /** Returns 8-bit RGBA bytes for the PNG encoder. */
  toRgba(): Uint8Array {
    const bytes = new Uint8Array(this.pixels.length);
    for (let index = 0; index < this.pixels.length; index += 4) {
      const alpha = this.pixels[index + 3]!;
      for (let offset = 0; offset < 3; offset += 1)
        bytes[index + offset] = alpha === 0 ? 0 : Math.round(this.pixels[index + offset]!);
      bytes[index + 3] = Math.round(alpha * 255);
    }
    return bytes;
  }

  private forEachPixel(shape: Shape, paint: (index: number, cover: number) => void): void {
    for (let py = 0; py < this.size; py += 1) {
      for (let px = 0; px < this.size; px += 1) {
        const cover = this.coverage(shape, px, py);
        if (cover > 0) paint((py * this.size + px) * 4, cover);
      }
    }
  }
}

export function roundedRect(x0: number, y0: number, x1: number, y1: number, radius: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + radius - x, 0, x - (x1 - radius));
    const dy = Math.max(y0 + radius - y, 0, y - (y1 - radius));
    return dx * dx + dy * dy <= radius * radius;
  };
}

export function circle(cx: number, cy: number, radius: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius;
}

/** A bar of `width` from (x0, y0) to (x1, y1) with round ends. */
export function bar(x0: number, y0: number, x1: number, y1: number, width: number): Shape {
  const length2 = (x1 - x0) ** 2 + (y1 - y0) ** 2;
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - x0) * (x1 - x0) + (y - y0) * (y1 - y0)) / length2));
    return (x - (x0 + t * (x1 - x0))) ** 2 + (y - (y0 + t * (y1 - y0))) ** 2 <= (width / 2) ** 2;
  };
}

export function union(...shapes: Shape[]): Shape {
  return (x, y) => shapes.some((shape) => shape(x, y));
}

export function subtract(shape: Shape, hole: Shape): Shape {
  return (x, y) => shape(x, y) && !hole(x, y);
}
