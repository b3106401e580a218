// Its own file: the font choice is made once per process, and vitest runs each file in a
// fresh process, so this fallback does not leak into the other chart tests.
import { describe, expect, it } from 'vitest';
import { chartFontFamily } from '../../src/charts/fonts.ts';
import { renderSpec } from '../../src/charts/renderer.ts';
import { monthlyTrendSpec } from '../../src/charts/specs/monthly-trend.ts';
import { monthlyCsat } from '../../support/charts/fixtures.ts';
import { countDark, decode } from './png.ts';

describe('chart font', () => {
  it('falls back to the generic sans-serif when DejaVu is not installed, and charts still draw text', () => {
    expect(chartFontFamily('/nonexistent/fonts')).toBe('sans-serif');
    const img = decode(
      renderSpec(
        monthlyTrendSpec({ teamName: 'A', metric: 'csat', monthly: monthlyCsat().monthly }),
      ),
    );
    expect(img.width).toBe(1280);
    expect(countDark(img)).toBeGreaterThan(1000);
  });
});
