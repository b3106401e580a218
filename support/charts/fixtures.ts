/**
 * Hand-made report data for chart tests and the README examples, shaped exactly like
 * src/domain/report-types.ts. Limits and the trend line come from the analytics code
 * itself (xmr, theilSen, trend) so the fixtures look like real analytics output.
 */
import { theilSen } from '../../src/analytics/theil-sen.ts';
import { trend } from '../../src/analytics/trend.ts';
import { xmr } from '../../src/analytics/xmr.ts';
import { addDays } from '../../src/domain/dates.ts';
import { METRIC_DEFS, type Metric } from '../../src/domain/metrics.ts';
import type { LocalDate } from '../../src/domain/records.ts';
import type {
  ContactMix,
  EnablementReport,
  MetricReport,
  Signal,
  TeamReport,
  TierMix,
} from '../../src/domain/report-types.ts';

export const WINDOW = { from: '2026-10-04', to: '2026-10-31' } as const;

export interface MetricFixtureArgs {
  metric: Metric;
  /** One value per day from `from`; null leaves the day out of the series. */
  values: (number | null)[];
  from?: LocalDate;
  /** Denominator per day. */
  nPerDay?: number;
  /** Signals beyond the limits are found here; runs and drifts can be added. */
  extraSignals?: Signal[];
  direction?: MetricReport['trend']['direction'];
  p?: number;
}

/** A MetricReport with XmR limits, beyond-limits signals and a Theil–Sen line from `values`. */
export function metricReport(args: MetricFixtureArgs): MetricReport {
  const from = args.from ?? WINDOW.from;
  const nPerDay = args.nPerDay ?? 40;
  const points = args.values.flatMap((value, i) =>
    value === null ? [] : [{ date: addDays(from, i), value, n: nPerDay, x: i }],
  );
  const series = points.map(({ date, value, n }) => ({ date, value, n }));
  if (points.length < 2) {
    return {
      value: points[0]?.value ?? null,
      n: points.length * nPerDay,
      series,
      monthly: [],
      trend: trend(series, args.metric, from),
      stability: xmr(series, args.metric),
      health: 'insufficient_data',
      reasons: [],
    };
  }
  const limits = xmr(series, args.metric);
  const ucl = limits.ucl as number;
  const lcl = limits.lcl as number;
  const def = METRIC_DEFS[args.metric];
  const { slope, intercept } = theilSen(points.map((p) => ({ x: p.x, y: p.value })));
  const bad = (side: 'above' | 'below') =>
    def.polarity === 'higher' ? side === 'below' : side === 'above';
  const signals: Signal[] = [];
  for (const p of points) {
    const side = p.value > ucl ? 'above' : p.value < lcl ? 'below' : null;
    if (side)
      signals.push({
        rule: 'beyond_limits',
        dates: [p.date],
        points: [p.date],
        side,
        bad: bad(side),
      });
  }
  signals.push(...(args.extraSignals ?? []));
  const direction =
    args.direction ??
    (Math.abs(slope) * points.length < (limits.mrBar as number)
      ? 'flat'
      : slope * (def.polarity === 'higher' ? 1 : -1) > 0
        ? 'improving'
        : 'declining');
  return {
    value: limits.mean,
    n: points.length * nPerDay,
    series,
    monthly: [],
    trend: {
      slopePerDay: slope,
      intercept,
      s: null,
      z: null,
      p: args.p ?? 0.004,
      direction,
      points: points.length,
    },
    stability: {
      ...limits,
      status: signals.length > 0 ? 'volatile' : 'stable',
      signals,
    },
    health: signals.some((s) => s.bad) ? 'at_risk' : 'healthy',
    reasons: [],
  };
}

/** CSAT sliding from ~88% to ~80% over 28 days, with three bad days below the limit. */
export function decliningCsat(): MetricReport {
  const wobble = [0.6, -0.4, 0.2, -0.8, 0.5, 0.1, -0.3];
  const values = Array.from(
    { length: 28 },
    (_, i) => 0.88 - 0.003 * i + (wobble[i % 7] as number) / 100,
  );
  values[9] = 0.78;
  values[21] = 0.74;
  values[22] = 0.745;
  return metricReport({ metric: 'csat', values, nPerDay: 45 });
}

/** Handle time around 5.5 minutes, rising at the end, with a run above the centre. */
export function risingAht(): MetricReport {
  const wobble = [6, -9, 3, -4, 11, -2, 0];
  const values = Array.from(
    { length: 28 },
    (_, i) => 320 + (i > 17 ? 25 : 0) + (wobble[i % 7] as number),
  );
  values[25] = 420;
  const runDays = Array.from({ length: 9 }, (_, i) => addDays(WINDOW.from, 18 + i));
  return metricReport({
    metric: 'aht',
    values,
    nPerDay: 120,
    extraSignals: [
      {
        rule: 'run',
        dates: [runDays[0] as string, runDays[8] as string],
        points: runDays,
        side: 'above',
        bad: true,
      },
    ],
  });
}

export function monthlyCsat(): MetricReport {
  const report = decliningCsat();
  report.monthly = [
    { month: '2026-05', value: 0.874, n: 1180 },
    { month: '2026-06', value: 0.881, n: 1243 },
    { month: '2026-07', value: 0.869, n: 1302 },
    { month: '2026-08', value: 0.856, n: 1198 },
    { month: '2026-09', value: 0.842, n: 1251 },
    { month: '2026-10', value: 0.815, n: 1262 },
  ];
  return report;
}

export const TEAM_TIER_MIXES: { name: string; tierMix: TierMix }[] = [
  { name: 'Manila Billing', tierMix: { top: 4, average: 12, lagging: 4, insufficient_data: 1 } },
  { name: 'Leeds Care', tierMix: { top: 5, average: 11, lagging: 3, insufficient_data: 0 } },
  { name: 'Austin Tech', tierMix: { top: 2, average: 9, lagging: 11, insufficient_data: 2 } },
  { name: 'Cape Town Sales', tierMix: { top: 4, average: 10, lagging: 4, insufficient_data: 3 } },
  { name: 'Kraków Returns', tierMix: { top: 3, average: 12, lagging: 3, insufficient_data: 0 } },
];

/** Eight 28-day windows of one team: lagging shrinking as coaching takes hold. */
export const TIER_WINDOWS: { label: string; mix: TierMix }[] = [
  { label: 'Apr 12', mix: { top: 3, average: 10, lagging: 7, insufficient_data: 0 } },
  { label: 'May 10', mix: { top: 3, average: 11, lagging: 6, insufficient_data: 1 } },
  { label: 'Jun 7', mix: { top: 4, average: 10, lagging: 6, insufficient_data: 0 } },
  { label: 'Jul 5', mix: { top: 4, average: 11, lagging: 5, insufficient_data: 2 } },
  { label: 'Aug 2', mix: { top: 4, average: 12, lagging: 4, insufficient_data: 1 } },
  { label: 'Aug 30', mix: { top: 5, average: 11, lagging: 4, insufficient_data: 0 } },
  { label: 'Sep 27', mix: { top: 5, average: 12, lagging: 3, insufficient_data: 0 } },
  { label: 'Oct 25', mix: { top: 6, average: 11, lagging: 3, insufficient_data: 1 } },
];

export function shiftedContactMix(): ContactMix {
  const rows: [string, number, number, number, number][] = [
    // reason, countBefore, countAfter, residual (independent of the chart)
    ['Billing dispute', 520, 260, 0, 0],
    ['Password reset', 760, 150, 0, 0],
    ['Delivery delay', 610, 170, 0, 0],
    ['Refund status', 430, 120, 0, 0],
    ['Plan change', 380, 95, 0, 0],
    ['other', 300, 80, 0, 0],
  ];
  const nBefore = rows.reduce((a, r) => a + r[1], 0);
  const nAfter = rows.reduce((a, r) => a + r[2], 0);
  const residuals: Record<string, number> = {
    'Billing dispute': 6.8,
    'Password reset': -4.9,
    'Delivery delay': 0.6,
    'Refund status': 0.9,
    'Plan change': 0.2,
    other: 0.4,
  };
  const drivers = rows
    .map(([reason, countBefore, countAfter]) => ({
      reason,
      before: countBefore / nBefore,
      after: countAfter / nAfter,
      residual: residuals[reason] ?? 0,
      countBefore,
      countAfter,
    }))
    .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before));
  return {
    shift: true,
    chiSquare: 61.2,
    df: 5,
    p: 0.00001,
    drivers,
    nBefore,
    nAfter,
    baseline: { from: '2026-09-27', to: '2026-10-24' },
    recent: { from: '2026-10-25', to: '2026-10-31' },
  };
}

/** One initiative rolled out to four teams; Austin Tech is stuck between simulation and execution. */
export const ENABLEMENT_TEAMS: { name: string; report: EnablementReport }[] = [
  enablement('Manila Billing', 20, {
    learned: 19,
    knowledge_check: 17,
    simulation: 15,
    execution: 12,
  }),
  enablement('Leeds Care', 18, { learned: 18, knowledge_check: 16, simulation: 14, execution: 11 }),
  enablement('Austin Tech', 22, { learned: 21, knowledge_check: 19, simulation: 17, execution: 4 }),
  enablement('Cape Town Sales', 16, {
    learned: 10,
    knowledge_check: 9,
    simulation: 8,
    execution: 6,
  }),
];

function enablement(
  name: string,
  enrolled: number,
  stages: EnablementReport['stages'],
): { name: string; report: EnablementReport } {
  const agents = Array.from({ length: enrolled }, (_, i) => ({
    id: `${name.slice(0, 3).toLowerCase()}-${i}`,
    diagnosis: 'on_track' as const,
    action: '',
    executionRate: null,
  }));
  return { name, report: { initiativeId: 'refund-policy-v2', stages, agents } };
}

/** A whole TeamReport around the pieces above, for callers that take a team. */
export function teamReport(name = 'Manila Billing'): TeamReport {
  const csat = decliningCsat();
  const empty = metricReport({ metric: 'qa', values: [] });
  const tierMix = TEAM_TIER_MIXES.find((t) => t.name === name)?.tierMix ?? {
    top: 0,
    average: 0,
    lagging: 0,
    insufficient_data: 0,
  };
  return {
    id: name.toLowerCase().replace(/\W+/g, '-'),
    name,
    site: 'Manila',
    timezone: 'Asia/Manila',
    metrics: { csat: monthlyCsat(), fcr: csat, aht: risingAht(), qa: empty, answer_rate: csat },
    tierMix,
    tierMovement: {
      top: { top: 3, average: 1, lagging: 0 },
      average: { top: 1, average: 10, lagging: 1 },
      lagging: { top: 0, average: 1, lagging: 3 },
    },
    agents: [],
    contactMix: shiftedContactMix(),
    enablement: [ENABLEMENT_TEAMS[0]?.report as EnablementReport],
    balance: [],
    peers: [],
  };
}

/** QA steady around 86 on about 5 reviews a day. */
export function steadyQa(): MetricReport {
  const wobble = [1.5, -2, 0.5, -1, 2.5, -0.5, -1.5];
  const values = Array.from({ length: 28 }, (_, i) => 86 + (wobble[i % 7] as number));
  return metricReport({ metric: 'qa', values, nPerDay: 5, direction: 'flat', p: 0.61 });
}

/** Answer rate steady around 88% with one good day above the limit. */
export function steadyAnswerRate(): MetricReport {
  const wobble = [0.8, -0.6, 0.3, -1.1, 0.9, 0.2, -0.5];
  const values = Array.from({ length: 28 }, (_, i) => 0.88 + (wobble[i % 7] as number) / 100);
  return metricReport({ metric: 'answer_rate', values, nPerDay: 300, direction: 'flat', p: 0.4 });
}

/** A team with all five metrics (CSAT declining, handle time rising), for the dashboard. */
export function dashboardTeam(name = 'Manila Billing'): TeamReport {
  const team = teamReport(name);
  const fcr = metricReport({
    metric: 'fcr',
    values: Array.from({ length: 28 }, (_, i) => 0.74 + (((i * 7) % 5) - 2) / 200),
    nPerDay: 140,
    direction: 'flat',
    p: 0.52,
  });
  const metrics = {
    ...team.metrics,
    fcr: { ...fcr, health: 'healthy' as const },
    qa: { ...steadyQa(), health: 'healthy' as const },
    answer_rate: { ...steadyAnswerRate(), health: 'healthy' as const },
    csat: { ...team.metrics.csat, health: 'at_risk' as const },
    aht: { ...team.metrics.aht, health: 'watch' as const },
  };
  return { ...team, metrics };
}
