/**
 * Hand-built report data for the block builders: small, readable, with values chosen so
 * the expected text can be worked out by hand, plus a generator for the largest
 * realistic organisation (60 teams × 16 agents) with long names.
 */
import { wilson } from '../../src/analytics/wilson.ts';
import { isProportion, METRICS, type Metric } from '../../src/domain/metrics.ts';
import type {
  AgentReport,
  Health,
  HealthReason,
  MetricReport,
  OrgReport,
  Signal,
  TeamReport,
  Tier,
  TierOrInsufficient,
} from '../../src/domain/report-types.ts';

export function metricReport(
  value: number | null,
  n: number,
  health: Health = 'healthy',
  reasons: HealthReason[] = [],
  chart: 'xmr' | 'p_prime' = 'xmr',
  signals: Signal[] = [],
): MetricReport {
  const status = health === 'watch' ? 'volatile' : 'stable';
  const stability: MetricReport['stability'] =
    chart === 'p_prime'
      ? {
          chart,
          mean: value,
          ucl: null,
          lcl: null,
          limits: [],
          sigmaZ: 1,
          mrBar: null,
          cv: null,
          status,
          signals,
        }
      : { chart, mean: value, ucl: null, lcl: null, mrBar: null, cv: null, status, signals };
  return {
    value,
    n,
    series: [],
    monthly: [],
    trend: {
      slopePerDay: null,
      intercept: null,
      s: null,
      z: null,
      p: null,
      direction: health === 'at_risk' ? 'declining' : 'flat',
      points: 28,
    },
    stability,
    health,
    reasons,
  };
}

const zeroMovement = (): Record<Tier, Record<Tier, number>> => ({
  top: { top: 0, average: 0, lagging: 0 },
  average: { top: 0, average: 0, lagging: 0 },
  lagging: { top: 0, average: 0, lagging: 0 },
});

export function agentReport(
  id: string,
  name: string,
  teamId: string,
  tier: TierOrInsufficient,
  percentiles: Partial<Record<Metric, number>>,
  values: Partial<Record<Metric, number>>,
): AgentReport {
  const n: Partial<Record<Metric, number>> = {};
  const intervals: AgentReport['intervals'] = {};
  const numerators: AgentReport['numerators'] = {};
  for (const m of Object.keys(values) as Metric[]) {
    n[m] = 40;
    // A proportion rests on round(40·value) of 40: its numerator and Wilson interval.
    if (isProportion(m)) {
      const x = Math.round(40 * (values[m] as number));
      numerators[m] = x;
      intervals[m] = wilson(x, 40);
    }
  }
  return {
    id,
    name,
    team_id: teamId,
    tier,
    composite: tier === 'insufficient_data' ? null : 0.5,
    contacts: 120,
    percentiles,
    rankingValues: tier === 'insufficient_data' ? {} : { ...values },
    intervals,
    numerators,
    values,
    n,
    previousTier: null,
    previousComposite: null,
  };
}

/**
 * Billing North (T1): CSAT 87.3% on 1,204 responses, handle time at risk (declining),
 * answer rate to watch. Agents: Priya (top), Sam (average), Lee (lagging), Ana (too few contacts).
 */
export function billingNorth(): TeamReport {
  return {
    id: 'T1',
    name: 'Billing North',
    site: 'Manchester',
    timezone: 'Europe/London',
    metrics: {
      csat: metricReport(0.8734, 1204, 'healthy', [], 'p_prime'),
      fcr: metricReport(0.71, 3300),
      qa: metricReport(86.5, 42),
      aht: metricReport(312, 3300, 'at_risk', [
        { kind: 'trend', direction: 'declining', slopePerDay: 1.5, p: 0.004, days: 28 },
      ]),
      answer_rate: metricReport(0.9, 4000, 'watch', [
        {
          kind: 'signal',
          rule: 'beyond_limits',
          side: 'below',
          dates: ['2026-10-12', '2026-10-20'],
          level: 0.8,
        },
        { kind: 'trend', direction: 'flat', slopePerDay: 0, p: 0.678, days: 28 },
      ]),
    },
    tierMix: { top: 1, average: 1, lagging: 1, insufficient_data: 1 },
    tierMovement: {
      ...zeroMovement(),
      average: { top: 1, average: 0, lagging: 0 },
      top: { top: 0, average: 0, lagging: 1 },
      lagging: { top: 0, average: 1, lagging: 0 },
    },
    agents: [
      agentReport(
        'A1',
        'Priya Shah',
        'T1',
        'top',
        { csat: 1, fcr: 0.5, qa: 0.9, aht: 0.8, answer_rate: 0.7 },
        { csat: 0.95, fcr: 0.75, qa: 92, aht: 290, answer_rate: 0.93 },
      ),
      agentReport(
        'A2',
        'Sam Okafor',
        'T1',
        'average',
        { csat: 0.5, fcr: 1, qa: 0.5, aht: 0.5, answer_rate: 0.5 },
        { csat: 0.85, fcr: 0.8, qa: 85, aht: 310, answer_rate: 0.9 },
      ),
      agentReport(
        'A3',
        'Lee Chen',
        'T1',
        'lagging',
        { csat: 0, fcr: 0.4, qa: 0.6, aht: 0.1, answer_rate: 0.3 },
        { csat: 0.8, fcr: 0.7, qa: 80, aht: 340, answer_rate: 0.85 },
      ),
      agentReport('A4', 'Ana Ruiz', 'T1', 'insufficient_data', {}, {}),
    ],
    contactMix: {
      shift: true,
      chiSquare: 31.2,
      df: 3,
      p: 0.0004,
      drivers: [
        {
          reason: 'refund',
          before: 0.2,
          after: 0.35,
          residual: 5.1,
          countBefore: 200,
          countAfter: 105,
        },
        {
          reason: 'billing',
          before: 0.5,
          after: 0.4,
          residual: -2.9,
          countBefore: 500,
          countAfter: 120,
        },
      ],
      nBefore: 1000,
      nAfter: 300,
      baseline: { from: '2026-09-27', to: '2026-10-24' },
      recent: { from: '2026-10-25', to: '2026-10-31' },
    },
    enablement: [
      {
        initiativeId: 'refund-policy-v2',
        stages: { learned: 3, knowledge_check: 2, simulation: 2, execution: 1 },
        agents: [
          { id: 'A1', diagnosis: 'on_track', executionRate: 0.9 },
          { id: 'A2', diagnosis: 'not_yet_habit', executionRate: 0.5 },
          { id: 'A3', diagnosis: 'not_understood', executionRate: null },
        ],
      },
    ],
    balance: [
      {
        kind: 'speed_over_quality',
        improving: 'aht',
        declining: ['csat'],
      },
    ],
    peers: [],
  };
}

export const reportFrame = {
  asOf: '2026-10-31',
  window: { from: '2026-10-04', to: '2026-10-31' },
  previousWindow: { from: '2026-09-06', to: '2026-10-03' },
  options: {
    windowDays: 28,
    eligibilityFloor: 30,
    topShare: 0.2,
    laggingShare: 0.2,
    weights: { csat: 1, fcr: 1, aht: 1, qa: 1, answer_rate: 1 },
    peerGroup: 'organisation' as const,
    monthlyMonths: 6,
    qaMinEvaluations: 5,
  },
};

/** The largest realistic organisation: 60 teams × 16 agents, long names, every alert raised. */
export function largestOrg(): OrgReport {
  const teams: TeamReport[] = [];
  for (let i = 0; i < 60; i++) {
    const base = billingNorth();
    const id = `T${String(i).padStart(2, '0')}`;
    const agents: AgentReport[] = [];
    for (let j = 0; j < 16; j++) {
      const tier: Tier = j < 3 ? 'top' : j >= 13 ? 'lagging' : 'average';
      agents.push(
        agentReport(
          `${id}-A${j}`,
          `Agent with a rather long name number ${j} of team ${i}`,
          id,
          tier,
          { csat: j / 15, fcr: 1 - j / 15 },
          { csat: 0.8, fcr: 0.7 },
        ),
      );
    }
    const metrics = {} as Record<Metric, MetricReport>;
    for (const m of METRICS)
      metrics[m] = metricReport(0.5, 100, 'at_risk', [
        { kind: 'trend', direction: 'declining', slopePerDay: -0.004, p: 0.01, days: 28 },
        ...Array.from({ length: 6 }, (_, k) => ({
          kind: 'signal' as const,
          rule: 'run' as const,
          side: 'below' as const,
          dates: Array.from({ length: 8 }, (_, d) => `2026-0${1 + k}-1${d}`),
          level: 0.5,
        })),
      ]);
    teams.push({
      ...base,
      id,
      name: `Customer Care ${i} — Payments, Refunds and Escalations (Night Shift)`,
      metrics,
      agents,
      tierMix: { top: 3, average: 10, lagging: 3, insufficient_data: 0 },
    });
  }
  return { ...reportFrame, teams };
}
