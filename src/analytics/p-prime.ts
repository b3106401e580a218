/**
 * Stability of a proportion: the Laney p′ control chart (METRICS.md v2, "Stability").
 * Each day's rate rests on its own n, and a quiet day with 12 surveys swings more than a
 * busy one with 300 by chance alone, so each day gets its own limits. Over the days d of
 * the series (n_d > 0, x_d = p_d·n_d):
 * - centre p̄ = Σx_d / Σn_d (the ratio of the sums, not the mean of the daily rates);
 * - σ_d = √(p̄(1 − p̄)/n_d), the binomial sd of day d; z_d = (p_d − p̄)/σ_d;
 * - σ_z = MR̄_z / 1.128, with MR̄_z the mean of |z_d − z_{d−1}| over consecutive points:
 *   how much more (σ_z > 1) or less (σ_z < 1) the days vary than binomial chance says;
 * - UCL_d = min(1, p̄ + 3·σ_d·σ_z), LCL_d = max(0, p̄ − 3·σ_d·σ_z).
 * Signals as on the XmR chart (signals.ts), with each day's own limits and p̄ as centre.
 * CV = population sd / mean of the daily rates, as for XmR.
 * Our choices, decided on purpose:
 * - fewer than 2 days: `insufficient_data`, no limits (no moving range, so no σ_z);
 * - p̄ of 0 or 1 (every answer the same): σ_d = 0, so each day's limits are p̄ itself,
 *   σ_z is null (z is 0/0) and there is no signal; status `stable`;
 * - a point exactly on its limit is inside.
 */
import { METRIC_DEFS, type Metric } from '../domain/metrics.ts';
import type { DayLimits, PPrimeStability, SeriesPoint } from '../domain/report-types.ts';
import { controlSignals } from './signals.ts';
import { coefficientOfVariation, meanMovingRange } from './xmr.ts';

/** d2 for moving ranges of 2: MR̄/1.128 estimates σ. */
export const D2 = 1.128;

/**
 * @param series the daily series of a proportion, oldest first (value = x/n, with its n)
 * @param metric for which side is bad
 * @returns the p′ Stability: p̄ as `mean`, day-by-day `limits`, `sigmaZ`, CV and signals
 * @throws Error when a point has n ≤ 0 or a value outside [0, 1]
 * @example pPrime(10 days with n = 120, 95, 14, 130, 110, 12, 18, 140, 100, 125 and
 *   x = 100, 80, 9, 112, 90, 7, 16, 121, 85, 104, 'csat')
 *   // p̄ = 724/864 = 0.83796; MR̄_z = 1.38188 → σ_z = 1.22507;
 *   // day 6 (7 of 12, 58.3%): LCL 0.44702, inside; day 1 (n = 120): 0.71434 – 0.96159
 */
export function pPrime(series: readonly SeriesPoint[], metric: Metric): PPrimeStability {
  for (const p of series) {
    if (!(p.n > 0) || !(p.value >= 0 && p.value <= 1)) {
      throw new Error(
        `pPrime requires n > 0 and a value between 0 and 1 on each day, got n = ${p.n}, value = ${p.value} on ${p.date}`,
      );
    }
  }
  const count = series.length;
  const empty = { chart: 'p_prime' as const, ucl: null, lcl: null, limits: [], sigmaZ: null };
  if (count < 2) {
    return {
      ...empty,
      mean: count === 1 ? (series[0] as SeriesPoint).value : null,
      mrBar: null,
      cv: null,
      status: 'insufficient_data',
      signals: [],
    };
  }
  let sumX = 0;
  let sumN = 0;
  for (const p of series) {
    sumX += p.value * p.n;
    sumN += p.n;
  }
  const pBar = sumX / sumN;
  const values = series.map((p) => p.value);
  const meanRate = values.reduce((a, b) => a + b, 0) / count;
  const cv = coefficientOfVariation(values, meanRate);

  // METRICS.md, "Stability": p̄ of 0 or 1 gives no limits and no signals.
  if (pBar <= 0 || pBar >= 1) {
    return {
      ...empty,
      mean: pBar,
      mrBar: null,
      cv,
      status: 'stable',
      signals: [],
    };
  }
  const sd = series.map((p) => Math.sqrt((pBar * (1 - pBar)) / p.n));
  const z = series.map((p, i) => (p.value - pBar) / (sd[i] as number));
  const mrBarZ = meanMovingRange(z);
  const sigmaZ = mrBarZ / D2;
  const limits: DayLimits[] = series.map((p, i) => {
    const half = 3 * (sd[i] as number) * sigmaZ;
    return { date: p.date, lcl: Math.max(0, pBar - half), ucl: Math.min(1, pBar + half) };
  });
  const signals = controlSignals(
    series,
    {
      centre: pBar,
      lcl: (i) => (limits[i] as DayLimits).lcl,
      ucl: (i) => (limits[i] as DayLimits).ucl,
    },
    METRIC_DEFS[metric].polarity === 'lower',
  );
  return {
    chart: 'p_prime',
    mean: pBar,
    ucl: null,
    lcl: null,
    limits,
    sigmaZ,
    mrBar: mrBarZ,
    cv,
    status: signals.some((s) => s.rule === 'beyond_limits') ? 'volatile' : 'stable',
    signals,
  };
}
