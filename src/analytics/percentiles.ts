/**
 * Per-metric percentile among eligible agents (METRICS.md, "Agent tiers", step 2): rank
 * from worst to best with the metric's polarity applied (rank 1 = worst), tied values
 * share the average of their ranks, and p = (rank − 1)/(N − 1), so the worst is 0 and the
 * best 1. Agents without a value are left out before ranking.
 *
 * Our choice for N = 1: the lone agent gets p = 0.5. (rank − 1)/(N − 1) is 0/0 there; an
 * agent with no peers is neither best nor worst, and 0.5 keeps them out of both ends.
 */
import type { Polarity } from '../domain/metrics.ts';

/**
 * @param values agent id → value (null or non-finite values are left out)
 * @param polarity whether higher is better
 * @returns agent id → percentile in [0, 1]
 * @example percentiles(new Map([['a', 0.9], ['b', 0.8], ['c', 0.8], ['d', 0.7]]), 'higher')
 *   // d rank 1 → 0; b, c ranks 2 and 3 → 2.5 → 0.5; a rank 4 → 1
 */
export function percentiles(
  values: ReadonlyMap<string, number | null>,
  polarity: Polarity,
): Map<string, number> {
  const entries: [string, number][] = [];
  for (const [id, v] of values) if (v !== null && Number.isFinite(v)) entries.push([id, v]);
  const out = new Map<string, number>();
  const n = entries.length;
  if (n === 0) return out;
  if (n === 1) {
    out.set((entries[0] as [string, number])[0], 0.5);
    return out;
  }
  const sign = polarity === 'higher' ? 1 : -1;
  entries.sort((a, b) => sign * (a[1] - b[1]));
  let i = 0;
  while (i < n) {
    let j = i;
    while (
      j + 1 < n &&
      (entries[j + 1] as [string, number])[1] === (entries[i] as [string, number])[1]
    )
      j++;
    // ranks i+1 … j+1 share their average
    const rank = (i + 1 + (j + 1)) / 2;
    for (let k = i; k <= j; k++) out.set((entries[k] as [string, number])[0], (rank - 1) / (n - 1));
    i = j + 1;
  }
  return out;
}
