/**
 * Trend and stability of one team's metric (issue #4): the daily values, the XmR centre
 * line and limits as a band, the points of each signal marked by shape (rule) and fill
 * (worse = filled vermillion, better = hollow green), and the Theil–Sen line. The title
 * states the status; the subtitle says why and on how much data.
 */
import { dateRange } from '../../domain/dates.ts';
import { METRIC_DEFS, type Metric } from '../../domain/metrics.ts';
import type { LocalDate } from '../../domain/records.ts';
import type { MetricReport, Signal, SignalRule } from '../../domain/report-types.ts';
import { axisLabel, formatN, formatP, formatValue, toDisplayUnit } from '../../messages/format.ts';
import { metricLabel, metricNLabel } from '../../messages/metric-names.ts';
import { t } from '../../messages/t.ts';
import { INK, OKABE_ITO, SERIES_COLOR } from '../palette.ts';
import {
  type ChartSpec,
  clampAltText,
  DEFAULT_SIZE,
  type JsonObject,
  noDataSpec,
} from '../spec.ts';
import { metricAxis } from './axis-range.ts';
import { type LimitBand, limitBand } from './limit-band.ts';
import { yTickFormat } from './unit-ticks.ts';
import { listJoin, shortDate, signalPhrases } from './wording.ts';

export interface TrendStabilityArgs {
  teamName: string;
  metric: Metric;
  report: MetricReport;
  /** The analysis window; day 0 of the trend line is `window.from`. Defaults to the series' span. */
  window?: { from: LocalDate; to: LocalDate };
  size?: { width: number; height: number };
}

/** Marker shape per signal rule, so rules differ without colour. */
export const SIGNAL_SHAPES: Readonly<Record<SignalRule, string>> = {
  beyond_limits: 'triangle',
  run: 'rect',
  drift: 'rectRot',
};

/** Colour of a signal marker's outline: vermillion for worse, bluish green for better. */
export const SIGNAL_COLORS = { bad: OKABE_ITO.vermillion, good: OKABE_ITO.bluishGreen } as const;
export const TREND_COLOR = OKABE_ITO.orange;

/**
 * @throws Error when a series date lies outside the window, naming the date.
 * @example trendStabilitySpec({ teamName: 'Team A', metric: 'csat', report }).altText
 *   // 'CSAT for Team A fell from 88.0% to 79.0% over 28 days; 3 days below the lower limit.'
 */
export function trendStabilitySpec(args: TrendStabilityArgs): ChartSpec {
  const { teamName, metric, report } = args;
  const size = args.size ?? DEFAULT_SIZE;
  const def = METRIC_DEFS[metric];
  const series = [...report.series].sort((a, b) => a.date.localeCompare(b.date));
  const first = series[0];
  const last = series[series.length - 1];
  if (!first || !last)
    return noDataSpec(
      'trend-stability',
      t('chart.trend.no_data_what', { label: metricLabel(metric), team: teamName }),
      size,
    );

  const window = args.window ?? { from: first.date, to: last.date };
  if (first.date < window.from || last.date > window.to) {
    const bad = first.date < window.from ? first.date : last.date;
    throw new Error(
      `trendStabilitySpec: series date ${bad} is outside the window ${window.from}…${window.to} for ${metricLabel(metric)}, ${teamName}`,
    );
  }
  const dates = dateRange(window.from, window.to);
  const { datasets, y, band } = trendLayers({ metric, report, dates });

  return {
    kind: 'trend-stability',
    width: size.width,
    height: size.height,
    altText: clampAltText(trendAltText(args, dates, series, band.kind)),
    tickFormats: [yTickFormat(def.unit, 'titled')],
    config: {
      type: 'line',
      data: { labels: dates.map(shortDate), datasets },
      options: {
        layout: { padding: { right: 12 } },
        plugins: {
          title: { display: true, text: titleText(args) },
          subtitle: { display: true, text: whyText(args, dates.length, band.kind) },
          legend: { position: 'bottom' },
        },
        scales: {
          x: {
            ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 8 },
            grid: { display: false },
          },
          y: { min: y.min, max: y.max, title: { display: true, text: axisLabel(metric) } },
        },
      },
    },
  };
}

/** What a trend chart draws, in display units, shared by the trend chart and the dashboard panels. */
export interface TrendLayers {
  /** Signal markers, daily values, trend line, centre line, limits band (in that order). */
  datasets: JsonObject[];
  y: { min: number; max: number };
  band: LimitBand;
}

/**
 * The layers of a trend chart over `dates`: signals marked by shape and fill, the daily
 * values, the Theil–Sen line, the centre line and the control limits band (limitBand),
 * with the y-axis from the one axis rule (metricAxis).
 * @param scale line and marker size (1 on the trend chart; larger on small panels shown shrunk)
 */
export function trendLayers(args: {
  metric: Metric;
  report: MetricReport;
  dates: LocalDate[];
  scale?: number;
}): TrendLayers {
  const { metric, report, dates } = args;
  const scale = args.scale ?? 1;
  const series = report.series;
  const display = (v: number) => toDisplayUnit(metric, v);
  const byDate = new Map(series.map((p) => [p.date, p.value]));
  const daily = dates.map((d) => {
    const v = byDate.get(d);
    return v === undefined ? null : display(v);
  });

  const { mean } = report.stability;
  const constant = (v: number | null) => (v === null ? null : dates.map(() => display(v)));
  const { slopePerDay, intercept } = report.trend;
  const fitted =
    slopePerDay !== null && intercept !== null
      ? dates.map((_, i) => display(intercept + slopePerDay * i))
      : null;

  const datasets: JsonObject[] = [];
  for (const group of signalGroups(report.stability.signals)) {
    const set = new Set(group.points);
    const big = group.rule === 'beyond_limits';
    datasets.push({
      type: 'line',
      label: t(group.bad ? 'chart.trend.signal_worse' : 'chart.trend.signal_better', {
        rule: t(`chart.trend.rule.${group.rule}`),
      }),
      data: dates.map((d, i) => (set.has(d) ? (daily[i] ?? null) : null)),
      showLine: false,
      pointStyle: SIGNAL_SHAPES[group.rule],
      pointRotation: group.side === 'below' || group.side === 'down' ? 180 : 0,
      // Beyond-limits markers are larger and drawn on top: a day can be in a run and beyond the limits.
      pointRadius: (big ? 8 : 6) * scale,
      pointBorderWidth: 2,
      pointBorderColor: group.bad ? SIGNAL_COLORS.bad : SIGNAL_COLORS.good,
      pointBackgroundColor: group.bad ? SIGNAL_COLORS.bad : '#FFFFFF',
      borderColor: group.bad ? SIGNAL_COLORS.bad : SIGNAL_COLORS.good,
      backgroundColor: group.bad ? SIGNAL_COLORS.bad : '#FFFFFF',
      order: group.rule === 'beyond_limits' ? -1 : 0,
    });
  }
  datasets.push({
    type: 'line',
    label: t('chart.trend.daily', { label: metricLabel(metric) }),
    data: daily,
    borderColor: SERIES_COLOR,
    backgroundColor: SERIES_COLOR,
    borderWidth: 2 * scale,
    pointRadius: 3 * scale,
    pointStyle: 'circle',
    spanGaps: false,
    order: 1,
  });
  if (fitted) {
    datasets.push({
      type: 'line',
      label: t('chart.trend.line'),
      data: fitted,
      borderColor: TREND_COLOR,
      backgroundColor: TREND_COLOR,
      borderWidth: 2.5 * scale,
      borderDash: [10, 5],
      pointRadius: 0,
      pointStyle: 'line',
      order: 2,
    });
  }
  const meanLine = constant(mean);
  if (meanLine) {
    datasets.push({
      type: 'line',
      label: t('chart.trend.centre', { value: formatValue(metric, mean) }),
      data: meanLine,
      borderColor: INK.muted,
      backgroundColor: INK.muted,
      borderWidth: 1.5,
      pointRadius: 0,
      pointStyle: 'line',
      order: 3,
    });
  }
  const band = limitBand(report.stability, dates);
  const uclLine = band.kind === 'none' ? null : band.days.map((d) => nullable(d.ucl, display));
  const lclLine = band.kind === 'none' ? null : band.days.map((d) => nullable(d.lcl, display));
  // A p′ band changes every day: drawn as steps centred on each day, not slopes between days.
  const stepped: JsonObject = band.kind === 'p_prime' ? { stepped: 'middle' } : {};
  if (uclLine && lclLine) {
    datasets.push({
      type: 'line',
      label: t('chart.trend.limits'),
      data: uclLine,
      borderColor: INK.muted,
      backgroundColor: 'rgba(86,180,233,0.18)',
      borderWidth: 1,
      borderDash: [4, 4],
      pointRadius: 0,
      // In the legend the band shows as a filled box with the limits' outline.
      pointStyle: 'rect',
      fill: '+1',
      spanGaps: false,
      order: 4,
      ...stepped,
    });
    datasets.push({
      type: 'line',
      label: 'LCL',
      hideInLegend: true,
      data: lclLine,
      borderColor: INK.muted,
      borderWidth: 1,
      borderDash: [4, 4],
      pointRadius: 0,
      spanGaps: false,
      order: 5,
      ...stepped,
    });
  }

  const drawn = (xs: (number | null)[] | null) => (xs ?? []).filter((v): v is number => v !== null);
  const y = metricAxis(metric, {
    data: drawn(daily),
    reference: [...drawn(fitted), ...drawn(meanLine), ...drawn(uclLine), ...drawn(lclLine)],
  });

  return { datasets, y, band };
}

interface SignalGroup {
  rule: SignalRule;
  side: Signal['side'];
  bad: boolean;
  points: LocalDate[];
}

/** Signals merged by rule and badness (one legend entry each), rules in a fixed order. */
function signalGroups(signals: Signal[]): SignalGroup[] {
  const groups = new Map<string, SignalGroup>();
  for (const s of signals) {
    const key = `${s.rule}|${s.bad}`;
    const g = groups.get(key) ?? { rule: s.rule, side: s.side, bad: s.bad, points: [] };
    g.points.push(...s.points);
    groups.set(key, g);
  }
  const order: SignalRule[] = ['beyond_limits', 'run', 'drift'];
  return [...groups.values()].sort(
    (a, b) => order.indexOf(a.rule) - order.indexOf(b.rule) || Number(b.bad) - Number(a.bad),
  );
}

function titleText({ teamName, metric, report }: TrendStabilityArgs): string {
  const { status } = report.stability;
  const direction = report.trend.direction;
  const parts: string[] = [];
  if (status === 'insufficient_data') parts.push(t('chart.trend.no_limits'));
  else parts.push(t(status === 'volatile' ? 'chart.trend.volatile' : 'chart.trend.stable'));
  const slope = report.trend.slopePerDay ?? 0;
  // Said as the line moves, with the verdict: "rising (worse)" reads right for handle time too.
  if (direction === 'improving' || direction === 'declining') {
    const better = direction === 'improving';
    parts.push(
      slope > 0
        ? t(better ? 'chart.trend.rising_better' : 'chart.trend.rising_worse')
        : t(better ? 'chart.trend.falling_better' : 'chart.trend.falling_worse'),
    );
  }
  return t('chart.trend.title', {
    label: metricLabel(metric),
    team: teamName,
    parts: parts.join(', '),
  });
}

/** Why the status (two lines): the signals; the trend with its p-value and the n it rests on. */
function whyText(
  { metric, report }: TrendStabilityArgs,
  days: number,
  band: LimitBand['kind'],
): string[] {
  const phrases = signalPhrases(report.stability.signals);
  const signals =
    report.stability.status === 'insufficient_data'
      ? t('chart.days_other', { count: days })
      : phrases.length > 0
        ? listJoin(phrases)
        : t('chart.trend.all_within');
  const { slopePerDay, p, direction } = report.trend;
  const trend =
    slopePerDay === null || direction === 'insufficient_data'
      ? t('chart.trend.no_trend')
      : t('chart.trend.trend', { slope: formatSlope(metric, slopePerDay), p: formatP(p) });
  const lines = [
    capitalise(signals),
    t('chart.trend.why_n', { trend: capitalise(trend), n: formatN(metric, report.n) }),
  ];
  if (band === 'p_prime') lines.push(capitalise(thinDaysNote(metric)));
  return lines;
}

/** Why a thin day's low value is not a signal on a p′ chart, in words. */
export function thinDaysNote(metric: Metric): string {
  return t('chart.trend.p_prime_note', { nLabel: metricNLabel(metric) });
}

function nullable(value: number | null, f: (v: number) => number): number | null {
  return value === null ? null : f(value);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A slope in display units: pts for rates and scores, seconds for handle time. */
function formatSlope(metric: Metric, slope: number): string {
  const unit = METRIC_DEFS[metric].unit;
  const v = unit === 'percent' ? slope * 100 : slope;
  const sign = v > 0 ? '+' : v < 0 ? '−' : '±';
  const abs = Math.abs(v);
  const digits = abs >= 10 ? 0 : abs >= 1 ? 1 : 2;
  const delta = `${sign}${abs.toFixed(digits)}`;
  return unit === 'seconds' ? `${delta}s` : t('chart.pts', { delta });
}

/**
 * "CSAT for Team A fell from 88.0% to 79.0% over 28 days; 3 days below the lower limit."
 * The from/to values are the Theil–Sen line's ends when there is a trend (robust to a
 * single odd day), else the first and last observed days.
 */
function trendAltText(
  { teamName, metric, report }: TrendStabilityArgs,
  dates: LocalDate[],
  series: MetricReport['series'],
  band: LimitBand['kind'],
): string {
  const def = METRIC_DEFS[metric];
  const days = dates.length;
  const { slopePerDay, intercept, direction } = report.trend;
  let movement: string;
  if (direction === 'flat' && report.stability.mean !== null) {
    movement = t('chart.trend.held_steady', {
      value: formatValue(metric, report.stability.mean),
    });
  } else {
    const from =
      slopePerDay !== null && intercept !== null ? intercept : (series[0]?.value ?? null);
    const to =
      slopePerDay !== null && intercept !== null
        ? intercept + slopePerDay * (days - 1)
        : (series[series.length - 1]?.value ?? null);
    // A change too small to show in the numbers said is no change ("rose from 85.0% to 85.0%").
    const same =
      from !== null && to !== null && formatValue(metric, from) === formatValue(metric, to);
    const verb =
      from === null || to === null
        ? 'went'
        : same
          ? 'stayed'
          : to > from
            ? 'rose'
            : to < from
              ? 'fell'
              : 'stayed';
    movement =
      verb === 'stayed'
        ? t('chart.trend.stayed_at', { value: formatValue(metric, from) })
        : t(`chart.trend.${verb}`, {
            from: formatValue(metric, from),
            to: formatValue(metric, to),
          });
  }
  const phrases =
    report.stability.status === 'insufficient_data'
      ? [t('chart.trend.too_few_days')]
      : signalPhrases(report.stability.signals);
  const signals = phrases.length > 0 ? listJoin(phrases) : t('chart.trend.none_outside');
  const polarity = def.polarity === 'lower' ? t('chart.lower_is_better') : '';
  const alt = t('chart.trend.alt', {
    label: metricLabel(metric),
    team: teamName,
    movement,
    days,
    signals,
    polarity,
  });
  return band === 'p_prime' ? `${alt} ${capitalise(thinDaysNote(metric))}.` : alt;
}
