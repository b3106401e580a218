/**
 * The chart font. DejaVu Sans ships with Debian (fonts-dejavu-core) and covers the
 * arrows and symbols the charts use; it is registered with node-canvas when the file is
 * there, and charts fall back to the generic sans-serif elsewhere (macOS, slim images).
 */
import { existsSync } from 'node:fs';
import { registerFont } from 'canvas';

const DEJAVU_DIR = '/usr/share/fonts/truetype/dejavu';
const FAMILY = 'DejaVu Sans';

let family: string | undefined;

/**
 * Registers DejaVu Sans once (must happen before the first canvas is created) and returns
 * the CSS font-family list to use.
 * @returns `'DejaVu Sans, sans-serif'` when registered, otherwise `'sans-serif'`
 */
export function chartFontFamily(dir = DEJAVU_DIR): string {
  if (family !== undefined) return family;
  const regular = `${dir}/DejaVuSans.ttf`;
  const bold = `${dir}/DejaVuSans-Bold.ttf`;
  try {
    if (!existsSync(regular)) {
      family = 'sans-serif';
      return family;
    }
    registerFont(regular, { family: FAMILY });
    if (existsSync(bold)) registerFont(bold, { family: FAMILY, weight: 'bold' });
    family = `${FAMILY}, sans-serif`;
  } catch {
    // A font that cannot be registered must not stop the chart: the generic family draws.
    family = 'sans-serif';
  }
  return family;
}
