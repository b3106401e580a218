/**
 * Wilson score interval for a proportion (METRICS.md v2, "Ranking values"): with
 * r = x/n and z = 1.959964 (two-sided 95%),
 * centre = (r + z²/2n) / (1 + z²/n),
 * half-width = z/(1 + z²/n) · √(r(1 − r)/n + z²/4n²),
 * interval = [centre − half-width, centre + half-width].
 * Unlike r ± z·√(r(1 − r)/n) it never leaves [0, 1] and is not zero-width at r = 0 or 1,
 * so "4 of 4" reads as "somewhere between 51% and 100%", not "100% for sure".
 * Our choice: the ends are clamped to [0, 1] (at r = 0 or 1 the formula gives exactly 0
 * or 1, up to rounding).
 */

/** The two-sided 95% point of the standard normal distribution. */
export const Z95 = 1.959964;

/**
 * @param x successes (0 ≤ x ≤ n)
 * @param n trials (n > 0)
 * @param z the normal quantile (default 1.959964, 95%)
 * @returns [lo, hi]
 * @throws Error when n ≤ 0 or x is outside [0, n]
 * @example wilson(8, 10) // [0.4902, 0.9433]
 */
export function wilson(x: number, n: number, z = Z95): [number, number] {
  if (!(n > 0) || !Number.isFinite(n)) throw new Error(`wilson requires n > 0, got ${n}`);
  if (!(x >= 0 && x <= n)) throw new Error(`wilson requires 0 ≤ x ≤ n, got x = ${x}, n = ${n}`);
  const r = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (r + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((r * (1 - r)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
