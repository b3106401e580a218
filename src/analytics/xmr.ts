/**
 * Stability: the XmR (individuals and moving range) control chart (METRICS.md,
 * "Stability"). On the daily series x_1…x_n:
 * - CL = mean of x; MR_t = |x_t − x_{t−1}| over consecutive points of the series (a day
 *   with no value is skipped, not bridged with 0); MR̄ = mean of the n − 1 moving ranges.
 * - UCL = CL + 2.66·MR̄, LCL = CL − 2.66·MR̄. Our choice: LCL is clipped at the metric's
 *   floor and UCL at its ceiling where it has one (a rate cannot pass 0% or 100%, a QA
 *   score 0 or 100), so a point sitting on a bound is never "beyond" an impossible limit.
 * - CV = population sd / mean (null when the mean is 0).
 * Signals: beyond the limits, a run of 8 on one side of CL, a drift of 6 (signals.ts).
 * Status: `volatile` with any `beyond_limits` signal, else `stable`; fewer than 2 points
 * (no moving range): `insufficient_data`.
 */
import { METRIC_DEFS, type Metric } from '../domain/metrics.ts';
import type { SeriesPoint, XmrStability } from '../domain/report-types.ts';
import { controlSignals } from './signals.ts';

export const XMR_FACTOR = 2.66;

/**
 * @param series the daily series, oldest first
 * @param metric for the floor/ceiling and which side is bad
 * @returns the Stability with limits, CV and signals
 * @example xmr(values 10, 12, 11, 13 on four days, 'aht')
 *   // CL = 11.5; MR = 2, 1, 2 → MR̄ = 5/3; UCL = 11.5 + 2.66·5/3 = 15.933;
 *   // LCL = 7.067; sd = √1.25 → CV = 0.0972; no signals → 'stable'
 */
export function xmr(series: readonly SeriesPoint[], metric: Metric): XmrStability {
  const n = series.length;
  if (n < 2) {
    return {
      chart: 'xmr',
      mean: n === 1 ? (series[0] as SeriesPoint).value : null,
      ucl: null,
      lcl: null,
      mrBar: null,
      cv: null,
      status: 'insufficient_data',
      signals: [],
    };
  }
  const def = METRIC_DEFS[metric];
  const values = series.map((p) => p.value);
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const mrBar = meanMovingRange(values);
  let ucl = mean + XMR_FACTOR * mrBar;
  let lcl = mean - XMR_FACTOR * mrBar;
  if (lcl < def.floor) lcl = def.floor;
  if (def.ceiling !== undefined && ucl > def.ceiling) ucl = def.ceiling;
  const cv = coefficientOfVariation(values, mean);

  const signals = controlSignals(
    series,
    { centre: mean, lcl: () => lcl, ucl: () => ucl },
    def.polarity === 'lower',
  );
  return {
    chart: 'xmr',
    mean,
    ucl,
    lcl,
    mrBar,
    cv,
    status: signals.some((s) => s.rule === 'beyond_limits') ? 'volatile' : 'stable',
    signals,
  };
}

/** The mean of |x_t − x_{t−1}| over consecutive values (at least 2). */
export function meanMovingRange(values: readonly number[]): number {
  let sum = 0;
  for (let i = 1; i < values.length; i++)
    sum += Math.abs((values[i] as number) - (values[i - 1] as number));
  return sum / (values.length - 1);
}

/** Population sd / mean of the values (null when the mean is 0). */
export function coefficientOfVariation(values: readonly number[], mean: number): number | null {
  const variance = values.reduce((acc, v) => acc + (v - mean) ** 2, 0) / values.length;
  return mean === 0 ? null : Math.sqrt(variance) / mean;
}
