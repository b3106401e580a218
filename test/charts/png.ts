/**
 * Reading rendered charts back: decode the PNG (pngjs) and look for colours near CSS
 * coordinates. The renderer draws at 2×, so CSS (x, y) is device (2x, 2y).
 */
import { PNG } from 'pngjs';

export interface Decoded {
  width: number;
  height: number;
  data: Buffer;
}

export const RATIO = 2;

export function decode(png: Buffer): Decoded {
  const { width, height, data } = PNG.sync.read(png);
  return { width, height, data };
}

export function hex(color: string): [number, number, number] {
  const h = color.replace('#', '');
  return [
    Number.parseInt(h.slice(0, 2), 16),
    Number.parseInt(h.slice(2, 4), 16),
    Number.parseInt(h.slice(4, 6), 16),
  ];
}

function matches(
  img: Decoded,
  dx: number,
  dy: number,
  rgb: [number, number, number],
  tol: number,
): boolean {
  if (dx < 0 || dy < 0 || dx >= img.width || dy >= img.height) return false;
  const i = (dy * img.width + dx) * 4;
  return (
    Math.abs((img.data[i] as number) - rgb[0]) <= tol &&
    Math.abs((img.data[i + 1] as number) - rgb[1]) <= tol &&
    Math.abs((img.data[i + 2] as number) - rgb[2]) <= tol
  );
}

/** True when a pixel of `color` lies within `radius` CSS px of CSS point (x, y). */
export function colorNear(
  img: Decoded,
  x: number,
  y: number,
  color: string,
  radius = 2,
  tol = 24,
): boolean {
  const rgb = hex(color);
  const cx = Math.round(x * RATIO);
  const cy = Math.round(y * RATIO);
  const r = Math.round(radius * RATIO);
  for (let dy = -r; dy <= r; dy++)
    for (let dx = -r; dx <= r; dx++) if (matches(img, cx + dx, cy + dy, rgb, tol)) return true;
  return false;
}

/** Pixels of `color` in the whole image (tolerance per channel). */
export function countColor(img: Decoded, color: string, tol = 24): number {
  const rgb = hex(color);
  let count = 0;
  for (let dy = 0; dy < img.height; dy++)
    for (let dx = 0; dx < img.width; dx++) if (matches(img, dx, dy, rgb, tol)) count++;
  return count;
}

/** Pixels darker than `max` on every channel (text, in our palette). */
export function countDark(img: Decoded, max = 0x50): number {
  let count = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    if (
      (img.data[i] as number) <= max &&
      (img.data[i + 1] as number) <= max &&
      (img.data[i + 2] as number) <= max
    )
      count++;
  }
  return count;
}
