/**
 * Health status per team and metric (METRICS.md, "Health status"), with its reasons as
 * facts that name the rule and the days (the words are made in src/messages/reasons.ts):
 * - `insufficient_data` where the trend is (fewer than 8 days with a value);
 * - `at_risk` when the trend is `declining`;
 * - `watch` when not at risk and the series is `volatile` (any point beyond the limits),
 *   or has a `run` or `drift` on the side that is bad for the metric;
 * - `healthy` otherwise.
 * The first reason is the one that decided the status; later ones add context (signals).
 */
import type { Metric } from '../domain/metrics.ts';
import type { Health, HealthReason, Signal, Stability, Trend } from '../domain/report-types.ts';
import { MIN_TREND_POINTS } from './trend.ts';

/**
 * @param _metric which metric (kept for the callers' symmetry; the reasons are per metric)
 * @param trend the window's trend
 * @param stability the window's control-chart result
 * @param windowDays the window length, for "over 28 days"
 * @returns the status and its reasons, the deciding one first
 * @example health('csat', { direction: 'declining', slopePerDay: -0.004, p: 0.006, … }, stable, 28)
 *   // { health: 'at_risk', reasons: [{ kind: 'trend', direction: 'declining', slopePerDay: -0.004, p: 0.006, days: 28 }] }
 */
export function health(
  _metric: Metric,
  trend: Trend,
  stability: Stability,
  windowDays: number,
): { health: Health; reasons: HealthReason[] } {
  if (trend.direction === 'insufficient_data') {
    return {
      health: 'insufficient_data',
      reasons: [
        { kind: 'too_few_points', points: trend.points, days: windowDays, min: MIN_TREND_POINTS },
      ],
    };
  }
  const trendReason: HealthReason = {
    kind: 'trend',
    direction: trend.direction,
    slopePerDay: trend.slopePerDay ?? 0,
    p: trend.p,
    days: windowDays,
  };
  const beyond = stability.signals.filter((s) => s.rule === 'beyond_limits');
  const badPatterns = stability.signals.filter((s) => s.rule !== 'beyond_limits' && s.bad);
  const signalReasons = [...beyond, ...badPatterns].map((s) => signalReason(s, stability));
  if (trend.direction === 'declining') {
    return { health: 'at_risk', reasons: [trendReason, ...signalReasons] };
  }
  if (stability.status === 'volatile' || badPatterns.length > 0) {
    return { health: 'watch', reasons: [...signalReasons, trendReason] };
  }
  return { health: 'healthy', reasons: [trendReason] };
}

/**
 * One control-chart signal as a reason: its rule, side, every date, and the level it
 * crossed (the limit for `beyond_limits`, the centre for `run`; null for `drift`, or
 * where the chart has no single value, such as day-by-day p′ limits).
 */
export function signalReason(signal: Signal, stability: Stability): HealthReason {
  let level: number | null = null;
  if (signal.rule === 'beyond_limits')
    level = (signal.side === 'above' ? stability.ucl : stability.lcl) ?? null;
  else if (signal.rule === 'run') level = stability.mean ?? null;
  return {
    kind: 'signal',
    rule: signal.rule,
    side: signal.side,
    dates: [...signal.points],
    level,
  };
}
