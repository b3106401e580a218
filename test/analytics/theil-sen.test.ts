import { describe, expect, it } from 'vitest';
import { theilSen } from '../../src/analytics/theil-sen.ts';

describe('theilSen', () => {
  it('takes the median pairwise slope and Sen’s median intercept', () => {
    // By hand: slopes (0,1)→2, (0,3)→1, (1,3)→0.5 → median 1; y − 1·x = 1, 2, 1 → intercept 1.
    expect(
      theilSen([
        { x: 0, y: 1 },
        { x: 1, y: 3 },
        { x: 3, y: 4 },
      ]),
    ).toEqual({ slope: 1, intercept: 1 });
  });

  it('keeps the true spacing of gaps and averages the two middle slopes when ties leave an even count', () => {
    // x = 0, 1, 2, 5 (days 3–4 missing), y = 2, 2, 4, 4.
    // By hand: slopes 0, 1, 0.4, 2, 0.5, 0 → sorted 0, 0, 0.4, 0.5, 1, 2 → median (0.4 + 0.5)/2 = 0.45.
    // Intercepts y − 0.45x = 2, 1.55, 3.1, 1.75 → median (1.75 + 2)/2 = 1.875.
    // Had the gap been ignored (x = 0,1,2,3) the median would be (2/3 + 1)/2 = 0.833.
    const { slope, intercept } = theilSen([
      { x: 0, y: 2 },
      { x: 1, y: 2 },
      { x: 2, y: 4 },
      { x: 5, y: 4 },
    ]);
    expect(slope).toBeCloseTo(0.45, 12);
    expect(intercept).toBeCloseTo(1.875, 12);
  });

  it('ignores one wild outlier', () => {
    // y = 2x except y(4) = 100; 7 of the 10 pair slopes are exactly 2, so the median is 2.
    const points = [0, 1, 2, 3, 4].map((x) => ({ x, y: x === 4 ? 100 : 2 * x }));
    expect(theilSen(points).slope).toBe(2);
  });

  it('refuses fewer than 2 points', () => {
    expect(() => theilSen([{ x: 0, y: 1 }])).toThrow('theilSen requires at least 2 points, got 1');
  });
});
