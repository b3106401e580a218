/**
 * Trend of a daily series (METRICS.md, "Trend"): Theil–Sen slope and Mann–Kendall test
 * on x = day number from the window's first day (day 0), so missing days keep their true
 * spacing. Direction: with p < 0.05, `improving` or `declining` by the slope's sign and
 * the metric's polarity (a falling handle time is improving); otherwise `flat`. Fewer
 * than 8 points: `insufficient_data`.
 *
 * When p < 0.05 but the Theil–Sen slope is exactly 0 (possible with many ties), the
 * direction is `flat`: there is no sign to read.
 */
import { daysBetween } from '../domain/dates.ts';
import { type Metric, polaritySign } from '../domain/metrics.ts';
import type { LocalDate } from '../domain/records.ts';
import type { SeriesPoint, Trend } from '../domain/report-types.ts';
import { mannKendall } from './mann-kendall.ts';
import { theilSen } from './theil-sen.ts';

/** Minimum points for a trend (METRICS.md). */
export const MIN_TREND_POINTS = 8;
/** Significance level for a trend. */
export const TREND_ALPHA = 0.05;

/**
 * @param series the daily series, oldest first (dates unique)
 * @param metric for the polarity
 * @param windowFrom the window's first day, x = 0
 * @returns the Trend; nulls with `insufficient_data` under 8 points
 * @example trend(points on days 0..9 rising by 0.01 a day, 'csat', from)
 *   // { slopePerDay: 0.01, s: 45, p: 0.0002, direction: 'improving', points: 10, … }
 */
export function trend(
  series: readonly SeriesPoint[],
  metric: Metric,
  windowFrom: LocalDate,
): Trend {
  if (series.length < MIN_TREND_POINTS) {
    return {
      slopePerDay: null,
      intercept: null,
      s: null,
      z: null,
      p: null,
      direction: 'insufficient_data',
      points: series.length,
    };
  }
  const xy = series.map((point) => ({ x: daysBetween(windowFrom, point.date), y: point.value }));
  const { slope, intercept } = theilSen(xy);
  const mk = mannKendall(series.map((point) => point.value));
  let direction: Trend['direction'] = 'flat';
  if (mk.p < TREND_ALPHA && slope !== 0) {
    direction = slope * polaritySign(metric) > 0 ? 'improving' : 'declining';
  }
  return {
    slopePerDay: slope,
    intercept,
    s: mk.s,
    z: mk.z,
    p: mk.p,
    direction,
    points: series.length,
  };
}
