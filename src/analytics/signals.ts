/**
 * The three control-chart signals, shared by the XmR and the Laney p′ charts (METRICS.md,
 * "Stability"), each with the dates it covers; consecutive points of one kind form one
 * signal:
 * - `beyond_limits`: points strictly above their UCL or strictly below their LCL (a point
 *   exactly on a limit is inside). The limits may differ day by day (p′).
 * - `run`: 8 or more consecutive points strictly on the same side of the centre line; a
 *   point equal to it breaks a run.
 * - `drift`: 6 or more consecutive points each strictly higher (or each strictly lower)
 *   than the previous one; an equal value breaks a drift.
 */
import type { SeriesPoint, Signal } from '../domain/report-types.ts';

export const RUN_LENGTH = 8;
export const DRIFT_LENGTH = 6;

export interface SignalLimits {
  centre: number;
  /** The i-th point's lower and upper limit. */
  lcl(i: number): number;
  ucl(i: number): number;
}

/**
 * @param series the daily series, oldest first
 * @param limits the centre line and each point's limits
 * @param badAbove whether a point above the centre is bad (a lower-is-better metric)
 * @returns beyond_limits, then run, then drift signals
 * @example controlSignals(values 1,1,1,1,1,1,1,9 on eight days, { centre: 2, lcl: () => 0, ucl: () => 5 }, false)
 *   // [{ rule: 'beyond_limits', dates: [day 8], side: 'above', bad: false }]
 *   // (7 points below the centre are one short of a run)
 */
export function controlSignals(
  series: readonly SeriesPoint[],
  limits: SignalLimits,
  badAbove: boolean,
): Signal[] {
  const values = series.map((p) => p.value);
  const at = (i: number) => values[i] as number;
  return [
    ...segments(series, (i) => (at(i) > limits.ucl(i) ? 1 : at(i) < limits.lcl(i) ? -1 : 0), 1).map(
      (seg) =>
        signal(
          'beyond_limits',
          seg.dates,
          seg.side > 0 ? 'above' : 'below',
          seg.side > 0 === badAbove,
        ),
    ),
    ...segments(series, (i) => Math.sign(at(i) - limits.centre), RUN_LENGTH).map((seg) =>
      signal('run', seg.dates, seg.side > 0 ? 'above' : 'below', seg.side > 0 === badAbove),
    ),
    ...drifts(series, values).map((seg) =>
      signal('drift', seg.dates, seg.side > 0 ? 'up' : 'down', seg.side > 0 === badAbove),
    ),
  ];
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
