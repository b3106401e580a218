/**
 * Mann–Kendall trend test (METRICS.md, "Trend"), on values in time order:
 * - S = Σ_{i<j} sign(y_j − y_i)
 * - Var(S) = [n(n−1)(2n+5) − Σ_g t_g(t_g−1)(2t_g+5)] / 18, where t_g is the size of each
 *   group of tied values (the standard tie correction)
 * - Z = (S − 1)/√Var(S) if S > 0, (S + 1)/√Var(S) if S < 0, 0 if S = 0 (continuity correction)
 * - p = 2·(1 − Φ(|Z|)), two-sided, from the standard normal distribution.
 * When every value is tied, Var(S) = 0: Z = 0 and p = 1 (no evidence of a trend).
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

export interface MannKendall {
  s: number;
  varS: number;
  z: number;
  p: number;
}

/**
 * @param values the series in time order, at least 2 finite numbers
 * @returns S, Var(S), Z and the two-sided p
 * @throws Error when there are fewer than 2 values or one is not finite
 * @example mannKendall([1, 2, 2, 3])
 *   // S = 5 (five rises, one tie); Var(S) = (4·3·13 − 2·1·9)/18 = 138/18 = 7.667;
 *   // Z = 4/√7.667 = 1.4446; p = 0.1486
 */
export function mannKendall(values: readonly number[]): MannKendall {
  const n = values.length;
  if (n < 2) throw new Error(`mannKendall requires at least 2 values, got ${n}`);
  for (const [i, v] of values.entries()) {
    if (!Number.isFinite(v)) throw new Error(`mannKendall value ${i} is not a finite number: ${v}`);
  }
  let s = 0;
  for (let i = 0; i < n; i++) {
    const yi = values[i] as number;
    for (let j = i + 1; j < n; j++) s += Math.sign((values[j] as number) - yi);
  }
  const tieCounts = new Map<number, number>();
  for (const v of values) tieCounts.set(v, (tieCounts.get(v) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of tieCounts.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const varS = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  if (varS <= 0) return { s, varS: 0, z: 0, p: 1 };
  const z = s > 0 ? (s - 1) / Math.sqrt(varS) : s < 0 ? (s + 1) / Math.sqrt(varS) : 0;
  const p = Math.min(1, 2 * (1 - normalCdf(Math.abs(z), 0, 1)));
  return { s, varS, z, p };
}
