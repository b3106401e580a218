/**
 * Stability: the XmR (individuals and moving range) control chart (METRICS.md,
 * "Stability"). On the daily series x_1…x_n:
 * - CL = mean of x; MR_t = |x_t − x_{t−1}| over consecutive points of the series (a day
 *   with no value is skipped, not bridged with 0); MR̄ = mean of the n − 1 moving ranges.
 * - UCL = CL + 2.66·MR̄, LCL = CL − 2.66·MR̄. Our choice: LCL is clipped at the metric's
 *   floor and UCL at its ceiling where it has one (a rate cannot pass 0% or 100%, a QA
 *   score 0 or 100), so a point sitting on a bound is never "beyond" an impossible limit.
 * - CV = population sd / mean (null when the mean is 0).
 * Signals (each with the dates it covers; consecutive points of one kind form one signal):
 * - `beyond_limits`: points strictly above UCL or strictly below LCL (a point exactly on
 *   a limit is inside).
 * - `run`: 8 or more consecutive points strictly on the same side of CL; a point equal to
 *   CL breaks a run.
 * - `drift`: 6 or more consecutive points each strictly higher (or each strictly lower)
 *   than the previous one; an equal value breaks a drift.
 * Status: `volatile` with any `beyond_limits` signal, else `stable`; fewer than 2 points
 * (no moving range): `insufficient_data`.
 */
import { METRIC_DEFS, type Metric } from '../domain/metrics.ts';
import type { SeriesPoint, Signal, Stability } from '../domain/report-types.ts';

export const XMR_FACTOR = 2.66;
export const RUN_LENGTH = 8;
export const DRIFT_LENGTH = 6;

/**
 * @param series the daily series, oldest first
 * @param metric for the floor/ceiling and which side is bad
 * @returns the Stability with limits, CV and signals
 * @example xmr(values 10, 12, 11, 13 on four days, 'aht')
 *   // CL = 11.5; MR = 2, 1, 2 → MR̄ = 5/3; UCL = 11.5 + 2.66·5/3 = 15.933;
 *   // LCL = 7.067; sd = √1.25 → CV = 0.0972; no signals → 'stable'
 */
export function xmr(series: readonly SeriesPoint[], metric: Metric): Stability {
  const n = series.length;
  if (n < 2) {
    return {
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
  let mrSum = 0;
  for (let i = 1; i < n; i++) mrSum += Math.abs((values[i] as number) - (values[i - 1] as number));
  const mrBar = mrSum / (n - 1);
  let ucl = mean + XMR_FACTOR * mrBar;
  let lcl = mean - XMR_FACTOR * mrBar;
  if (lcl < def.floor) lcl = def.floor;
  if (def.ceiling !== undefined && ucl > def.ceiling) ucl = def.ceiling;
  const variance = values.reduce((acc, v) => acc + (v - mean) ** 2, 0) / n;
  const cv = mean === 0 ? null : Math.sqrt(variance) / mean;

  const badAbove = def.polarity === 'lower';
  const signals: Signal[] = [
    ...segments(
      series,
      (i) => ((values[i] as number) > ucl ? 1 : (values[i] as number) < lcl ? -1 : 0),
      1,
    ).map((seg) =>
      signal(
        'beyond_limits',
        seg.dates,
        seg.side > 0 ? 'above' : 'below',
        seg.side > 0 === badAbove,
      ),
    ),
    ...segments(series, (i) => Math.sign((values[i] as number) - mean), RUN_LENGTH).map((seg) =>
      signal('run', seg.dates, seg.side > 0 ? 'above' : 'below', seg.side > 0 === badAbove),
    ),
    ...drifts(series, values).map((seg) =>
      signal('drift', seg.dates, seg.side > 0 ? 'up' : 'down', seg.side > 0 === badAbove),
    ),
  ];
  return {
    mean,
    ucl,
    lcl,
    mrBar,
    cv,
    status: signals.some((s) => s.rule === 'beyond_limits') ? 'volatile' : 'stable',
    signals,
  };
}

interface Segment {
  side: number;
  dates: string[];
}

/** Maximal stretches of consecutive points with the same non-zero side, at least `min` long. */
function segments(
  series: readonly SeriesPoint[],
  sideOf: (i: number) => number,
  min: number,
): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  for (let i = 1; i <= series.length; i++) {
    const side = sideOf(start);
    if (i < series.length && sideOf(i) === side) continue;
    if (side !== 0 && i - start >= min) {
      out.push({ side, dates: series.slice(start, i).map((p) => p.date) });
    }
    start = i;
  }
  return out;
}

/** Maximal strictly monotone stretches of at least DRIFT_LENGTH points. */
function drifts(series: readonly SeriesPoint[], values: readonly number[]): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  let dir = 0;
  const close = (end: number) => {
    if (dir !== 0 && end - start + 1 >= DRIFT_LENGTH) {
      out.push({ side: dir, dates: series.slice(start, end + 1).map((p) => p.date) });
    }
  };
  for (let i = 1; i < values.length; i++) {
    const step = Math.sign((values[i] as number) - (values[i - 1] as number));
    if (step !== 0 && step === dir) continue;
    close(i - 1);
    // A new stretch starts at the previous point when this step moves; at this point when flat.
    start = step === 0 ? i : i - 1;
    dir = step;
  }
  close(values.length - 1);
  return out;
}

function signal(rule: Signal['rule'], dates: string[], side: Signal['side'], bad: boolean): Signal {
  const first = dates[0] as string;
  const last = dates[dates.length - 1] as string;
  return { rule, dates: first === last ? [first] : [first, last], points: dates, side, bad };
}
