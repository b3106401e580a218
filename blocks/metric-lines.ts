/**
 * How one metric reads in a message: value with the n it rests on, and its health with
 * the reason (PRODUCT.md: "Explainable", "Honest about small numbers").
 */

import type { Metric } from '../src/domain/metrics.ts';
import { EFFICIENCY_METRICS, QUALITY_METRICS } from '../src/domain/metrics.ts';
import type { Health, MetricReport } from '../src/domain/report-types.ts';
import { formatN, formatValue } from '../src/messages/format.ts';
import { metricLabel } from '../src/messages/metric-names.ts';
import { reasonPhrases } from '../src/messages/reasons.ts';
import { t } from '../src/messages/t.ts';

/**
 * Quality first, then efficiency: wherever all metrics are listed, efficiency never
 * stands without quality beside it (PRODUCT.md, "Balance").
 */
export const BALANCED_ORDER: readonly Metric[] = [...QUALITY_METRICS, ...EFFICIENCY_METRICS];

export const HEALTH_EMOJI: Readonly<Record<Health, string>> = {
  healthy: ':large_green_circle:',
  watch: ':large_yellow_circle:',
  at_risk: ':red_circle:',
  insufficient_data: ':white_circle:',
};

export function healthLabel(health: Health): string {
  return t(`health.${health}`);
}

/** "*CSAT*: 87.3% (n = 1,204 survey responses)" */
export function valueLine(metric: Metric, report: Pick<MetricReport, 'value' | 'n'>): string {
  return t('team.metric_line', {
    label: metricLabel(metric),
    value: report.value === null ? t('common.no_value') : formatValue(metric, report.value),
    n: formatN(metric, report.n),
  });
}

/**
 * ":red_circle: At risk: fell about 0.4 pts a day over 28 days (p = 0.006); below its lower
 * limit on 12 Oct" — the analytics' reasons in words, or the trend and stability when all is well.
 */
export function statusLine(
  metric: Metric,
  report: Pick<MetricReport, 'health' | 'reasons' | 'trend' | 'stability'>,
): string {
  const why =
    report.reasons.length > 0
      ? reasonPhrases(metric, report.reasons, { withP: true }).join('; ')
      : t('team.status_fine', {
          direction: t(`direction.${report.trend.direction}`),
          stability: t(`stability.${report.stability.status}`),
        });
  return t('team.status_line', {
    emoji: HEALTH_EMOJI[report.health],
    health: healthLabel(report.health),
    why,
  });
}

/** The other side of the balance, as short value lines, for a single-metric view. */
export function besideLine(metric: Metric, metrics: Record<Metric, MetricReport>): string {
  const quality = (QUALITY_METRICS as Metric[]).includes(metric);
  const others = quality ? EFFICIENCY_METRICS : QUALITY_METRICS;
  const lines = others.map((m) =>
    t('metric.beside_item', {
      label: metricLabel(m),
      value: formatValue(m, metrics[m].value),
      emoji: HEALTH_EMOJI[metrics[m].health],
    }),
  );
  return t(quality ? 'metric.beside_efficiency' : 'metric.beside', { lines: lines.join(' · ') });
}
