/**
 * The funnel view of a proportion for leads (METRICS.md v2, "Funnel view"): each agent's
 * rate (y) against the n it rests on (x), with the 95% (dashed) and 99.8% (solid) limits
 * around the team's pooled rate drawn as curves that narrow as n grows. It replaces a
 * ranking: nobody is ordered, and no name is drawn on the chart at all (the agents
 * outside the 99.8% limits on the bad side are named only in the lead's private text).
 * Okabe–Ito colours, and shape as well as colour: circles within the limits, filled
 * diamonds worse beyond chance, hollow triangles better beyond chance.
 */

import { type Funnel, type FunnelPoint, funnelLimits } from '../../analytics/funnel.ts';
import { METRIC_DEFS, type ProportionMetric } from '../../domain/metrics.ts';
import { formatValue, toDisplayUnit } from '../../messages/format.ts';
import { metricLabel, metricNLabel } from '../../messages/metric-names.ts';
import { tn } from '../../messages/plural.ts';
import { t } from '../../messages/t.ts';
import { INK, OKABE_ITO } from '../palette.ts';
import {
  type ChartSpec,
  clampAltText,
  DEFAULT_SIZE,
  type JsonObject,
  noDataSpec,
} from '../spec.ts';
import { metricAxis } from './axis-range.ts';
import { yTickFormat } from './unit-ticks.ts';

export interface FunnelChartArgs {
  teamName: string;
  metric: ProportionMetric;
  /** From `agentFunnel` (src/analytics/funnel.ts); null when no agent has n > 0. */
  funnel: Funnel | null;
  size?: { width: number; height: number };
}

export const FUNNEL_COLORS = {
  agent: OKABE_ITO.blue,
  worse: OKABE_ITO.vermillion,
  better: OKABE_ITO.bluishGreen,
  centre: OKABE_ITO.orange,
  limits: INK.muted,
} as const;

/** Points along each limit curve. */
const CURVE_POINTS = 80;

/**
 * @example funnelChartSpec({ teamName: 'Team A', metric: 'csat', funnel }).altText
 *   // 'CSAT for Team A by agent: 12 agents, each placed at the number of survey responses … 1 agent is below the 99.8% limits: worse beyond chance.'
 */
export function funnelChartSpec(args: FunnelChartArgs): ChartSpec {
  const { teamName, metric, funnel } = args;
  const def = METRIC_DEFS[metric];
  const size = args.size ?? DEFAULT_SIZE;
  if (!funnel || funnel.points.length === 0)
    return noDataSpec(
      'agent-funnel',
      t('chart.agent_funnel.no_data_what', { label: metricLabel(metric), team: teamName }),
      size,
    );

  const pct = (v: number) => Number(toDisplayUnit(metric, v).toFixed(4));
  const ns = funnel.points.map((p) => p.n);
  const minN = Math.min(...ns);
  const maxN = Math.max(...ns);
  const xMax = niceCeil(maxN * 1.05);
  const xMin = 0;
  // Curves from the thinnest agent's n (or 1) to the right edge, spaced evenly in log n so
  // the steep wide end is drawn smoothly.
  const from = Math.max(1, Math.min(minN, xMax / 50));
  const curveNs = Array.from(
    { length: CURVE_POINTS },
    (_, i) => from * (xMax / from) ** (i / (CURVE_POINTS - 1)),
  );
  const limitsAt = curveNs.map((n) => ({ n, ...funnelLimits(funnel.pooled, n) }));
  const curve = (pick: (l: (typeof limitsAt)[number]) => number) =>
    limitsAt.map((l) => ({ x: Number(l.n.toFixed(3)), y: pct(pick(l)) }));

  // `flagged` is outside the 99.8% limits on the metric's bad side (analytics/funnel.ts).
  const group = (p: FunnelPoint) =>
    p.flagged ? 'worse' : p.outside998 === null ? 'agent' : 'better';
  const xy = (points: FunnelPoint[]) => points.map((p) => ({ x: p.n, y: pct(p.rate) }));
  const of = (g: string) => funnel.points.filter((p) => group(p) === g);

  const datasets: JsonObject[] = [];
  const pointSet = (
    key: 'agent' | 'worse' | 'better',
    style: string,
    radius: number,
    filled: boolean,
    order: number,
  ) => {
    const points = of(key);
    if (points.length === 0) return;
    datasets.push({
      label: t(`chart.agent_funnel.${key === 'agent' ? 'agents' : key}`),
      data: xy(points),
      showLine: false,
      pointStyle: style,
      pointRadius: radius,
      pointBorderWidth: 2,
      pointBorderColor: FUNNEL_COLORS[key],
      pointBackgroundColor: filled ? FUNNEL_COLORS[key] : '#FFFFFF',
      borderColor: FUNNEL_COLORS[key],
      backgroundColor: filled ? FUNNEL_COLORS[key] : '#FFFFFF',
      order,
    });
  };
  pointSet('worse', 'rectRot', 7, true, -2);
  pointSet('better', 'triangle', 7, false, -1);
  pointSet('agent', 'circle', 4, true, 0);
  const pooledText = formatValue(metric, funnel.pooled);
  datasets.push({
    label: t('chart.agent_funnel.centre', { pooled: pooledText }),
    data: [
      { x: xMin, y: pct(funnel.pooled) },
      { x: xMax, y: pct(funnel.pooled) },
    ],
    borderColor: FUNNEL_COLORS.centre,
    backgroundColor: FUNNEL_COLORS.centre,
    borderWidth: 2,
    pointRadius: 0,
    pointStyle: 'line',
    order: 1,
  });
  const limitLine = (
    label: string,
    data: { x: number; y: number }[],
    dash: number[],
    hide: boolean,
  ) =>
    datasets.push({
      label,
      ...(hide ? { hideInLegend: true } : {}),
      data,
      borderColor: FUNNEL_COLORS.limits,
      backgroundColor: FUNNEL_COLORS.limits,
      borderWidth: 1.5,
      borderDash: dash,
      pointRadius: 0,
      pointStyle: 'line',
      tension: 0,
      order: 2,
    });
  limitLine(
    t('chart.agent_funnel.limits_95'),
    curve((l) => l.hi95),
    [6, 4],
    false,
  );
  limitLine(
    '95% low',
    curve((l) => l.lo95),
    [6, 4],
    true,
  );
  limitLine(
    t('chart.agent_funnel.limits_998'),
    curve((l) => l.hi998),
    [],
    false,
  );
  limitLine(
    '99.8% low',
    curve((l) => l.lo998),
    [],
    true,
  );

  // The y range holds every agent and the funnel at the middle agent's n; the wide end of
  // the curves at tiny n runs off the frame rather than squashing everyone into a line.
  const midN = [...ns].sort((a, b) => a - b)[Math.floor(ns.length / 2)] as number;
  const mid = funnelLimits(funnel.pooled, midN);
  const y = metricAxis(metric, {
    data: funnel.points.map((p) => pct(p.rate)),
    reference: [pct(mid.lo998), pct(mid.hi998), pct(funnel.pooled)],
  });

  const worse = of('worse').length;
  const better = of('better').length;
  const alt = t('chart.agent_funnel.alt', {
    label: metricLabel(metric),
    team: teamName,
    agents: tn('chart.agents', funnel.points.length),
    nLabel: metricNLabel(metric),
    minN,
    maxN,
    pooled: pooledText,
    worse:
      worse === 0
        ? t('chart.agent_funnel.worse_none')
        : tn(
            def.polarity === 'higher'
              ? 'chart.agent_funnel.worse_below'
              : 'chart.agent_funnel.worse_above',
            worse,
          ),
    better: better === 0 ? '' : tn('chart.agent_funnel.better_count', better),
  }).trim();

  return {
    kind: 'agent-funnel',
    width: size.width,
    height: size.height,
    altText: clampAltText(alt),
    tickFormats: [yTickFormat(def.unit, 'titled'), { scale: 'x', format: 'integer' }],
    config: {
      type: 'line',
      data: { labels: [], datasets },
      options: {
        layout: { padding: { right: 12 } },
        plugins: {
          title: {
            display: true,
            text: t('chart.agent_funnel.title', { label: metricLabel(metric), team: teamName }),
          },
          subtitle: {
            display: true,
            text: t('chart.agent_funnel.subtitle', {
              nLabel: metricNLabel(metric),
              pooled: pooledText,
            }),
          },
          legend: { position: 'bottom' },
        },
        scales: {
          x: {
            type: 'linear',
            min: xMin,
            max: xMax,
            title: {
              display: true,
              text: t('chart.agent_funnel.x_axis', { nLabel: metricNLabel(metric) }),
            },
            grid: { display: false },
          },
          y: {
            type: 'linear',
            min: y.min,
            max: y.max,
            title: { display: true, text: metricLabel(metric) },
          },
        },
      },
    },
  };
}

/** The smallest round number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k) at or above `v`: an axis end. */
function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * power >= v) return m * power;
  return 10 * power;
}
