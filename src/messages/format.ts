/**
 * How metric values read to people: rates in %, handle time in minutes and seconds,
 * QA as a score out of 100. One place, so charts, messages and the terminal agree.
 */

import { METRIC_DEFS, type Metric } from '../domain/metrics.ts';
import { metricLabel, metricNLabel } from './metric-names.ts';
import { t } from './t.ts';

/** @example formatValue('csat', 0.8734) // '87.3%'; formatValue('aht', 312) // '5m 12s' */
export function formatValue(metric: Metric, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  switch (METRIC_DEFS[metric].unit) {
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'seconds': {
      const total = Math.round(value);
      const minutes = Math.floor(total / 60);
      const seconds = total % 60;
      return minutes > 0
        ? t('unit.minutes_seconds', {
            minutes: String(minutes),
            seconds: String(seconds).padStart(2, '0'),
          })
        : t('unit.seconds_short', { seconds: String(seconds) });
    }
    case 'score':
      return value.toFixed(1);
  }
}

/**
 * A change in metric units, said the way people say it: percentage points for rates,
 * seconds for handle time, points for QA.
 * @example formatDelta('csat', -0.004) // '-0.4 pts'; formatDelta('aht', 12) // '+12s'
 */
export function formatDelta(metric: Metric, delta: number): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '-' : '±';
  const abs = Math.abs(delta);
  switch (METRIC_DEFS[metric].unit) {
    case 'percent':
      return t('unit.pts', { delta: `${sign}${(abs * 100).toFixed(1)}` });
    case 'seconds':
      return t('unit.seconds_short', { seconds: `${sign}${abs.toFixed(abs < 10 ? 1 : 0)}` });
    case 'score':
      return t('unit.pts', { delta: `${sign}${abs.toFixed(1)}` });
  }
}

/** Value in the unit a chart axis uses: % for rates, minutes for handle time, score for QA. */
export function toDisplayUnit(metric: Metric, value: number): number {
  switch (METRIC_DEFS[metric].unit) {
    case 'percent':
      return value * 100;
    case 'seconds':
      return value / 60;
    case 'score':
      return value;
  }
}

/** The catalogue's word for each unit's display unit on a chart axis. */
const AXIS_UNIT = { percent: 'percent', seconds: 'minutes', score: 'score' } as const;

/** Axis label for the display unit, with the polarity where lower is better. */
export function axisLabel(metric: Metric): string {
  const def = METRIC_DEFS[metric];
  const unit = t(`unit.${AXIS_UNIT[def.unit]}`);
  return t(def.polarity === 'lower' ? 'axis.label_lower_better' : 'axis.label', {
    label: metricLabel(metric),
    unit,
  });
}

/**
 * A Wilson interval in whole percent, widened outward (lower end rounded down, upper end
 * up) so the printed range always contains the computed one.
 * @example formatInterval([0.7734, 0.8828]) // '77–89%'
 */
export function formatInterval(interval: readonly [number, number]): string {
  const lo = Math.floor(interval[0] * 100 + 1e-9);
  const hi = Math.ceil(interval[1] * 100 - 1e-9);
  return t('unit.interval', { lo: String(lo), hi: String(hi) });
}

/** "n = 1,204 survey responses" */
export function formatN(metric: Metric, n: number): string {
  return `n = ${n.toLocaleString('en-US')} ${metricNLabel(metric)}`;
}

/** A p-value as statisticians write it. */
export function formatP(p: number | null): string {
  if (p === null) return 'p n/a';
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p.toFixed(3)}`;
}
