/**
 * The team dashboard (issue 15): one picture with a small panel per metric, each with
 * its daily values, control-limits band (limitBand), signals marked, trend line, status
 * word and n. Quality on the left, efficiency on the right of the same row, so handle
 * time and answer rate never stand without a quality metric beside them (PRODUCT.md,
 * "Balance"). Few, large labels: the image must read at full size and shrunk to a
 * phone's width (~360 px). The weekly post adds a small monthly panel in the sixth cell.
 */
import { dateRange } from '../../domain/dates.ts';
import { METRIC_DEFS, type Metric } from '../../domain/metrics.ts';
import type { LocalDate } from '../../domain/records.ts';
import type { Health, MetricReport, TeamReport } from '../../domain/report-types.ts';
import { formatDelta, formatValue, toDisplayUnit } from '../../messages/format.ts';
import { metricLabel } from '../../messages/metric-names.ts';
import { t } from '../../messages/t.ts';
import { monthName } from '../../messages/words.ts';
import { compositeSize } from '../composite.ts';
import { chartFontFamily } from '../fonts.ts';
import { INK, OKABE_ITO, SERIES_COLOR } from '../palette.ts';
import { type ChartSpec, clampAltText, noDataSpec } from '../spec.ts';
import { metricAxis } from './axis-range.ts';
import { trendLayers } from './trend-stability.ts';
import { yTickFormat } from './unit-ticks.ts';
import { listJoin, monthLabel, shortDate, signalPhrases } from './wording.ts';

/** Left column quality, right column efficiency: each efficiency panel has quality beside it. */
export const DASHBOARD_LAYOUT: readonly Metric[] = ['csat', 'aht', 'fcr', 'answer_rate', 'qa'];
export const DASHBOARD_COLUMNS = 2;
/** One panel, in CSS pixels. */
export const PANEL_SIZE = { width: 320, height: 260 } as const;

/** The status strip's colour per health (the word is in the panel's title too). */
export const HEALTH_COLORS: Readonly<Record<Health, string>> = {
  healthy: OKABE_ITO.bluishGreen,
  watch: OKABE_ITO.orange,
  at_risk: OKABE_ITO.vermillion,
  insufficient_data: '#BDBDBD',
};

/** Panel fonts (CSS px): at ~360 px phone width the image shows at under half size. */
const FONT = { title: 22, subtitle: 19, ticks: 18 } as const;

export interface TeamDashboardArgs {
  team: Pick<TeamReport, 'name' | 'metrics'>;
  window: { from: LocalDate; to: LocalDate };
  /** Show this metric's monthly trend as a small sixth panel (the weekly post). */
  monthly?: Metric;
}

/**
 * @example teamDashboardSpec({ team, window }).altText
 *   // 'Team health for Manila Billing, 28 days to Oct 31: 3 healthy, 1 on watch, 1 at risk. Quality: CSAT at risk at 79.0% (n = 1,204), declining, 3 days below the lower limit; … Efficiency: …'
 */
export function teamDashboardSpec(args: TeamDashboardArgs): ChartSpec {
  const { team, window } = args;
  const dates = dateRange(window.from, window.to);
  const panels = DASHBOARD_LAYOUT.map((metric) => metricPanel(metric, team, dates));
  const accents: (string | null)[] = DASHBOARD_LAYOUT.map(
    (m) => HEALTH_COLORS[team.metrics[m].health],
  );
  if (args.monthly && team.metrics[args.monthly].monthly.length > 0) {
    panels.push(monthlyPanel(args.monthly, team));
    accents.push(null);
  }
  const composite = {
    title: t('chart.dashboard.title', { team: team.name }),
    subtitle: t('chart.dashboard.subtitle', { days: dates.length, to: shortDate(window.to) }),
    key: t('chart.dashboard.key'),
    columns: DASHBOARD_COLUMNS,
    panels,
    accents,
  };
  const size = compositeSize(composite, PANEL_SIZE, chartFontFamily());
  return {
    kind: 'team-dashboard',
    ...size,
    altText: clampAltText(dashboardAltText(args, dates.length)),
    composite,
  };
}

function healthWord(health: Health): string {
  return t(`health.${health}`);
}

function metricPanel(
  metric: Metric,
  team: Pick<TeamReport, 'name' | 'metrics'>,
  dates: LocalDate[],
): ChartSpec {
  const def = METRIC_DEFS[metric];
  const report = team.metrics[metric];
  if (report.series.length === 0) {
    return noDataSpec('dashboard-panel', t(`metric.short.${metric}`), PANEL_SIZE);
  }
  const { datasets, y } = trendLayers({ metric, report, dates, scale: 1.4 });
  return {
    kind: 'dashboard-panel',
    ...PANEL_SIZE,
    altText: panelSentence(metric, report),
    tickFormats: [yTickFormat(def.unit, 'untitled')],
    config: {
      type: 'line',
      data: { labels: dates.map(shortDate), datasets },
      options: {
        layout: { padding: { top: 10, right: 14, left: 4, bottom: 2 } },
        plugins: {
          title: {
            display: true,
            text: t('chart.dashboard.panel_title', {
              label: t(`metric.short.${metric}`),
              health: healthWord(report.health),
            }),
            font: { size: FONT.title, weight: 'bold' },
            align: 'start',
          },
          subtitle: {
            display: true,
            text: panelSubtitle(metric, report),
            font: { size: FONT.subtitle },
            align: 'start',
          },
          legend: { display: false },
        },
        scales: {
          x: {
            ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 3, font: { size: FONT.ticks } },
            grid: { display: false },
          },
          y: {
            min: y.min,
            max: y.max,
            // Only round ticks: the axis's own ends are not labelled ("7.5", "10.5").
            ticks: { maxTicksLimit: 4, includeBounds: false, font: { size: FONT.ticks } },
          },
        },
      },
    },
  };
}

/** "87.3% · n = 1,204" (the key says handle time is better lower). */
function panelSubtitle(metric: Metric, report: MetricReport): string {
  return t('chart.dashboard.panel_value', {
    value: formatValue(metric, report.value),
    n: report.n,
  });
}

/** The sixth panel of the weekly post: one metric by month. */
function monthlyPanel(metric: Metric, team: Pick<TeamReport, 'metrics'>): ChartSpec {
  const def = METRIC_DEFS[metric];
  const months = [...team.metrics[metric].monthly].sort((a, b) => a.month.localeCompare(b.month));
  const values = months.map((m) => toDisplayUnit(metric, m.value));
  const y = metricAxis(metric, { data: values });
  const first = months[0];
  const last = months[months.length - 1];
  const change =
    first && last && months.length > 1
      ? t('chart.dashboard.monthly_change', {
          delta: formatDelta(metric, last.value - first.value),
          first: monthLabel(first.month),
        })
      : '';
  return {
    kind: 'dashboard-panel',
    ...PANEL_SIZE,
    altText: change,
    tickFormats: [yTickFormat(def.unit, 'untitled')],
    config: {
      type: 'line',
      data: {
        labels: months.map((m) => monthName(m.month.slice(5, 7))),
        datasets: [
          {
            label: metricLabel(metric),
            data: values,
            borderColor: SERIES_COLOR,
            backgroundColor: SERIES_COLOR,
            borderWidth: 3,
            pointRadius: 5,
          },
        ],
      },
      options: {
        layout: { padding: { top: 10, right: 18, left: 4, bottom: 2 } },
        plugins: {
          title: {
            display: true,
            text: t('chart.dashboard.monthly_title', { label: t(`metric.short.${metric}`) }),
            font: { size: FONT.title, weight: 'bold' },
            align: 'start',
            color: INK.text,
          },
          subtitle: {
            display: true,
            text: change,
            font: { size: FONT.subtitle },
            align: 'start',
          },
          legend: { display: false },
        },
        scales: {
          x: {
            offset: true,
            grid: { display: false },
            ticks: { maxRotation: 0, font: { size: FONT.ticks } },
          },
          y: {
            min: y.min,
            max: y.max,
            ticks: { maxTicksLimit: 4, includeBounds: false, font: { size: FONT.ticks } },
          },
        },
      },
    },
  };
}

/** "CSAT at risk at 79.0% (n = 1,204): declining; 3 days below the lower limit" */
function panelSentence(metric: Metric, report: MetricReport): string {
  if (report.value === null || report.series.length === 0) {
    return t('chart.dashboard.alt_no_data', { label: metricLabel(metric) });
  }
  const phrases = signalPhrases(report.stability.signals);
  return t('chart.dashboard.alt_metric', {
    label: metricLabel(metric),
    health: healthWord(report.health).toLowerCase(),
    value: formatValue(metric, report.value),
    n: report.n,
    direction: t(`direction.${report.trend.direction}`),
    signals:
      report.stability.status === 'insufficient_data'
        ? t('chart.trend.too_few_days')
        : phrases.length > 0
          ? listJoin(phrases)
          : t('chart.trend.none_outside'),
  });
}

function dashboardAltText(args: TeamDashboardArgs, days: number): string {
  const { team } = args;
  const count = (h: Health) => DASHBOARD_LAYOUT.filter((m) => team.metrics[m].health === h).length;
  const side = (quality: boolean) =>
    DASHBOARD_LAYOUT.filter((_, i) => (i % DASHBOARD_COLUMNS === 0) === quality)
      .map((m) => panelSentence(m, team.metrics[m]))
      .join('; ');
  return t('chart.dashboard.alt', {
    team: team.name,
    days,
    to: shortDate(args.window.to),
    healthy: count('healthy'),
    watch: count('watch'),
    atRisk: count('at_risk'),
    quality: side(true),
    efficiency: side(false),
  });
}
