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
  const ids = [...values.keys()];
  const list = new Float64Array(ids.length);
  ids.forEach((id, i) => {
    list[i] = values.get(id) ?? Number.NaN;
  });
  const p = percentileList(list, polarity);
  const out = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!Number.isNaN(p[i] as number)) out.set(id, p[i] as number);
  });
  return out;
}

/**
 * The same by position, for callers that hold a group's values in one list: NaN in,
 * NaN out (no value, no percentile); every finite value gets its percentile among them.
 * @example percentileList(Float64Array.of(0.9, NaN, 0.8), 'higher') // [1, NaN, 0]
 */
export function percentileList(values: Float64Array, polarity: Polarity): Float64Array {
  const out = new Float64Array(values.length).fill(Number.NaN);
  // Ranks from a numeric sort of the values alone (native, no comparator): a value has
  // `below` values under it and `upTo` at or under it, so its tied ranks are
  // below+1 … upTo, and their average is (below + 1 + upTo) / 2. Lower-is-better metrics
  // rank their negated values.
  const sign = polarity === 'higher' ? 1 : -1;
  let n = 0;
  for (const v of values) if (Number.isFinite(v)) n++;
  if (n === 0) return out;
  const sorted = new Float64Array(n);
  let k = 0;
  for (const v of values) if (Number.isFinite(v)) sorted[k++] = sign * v;
  sorted.sort();
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (n === 1) {
      out[i] = 0.5;
      continue;
    }
    const x = sign * v;
    const rank = (countBelow(sorted, x, false) + 1 + countBelow(sorted, x, true)) / 2;
    out[i] = (rank - 1) / (n - 1);
  }
  return out;
}

/** How many values of the ascending `sorted` are below `x` (or at or below it, when `inclusive`). */
function countBelow(sorted: Float64Array, x: number, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = sorted[mid] as number;
    if (s < x || (inclusive && s === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
