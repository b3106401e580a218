/** What people call each metric, and what its "n" counts: words, from the catalogue. */
import type { Metric } from '../domain/metrics.ts';
import { t } from './t.ts';

/** @example metricLabel('aht') // 'Handle time' */
export function metricLabel(metric: Metric): string {
  return t(`metric.name.${metric}`);
}

/** The name of the metric's denominator, for "n = …". @example metricNLabel('csat') // 'survey responses' */
export function metricNLabel(metric: Metric): string {
  return t(`metric.n_label.${metric}`);
}
