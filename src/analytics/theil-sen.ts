/**
 * Theil–Sen line (METRICS.md, "Trend"): slope = the median of (y_j − y_i)/(x_j − x_i) over
 * all pairs i < j; intercept = the median of y_i − slope·x_i (Sen's convention, so the
 * line passes through the "middle" of the points). Robust to outliers; x may have gaps,
 * which keep their true spacing.
 */
import { median } from './median.ts';

export interface XY {
  x: number;
  y: number;
}

/**
 * @param points at least 2 points with distinct x (pairs with equal x are skipped)
 * @returns `{ slope, intercept }` in y units per x unit, intercept at x = 0
 * @throws Error when there are fewer than 2 points or no two points have distinct x
 * @example theilSen([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 3, y: 4 }])
 *   // slopes 2, 1, 0.5 → slope 1; y − x = 1, 2, 1 → intercept 1
 */
export function theilSen(points: readonly XY[]): { slope: number; intercept: number } {
  if (points.length < 2)
    throw new Error(`theilSen requires at least 2 points, got ${points.length}`);
  const n = points.length;
  const slopes = new Float64Array((n * (n - 1)) / 2);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const a = points[i] as XY;
    for (let j = i + 1; j < n; j++) {
      const b = points[j] as XY;
      if (b.x !== a.x) slopes[count++] = (b.y - a.y) / (b.x - a.x);
    }
  }
  if (count === 0) throw new Error('theilSen requires at least 2 distinct x values');
  const slope = median(slopes.subarray(0, count));
  const intercept = median(points.map((p) => p.y - slope * p.x));
  return { slope, intercept };
}
