/**
 * Health status per team and metric (METRICS.md, "Health status"), with reasons in plain
 * words that name the rule and the days:
 * - `insufficient_data` where the trend is (fewer than 8 days with a value);
 * - `at_risk` when the trend is `declining`;
 * - `watch` when not at risk and the series is `volatile` (any point beyond the limits),
 *   or has a `run` or `drift` on the side that is bad for the metric;
 * - `healthy` otherwise.
 * The first reason is the one that decided the status; later ones add context (signals).
 */
import { formatDelta, formatP, formatValue } from '../domain/format.ts';
import { METRIC_DEFS, type Metric } from '../domain/metrics.ts';
import type { Health, Signal, Stability, Trend } from '../domain/report.ts';
import { t } from '../messages/t.ts';
import { MIN_TREND_POINTS } from './trend.ts';

/**
 * @param metric which metric (for labels and units)
 * @param trend the window's trend
 * @param stability the window's XmR result
 * @param windowDays the window length, for "over 28 days"
 * @returns the status and its reasons, the deciding one first
 * @example health('csat', { direction: 'declining', slopePerDay: -0.004, p: 0.006, … }, stable, 28)
 *   // { health: 'at_risk', reasons: ['CSAT fell 0.4 pts a day over 28 days (p = 0.006)'] }
 */
export function health(
  metric: Metric,
  trend: Trend,
  stability: Stability,
  windowDays: number,
): { health: Health; reasons: string[] } {
  const label = METRIC_DEFS[metric].label;
  if (trend.direction === 'insufficient_data') {
    return {
      health: 'insufficient_data',
      reasons: [
        t('reason.insufficient_points', {
          label,
          points: String(trend.points),
          days: String(windowDays),
          min: String(MIN_TREND_POINTS),
        }),
      ],
    };
  }
  const trendReason = describeTrend(metric, trend, windowDays);
  const beyond = stability.signals.filter((s) => s.rule === 'beyond_limits');
  const badPatterns = stability.signals.filter((s) => s.rule !== 'beyond_limits' && s.bad);
  const signalReasons = [...beyond, ...badPatterns].map((s) =>
    describeSignal(metric, s, stability),
  );
  if (trend.direction === 'declining') {
    return { health: 'at_risk', reasons: [trendReason, ...signalReasons] };
  }
  if (stability.status === 'volatile' || badPatterns.length > 0) {
    return { health: 'watch', reasons: [...signalReasons, trendReason] };
  }
  return { health: 'healthy', reasons: [trendReason] };
}

/** "CSAT fell 0.4 pts a day over 28 days (p = 0.006)" or "No sustained trend in CSAT …" */
export function describeTrend(metric: Metric, trend: Trend, windowDays: number): string {
  const label = METRIC_DEFS[metric].label;
  const slope = trend.slopePerDay ?? 0;
  if (trend.direction === 'flat') {
    return t('reason.no_trend', { label, days: String(windowDays), p: formatP(trend.p) });
  }
  const amount = formatDelta(metric, Math.abs(slope)).replace(/^\+/, '');
  return t(slope < 0 ? 'reason.fell' : 'reason.rose', {
    label,
    amount,
    days: String(windowDays),
    p: formatP(trend.p),
  });
}

/** Plain words for one XmR signal, naming its days. */
export function describeSignal(metric: Metric, signal: Signal, stability: Stability): string {
  const label = METRIC_DEFS[metric].label;
  const span = spanOf(signal);
  switch (signal.rule) {
    case 'beyond_limits':
      return signal.side === 'above'
        ? t('reason.beyond_upper', { label, limit: formatValue(metric, stability.ucl), span })
        : t('reason.beyond_lower', { label, limit: formatValue(metric, stability.lcl), span });
    case 'run':
      return t(signal.side === 'above' ? 'reason.run_above' : 'reason.run_below', {
        label,
        mean: formatValue(metric, stability.mean),
        count: String(signal.points.length),
        span,
      });
    case 'drift':
      return t(signal.side === 'up' ? 'reason.drift_up' : 'reason.drift_down', {
        label,
        count: String(signal.points.length),
        span,
      });
  }
}

function spanOf(signal: Signal): string {
  const [first, last] = signal.dates;
  if (signal.points.length === 1 || !last) return t('reason.span_on', { date: String(first) });
  return t('reason.span_from_to', { first: String(first), last });
}
