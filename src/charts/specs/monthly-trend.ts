/**
 * Monthly trend of one team's metric: one point per month with its value written above
 * and its n under the month, so a small month is visibly small.
 */

import { METRIC_DEFS, type Metric, polaritySign } from '../../domain/metrics.ts';
import type { MonthlyPoint } from '../../domain/report-types.ts';
import { axisLabel, formatDelta, formatValue, toDisplayUnit } from '../../messages/format.ts';
import { metricLabel } from '../../messages/metric-names.ts';
import { t } from '../../messages/t.ts';
import { INK, SERIES_COLOR } from '../palette.ts';
import { type ChartSpec, clampAltText, DEFAULT_SIZE, noDataSpec } from '../spec.ts';
import { metricAxis } from './axis-range.ts';
import { yTickFormat } from './unit-ticks.ts';
import { monthLabel } from './wording.ts';

export interface MonthlyTrendArgs {
  teamName: string;
  metric: Metric;
  monthly: MonthlyPoint[];
  size?: { width: number; height: number };
}

/**
 * @example monthlyTrendSpec({ teamName: 'Team A', metric: 'csat', monthly }).altText
 *   // 'CSAT for Team A by month, May 2026 to Oct 2026: from 87.4% to 81.5% (-5.9 pts). Best month Jun 2026 (88.1%), worst Oct 2026 (81.5%).'
 */
export function monthlyTrendSpec(args: MonthlyTrendArgs): ChartSpec {
  const { teamName, metric } = args;
  const size = args.size ?? DEFAULT_SIZE;
  const def = METRIC_DEFS[metric];
  const months = [...args.monthly].sort((a, b) => a.month.localeCompare(b.month));
  for (const m of months) {
    if (!/^\d{4}-\d{2}$/.test(m.month)) {
      throw new Error(
        `monthlyTrendSpec: month "${m.month}" for ${metricLabel(metric)}, ${teamName} is not YYYY-MM`,
      );
    }
  }
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last)
    return noDataSpec(
      'monthly-trend',
      t('chart.monthly.no_data_what', { label: metricLabel(metric), team: teamName }),
      size,
    );

  const values = months.map((m) => toDisplayUnit(metric, m.value));
  const y = metricAxis(metric, { data: values });

  const sign = polaritySign(metric);
  const best = months.reduce((a, b) => (sign * b.value > sign * a.value ? b : a));
  const worst = months.reduce((a, b) => (sign * b.value < sign * a.value ? b : a));
  const change = last.value - first.value;
  const polarity = def.polarity === 'lower' ? t('chart.lower_is_better') : '';
  const alt =
    months.length === 1
      ? t('chart.monthly.alt_one', {
          label: metricLabel(metric),
          team: teamName,
          month: monthLabel(first.month),
          value: formatValue(metric, first.value),
          n: t('chart.n', { n: first.n }),
          polarity,
        })
      : t('chart.monthly.alt', {
          label: metricLabel(metric),
          team: teamName,
          first: monthLabel(first.month),
          last: monthLabel(last.month),
          from: formatValue(metric, first.value),
          to: formatValue(metric, last.value),
          delta: formatDelta(metric, change),
          best: monthLabel(best.month),
          bestValue: formatValue(metric, best.value),
          worst: monthLabel(worst.month),
          worstValue: formatValue(metric, worst.value),
          polarity,
        });

  return {
    kind: 'monthly-trend',
    width: size.width,
    height: size.height,
    altText: clampAltText(alt),
    tickFormats: [yTickFormat(def.unit, 'titled')],
    valueLabels: {
      labels: [months.map((m) => formatValue(metric, m.value))],
      position: 'end',
      colors: [INK.text],
    },
    config: {
      type: 'line',
      data: {
        labels: months.map((m) => [monthLabel(m.month), t('chart.n', { n: m.n })]),
        datasets: [
          {
            label: t('chart.monthly.series', { label: metricLabel(metric) }),
            data: values,
            borderColor: SERIES_COLOR,
            backgroundColor: SERIES_COLOR,
            borderWidth: 2.5,
            pointRadius: 5,
          },
        ],
      },
      options: {
        layout: { padding: { left: 8, right: 24 } },
        plugins: {
          title: {
            display: true,
            text: t('chart.monthly.title', { label: metricLabel(metric), team: teamName }),
          },
          subtitle: {
            display: true,
            text:
              months.length > 1
                ? t(
                    def.polarity === 'lower'
                      ? 'chart.monthly.subtitle_lower'
                      : 'chart.monthly.subtitle',
                    {
                      delta: formatDelta(metric, change),
                      first: monthLabel(first.month),
                      last: monthLabel(last.month),
                    },
                  )
                : monthLabel(first.month),
          },
          legend: { display: false },
        },
        scales: {
          x: { offset: true, grid: { display: false }, ticks: { maxRotation: 0 } },
          y: { min: y.min, max: y.max, title: { display: true, text: axisLabel(metric) } },
        },
      },
    },
  };
}
