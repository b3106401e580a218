/**
 * What one agent's coaching DM says, as findings (PRODUCT.md, "Coaching, not
 * surveillance", "Balance", "Only true sentences"); blocks/ turns them into words.
 *
 * - **Lines**: every metric in balanced order (quality first, then efficiency), the
 *   agent's value and n (a proportion with its Wilson 95% interval) beside the team median, so efficiency never appears without
 *   quality. The team median is the median of the values of the team's tiered agents
 *   (tier ≠ insufficient_data) on that metric: an aggregate, never another agent's number.
 * - **Rankable metrics**: those where the agent has a percentile, where the agent's peers
 *   do not all share one percentile (a metric on which everyone ties says nothing about
 *   anyone, METRICS.md v2 "τ² ≤ 0"), and, for `qa`, where the agent has at least
 *   `qaMinEvaluations` reviews (fewer: "not enough reviews yet").
 * - **Strength**: the rankable metric(s) with the agent's best percentile; **focus**: the
 *   one(s) with the worst. Both need two rankable metrics whose percentiles differ; every
 *   metric sharing the best (or worst) percentile is named. The focus is named as a focus
 *   area, never as "lagging". Whether the strength is "ahead of most of your peers" is the
 *   words' rule (percentile ≥ 0.5), made from `percentile` here.
 * - **Tip**: a tip on the (first) focus metric whose author consented to be named and is
 *   not the agent: the team's own first, then any team's; most helpful first, then newest.
 */
import { isProportion, METRICS, type Metric, QUALITY_METRICS } from '../domain/metrics.ts';
import type { AgentReport, OrgReport, TeamReport } from '../domain/report-types.ts';
import type { Tip } from '../domain/surfaces.ts';
import { median } from './median.ts';
import { defaultReportOptions } from './options.ts';

export const BALANCED_METRICS: readonly Metric[] = [
  ...QUALITY_METRICS,
  ...METRICS.filter((m) => !QUALITY_METRICS.includes(m)),
];

/** The QA threshold from the options when they carry one (`qaMinEvaluations`), else the default. */
export function qaMinEvaluations(options?: object): number {
  const v = (options as { qaMinEvaluations?: unknown } | undefined)?.qaMinEvaluations;
  return typeof v === 'number' && Number.isFinite(v) ? v : defaultReportOptions().qaMinEvaluations;
}

export interface CoachingLine {
  metric: Metric;
  value: number | null;
  n: number;
  teamMedian: number | null;
  /** The agent's percentile on the metric, when ranked. */
  percentile: number | null;
  /** QA only: too few reviews to rank (the line says "not enough reviews yet"). */
  tooFewReviews: boolean;
  /** A proportion's Wilson 95% interval, when n > 0 (METRICS.md v2). */
  interval: [number, number] | null;
}

/** A strength or a focus: every metric sharing the agent's best (or worst) percentile. */
export interface StandingFinding {
  kind: 'strength' | 'focus';
  metrics: Metric[];
  percentile: number;
}

/**
 * Why no strength or focus is named: fewer than two rankable metrics (`too_few_ranked`),
 * or all the agent's rankable percentiles are equal (`even`).
 */
export type NoStanding = 'too_few_ranked' | 'even';

export interface Standing {
  strength: StandingFinding | null;
  focus: StandingFinding | null;
  /** Set when strength and focus are null. */
  none: NoStanding | null;
}

export interface Coaching extends Standing {
  agentId: string;
  name: string;
  lines: CoachingLine[];
  qaMinEvaluations: number;
  tip: Tip | null;
}

/**
 * Metrics on which every agent of `peers` with a percentile has the same one (and at
 * least two agents are ranked): nobody's strength or focus.
 * @example tiedMetrics([{ percentiles: { csat: 0.5, fcr: 0 } }, { percentiles: { csat: 0.5, fcr: 1 } }]) // Set { 'csat' }
 */
export function tiedMetrics(peers: readonly Pick<AgentReport, 'percentiles'>[]): Set<Metric> {
  const tied = new Set<Metric>();
  for (const metric of METRICS) {
    const ps = peers
      .map((a) => a.percentiles[metric])
      .filter((p): p is number => typeof p === 'number');
    if (ps.length >= 2 && ps.every((p) => p === ps[0])) tied.add(metric);
  }
  return tied;
}

/**
 * The agents an agent's percentiles were computed among (METRICS.md "Agent tiers"): the
 * whole organisation, or the teams of the same site.
 */
export function peerGroupOf(
  report: Pick<OrgReport, 'teams' | 'options'>,
  team: Pick<TeamReport, 'site'>,
): AgentReport[] {
  const teams =
    report.options.peerGroup === 'site'
      ? report.teams.filter((t) => t.site === team.site)
      : report.teams;
  return teams.flatMap((t) => t.agents);
}

/**
 * Strength and focus from one agent's percentiles (see the module comment).
 * @example standingOf({ percentiles: { csat: 0.9, fcr: 0.2, aht: 0.5 }, n: {} }, { tied: new Set(), qaMin: 5 })
 *   // { strength: { kind: 'strength', metrics: ['csat'], percentile: 0.9 }, focus: { kind: 'focus', metrics: ['fcr'], percentile: 0.2 }, none: null }
 */
export function standingOf(
  agent: Pick<AgentReport, 'percentiles' | 'n'>,
  args: { tied: ReadonlySet<Metric>; qaMin: number },
): Standing {
  const rankable = BALANCED_METRICS.filter(
    (m) =>
      typeof agent.percentiles[m] === 'number' &&
      !args.tied.has(m) &&
      !(m === 'qa' && (agent.n.qa ?? 0) < args.qaMin),
  );
  if (rankable.length < 2) return { strength: null, focus: null, none: 'too_few_ranked' };
  const p = (m: Metric) => agent.percentiles[m] as number;
  const best = Math.max(...rankable.map(p));
  const worst = Math.min(...rankable.map(p));
  if (best === worst) return { strength: null, focus: null, none: 'even' };
  return {
    strength: {
      kind: 'strength',
      metrics: rankable.filter((m) => p(m) === best),
      percentile: best,
    },
    focus: { kind: 'focus', metrics: rankable.filter((m) => p(m) === worst), percentile: worst },
    none: null,
  };
}

/**
 * @param args.peers the agents the percentiles were computed among (default: the team's),
 *   to find metrics on which all tie
 * @param args.options the report options (for `qaMinEvaluations`, when present)
 * @throws Error when the agent is not in the team
 * @example
 * // percentiles csat 0.9, fcr 0.2, aht 0.5 → strength [csat] at 0.9, focus [fcr] at 0.2
 */
export function coachingFor(args: {
  team: Pick<TeamReport, 'id' | 'agents'>;
  agentId: string;
  tips: readonly Tip[];
  peers?: readonly Pick<AgentReport, 'percentiles'>[];
  options?: object;
}): Coaching {
  const { team, agentId } = args;
  const agent = team.agents.find((a) => a.id === agentId);
  if (!agent) throw new Error(`coachingFor: agent ${agentId} is not in team ${team.id}`);
  const qaMin = qaMinEvaluations(args.options);
  const tiered = team.agents.filter((a) => a.tier !== 'insufficient_data');
  const lines = BALANCED_METRICS.map((metric) => {
    const values = tiered
      .map((a) => a.values[metric])
      .filter((v): v is number => typeof v === 'number');
    const n = agent.n[metric] ?? 0;
    return {
      metric,
      value: agent.values[metric] ?? null,
      n,
      teamMedian: values.length > 0 ? median(values) : null,
      percentile: agent.percentiles[metric] ?? null,
      tooFewReviews: metric === 'qa' && n < qaMin,
      interval: isProportion(metric) ? (agent.intervals?.[metric] ?? null) : null,
    };
  });
  const standing = standingOf(agent, { tied: tiedMetrics(args.peers ?? team.agents), qaMin });
  const focusMetric = standing.focus?.metrics[0] ?? null;
  const tip = focusMetric === null ? null : pickTip(args.tips, focusMetric, agentId, team.id);
  return {
    agentId,
    name: agent.name,
    lines,
    ...standing,
    qaMinEvaluations: qaMin,
    tip,
  };
}

/** The consented tip on `metric` by someone else: own team first, most helpful, newest. */
export function pickTip(
  tips: readonly Tip[],
  metric: Metric,
  agentId: string,
  teamId: string,
): Tip | null {
  const usable = tips.filter(
    (t) => t.metric === metric && t.consent_named && t.agent_id !== agentId,
  );
  usable.sort(
    (a, b) =>
      Number(b.team_id === teamId) - Number(a.team_id === teamId) ||
      b.helpful_count - a.helpful_count ||
      b.created_at.localeCompare(a.created_at),
  );
  return usable[0] ?? null;
}
