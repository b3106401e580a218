/**
 * The one y-axis rule of every time-series chart (trend, monthly, dashboard panels), so
 * an axis never turns noise into drama (issue 14.3; docs/metrics.md, "Chart axes"):
 *
 * 1. The axis spans everything drawn: the data, the centre line, the control limits
 *    (every day's, for a p′ band) and the trend line, padded by 10% of that extent on
 *    each side, so points on a limit are not cut by the frame.
 * 2. It spans at least twice the data's own range, so the data never fills more than
 *    half the plot's height: a stable team looks stable, and a real change still spans
 *    half the plot.
 * 3. It spans at least the metric's minimum span: 10 points for rates, 10 QA points,
 *    60 s (1 minute) of handle time.
 * 4. Widened spans are centred on what is drawn, then shifted (never cut) to stay inside
 *    the metric's natural bounds (0–100% for rates, 0–100 for QA, ≥ 0 for handle time);
 *    only a span wider than those bounds is clipped to them.
 * 5. The ends are rounded outwards to a whole tick step (1, 2 or 5 times a power of ten).
 *
 * All values in display units (toDisplayUnit: % for rates, minutes for handle time).
 * Fixed in the spec, so a reader (or a test) knows exactly where a value lands.
 */

import { METRIC_DEFS, type Metric, type Unit } from '../../domain/metrics.ts';
import { toDisplayUnit } from '../../messages/format.ts';

/** The smallest axis span per unit, in display units: 10 pts, 10 QA points, 1 minute (60 s). */
export const MIN_SPAN: Readonly<Record<Unit, number>> = { percent: 10, score: 10, seconds: 1 };

/** Share of the drawn extent added above and below it. */
const PAD = 0.1;
/** The data fills at most this share of the axis (before clipping to natural bounds). */
const DATA_SHARE = 0.5;

export interface AxisInput {
  /** The measured values (display units). */
  data: number[];
  /** Everything else drawn: centre line, limits, trend line (display units). */
  reference?: number[];
  floor: number;
  ceiling?: number;
  minSpan: number;
}

/**
 * @throws Error when there is no finite data value or the bounds are inverted
 * @example axisRange({ data: [87.2, 89.1], reference: [86, 90], floor: 0, ceiling: 100, minSpan: 10 })
 *   // span 10 around 88 → 83…93, rounded to the step 2 → { min: 82, max: 94 }
 */
export function axisRange(input: AxisInput): { min: number; max: number } {
  const data = input.data.filter(Number.isFinite);
  if (data.length === 0) throw new Error('axisRange requires at least one finite data value');
  const ceiling = input.ceiling ?? Number.POSITIVE_INFINITY;
  if (!(ceiling > input.floor)) {
    throw new Error(`axisRange requires ceiling > floor (got ${input.floor}…${ceiling})`);
  }
  const drawn = [...data, ...(input.reference ?? []).filter(Number.isFinite)];
  const lo = Math.min(...drawn);
  const hi = Math.max(...drawn);
  const dataSpan = Math.max(...data) - Math.min(...data);
  const span = Math.max((hi - lo) * (1 + 2 * PAD), dataSpan / DATA_SHARE, input.minSpan);
  const middle = (lo + hi) / 2;
  let min = middle - span / 2;
  let max = middle + span / 2;
  // Shift inside the natural bounds before cutting, so the span is kept where it fits.
  if (min < input.floor) {
    max += input.floor - min;
    min = input.floor;
  }
  if (max > ceiling) {
    min -= max - ceiling;
    max = ceiling;
  }
  min = Math.max(min, input.floor);
  const step = niceStep((max - min) / 8);
  return {
    min: round(Math.max(input.floor, Math.floor(min / step + 1e-9) * step)),
    max: round(Math.min(ceiling, Math.ceil(max / step - 1e-9) * step)),
  };
}

/**
 * The axis of one metric's chart: `axisRange` with the metric's natural bounds and
 * minimum span, in display units.
 * @example metricAxis('csat', { data: [87.2, 89.1] }) // { min: 82, max: 94 }
 */
export function metricAxis(
  metric: Metric,
  drawn: { data: number[]; reference?: number[] },
): { min: number; max: number } {
  const def = METRIC_DEFS[metric];
  return axisRange({
    ...drawn,
    floor: toDisplayUnit(metric, def.floor),
    ...(def.ceiling === undefined ? {} : { ceiling: toDisplayUnit(metric, def.ceiling) }),
    minSpan: MIN_SPAN[def.unit],
  });
}

/** 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw - 1e-12) return m * power;
  return 10 * power;
}

function round(value: number): number {
  return Number(value.toFixed(6));
}
