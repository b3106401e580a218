/**
 * Contact-reason mix shift (METRICS.md, "Contact-reason mix shift"): a chi-square test of
 * homogeneity on the 2×K table of reason counts, baseline (the 28 days before) against
 * recent (the last 7 days).
 * - Expected count E_rk = row total_r · column total_k / N.
 * - Pooling: every reason with an expected count under 5 in either period is merged into
 *   `other` (together with a reason already called `other`); the pooled `other` is kept
 *   even if it is itself still small, so no contacts are dropped.
 * - χ² = Σ (O − E)²/E over the 2×K' cells, df = K' − 1, p = 1 − F_χ²(χ²; df).
 * - Shift when p < 0.01. No test (nulls, no shift) when either period has no contacts or
 *   fewer than 2 categories remain.
 * - Drivers: every category, ordered by |share after − share before| (largest first, ties
 *   by name), each with its adjusted standardised residual for the recent cell:
 *   (O − E) / √(E · (1 − row total/N) · (1 − column total/N)).
 */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import type { ContactMix, MixDriver } from '../domain/report-types.ts';

export const MIX_ALPHA = 0.01;
export const MIN_EXPECTED = 5;
export const OTHER = 'other';

type Period = { from: string; to: string };

/**
 * @param before reason → count in the baseline period
 * @param after reason → count in the recent period
 * @param periods the two date ranges, echoed in the result
 * @returns the ContactMix
 * @throws Error when a count is negative or not finite
 * @example contactMix(before {a: 50, b: 50}, after {a: 10, b: 40}, …)
 *   // row totals 100, 50; column totals a 60, b 90; N = 150
 *   // E_before = 40, 60; E_after = 20, 30; χ² = 2.5 + 1.667 + 5 + 3.333 = 12.5, df 1
 */
export function contactMix(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
  periods: { baseline: Period; recent: Period },
): ContactMix {
  for (const [label, counts] of [
    ['baseline', before],
    ['recent', after],
  ] as const) {
    for (const [reason, count] of counts) {
      if (!Number.isFinite(count) || count < 0) {
        throw new Error(
          `contactMix: ${label} count for "${reason}" must be a number ≥ 0, got ${count}`,
        );
      }
    }
  }
  const nBefore = sum(before.values());
  const nAfter = sum(after.values());
  const n = nBefore + nAfter;
  const base = { nBefore, nAfter, baseline: periods.baseline, recent: periods.recent };
  if (nBefore === 0 || nAfter === 0) {
    return { shift: false, chiSquare: null, df: null, p: null, drivers: [], ...base };
  }
  const reasons = [...new Set([...before.keys(), ...after.keys()])];
  const pooled = new Map<string, [number, number]>();
  for (const reason of reasons) {
    const b = before.get(reason) ?? 0;
    const a = after.get(reason) ?? 0;
    const col = a + b;
    if (col === 0) continue;
    const small = (nBefore * col) / n < MIN_EXPECTED || (nAfter * col) / n < MIN_EXPECTED;
    const key = small || reason === OTHER ? OTHER : reason;
    const cell = pooled.get(key) ?? [0, 0];
    cell[0] += b;
    cell[1] += a;
    pooled.set(key, cell);
  }
  const drivers: MixDriver[] = [];
  let chiSquare = 0;
  for (const [reason, [b, a]] of pooled) {
    const col = a + b;
    const eBefore = (nBefore * col) / n;
    const eAfter = (nAfter * col) / n;
    chiSquare += (b - eBefore) ** 2 / eBefore + (a - eAfter) ** 2 / eAfter;
    const residual = (a - eAfter) / Math.sqrt(eAfter * (1 - nAfter / n) * (1 - col / n));
    drivers.push({
      reason,
      before: b / nBefore,
      after: a / nAfter,
      residual: Number.isFinite(residual) ? residual : 0,
      countBefore: b,
      countAfter: a,
    });
  }
  drivers.sort(
    (x, y) =>
      Math.abs(y.after - y.before) - Math.abs(x.after - x.before) || (x.reason < y.reason ? -1 : 1),
  );
  const df = pooled.size - 1;
  if (df < 1) return { shift: false, chiSquare: null, df: null, p: null, drivers, ...base };
  const p = Math.max(0, 1 - chisquareCdf(chiSquare, df));
  return { shift: p < MIX_ALPHA, chiSquare, df, p, drivers, ...base };
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
