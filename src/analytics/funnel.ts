/**
 * The funnel view of a proportion (METRICS.md v2, "Funnel view"): each agent's raw rate
 * against the n it rests on, with limits m ± z·√(m(1 − m)/n) around the group's pooled
 * rate m = Σx/Σn, at z = 1.96 (95%) and z = 3.09 (99.8%). The limits narrow as n grows,
 * so the chart is a funnel: a rate far from m on few answers can be chance, the same
 * rate on many cannot. Only an agent outside the 99.8% limits differs beyond chance, and
 * only one outside on the bad side (polarity applied) is flagged, for a lead to look at.
 * Our choices: limits are clipped to [0, 1]; a point exactly on a limit is inside; with
 * m of 0 or 1 the limits collapse to m and nobody is outside (every answer the same).
 */
import { METRIC_DEFS, type Polarity, type ProportionMetric } from '../domain/metrics.ts';
import type { AgentReport } from '../domain/report-types.ts';
import type { ProportionCounts } from './shrinkage.ts';

export const FUNNEL_Z95 = 1.96;
export const FUNNEL_Z998 = 3.09;

export interface FunnelLimits {
  lo95: number;
  hi95: number;
  lo998: number;
  hi998: number;
}

export type FunnelSide = 'above' | 'below' | null;

export interface FunnelPoint {
  id: string;
  n: number;
  rate: number;
  /** Outside the 95% limits, and on which side (null: inside). */
  outside95: FunnelSide;
  /** Outside the 99.8% limits, and on which side (null: inside). */
  outside998: FunnelSide;
  /** Outside the 99.8% limits on the side that is bad for the metric. */
  flagged: boolean;
}

export interface Funnel {
  /** The pooled rate m = Σx/Σn, the centre line. */
  pooled: number;
  points: FunnelPoint[];
}

/**
 * The 95% and 99.8% limits at one n around m.
 * @throws Error when n ≤ 0 or m is outside [0, 1]
 * @example funnelLimits(0.8, 100)
 *   // sd = √(0.16/100) = 0.04; 95%: 0.8 ± 0.0784 → 0.7216 – 0.8784; 99.8%: ± 0.1236 → 0.6764 – 0.9236
 */
export function funnelLimits(m: number, n: number): FunnelLimits {
  if (!(n > 0)) throw new Error(`funnelLimits requires n > 0, got ${n}`);
  if (!(m >= 0 && m <= 1)) throw new Error(`funnelLimits requires 0 ≤ m ≤ 1, got ${m}`);
  const sd = Math.sqrt((m * (1 - m)) / n);
  const clip = (v: number) => Math.min(1, Math.max(0, v));
  return {
    lo95: clip(m - FUNNEL_Z95 * sd),
    hi95: clip(m + FUNNEL_Z95 * sd),
    lo998: clip(m - FUNNEL_Z998 * sd),
    hi998: clip(m + FUNNEL_Z998 * sd),
  };
}

/**
 * @param agents each agent's successes and trials (n > 0)
 * @param polarity whether a higher rate is better
 * @param pooled the centre m (default Σx/Σn over `agents`)
 * @returns m and each agent's point, in the order given
 * @throws Error when `agents` is empty, or an agent has n ≤ 0 or x outside [0, n]
 * @example funnel([{ id: 'a', x: 60, n: 100 }, { id: 'b', x: 340, n: 400 }], 'higher')
 *   // m = 400/500 = 0.8; a: 0.6 < 0.6764 (99.8% low at n = 100) → flagged; b: 0.85 inside
 */
export function funnel(
  agents: readonly ProportionCounts[],
  polarity: Polarity,
  pooled?: number,
): Funnel {
  if (agents.length === 0) throw new Error('funnel requires at least one agent');
  let sumX = 0;
  let sumN = 0;
  for (const a of agents) {
    if (!(a.n > 0))
      throw new Error(`funnel requires n > 0 for every agent, got ${a.n} for ${a.id}`);
    if (!(a.x >= 0 && a.x <= a.n))
      throw new Error(`funnel requires 0 ≤ x ≤ n, got x = ${a.x}, n = ${a.n} for ${a.id}`);
    sumX += a.x;
    sumN += a.n;
  }
  const m = pooled ?? sumX / sumN;
  const side = (rate: number, lo: number, hi: number): FunnelSide =>
    rate > hi ? 'above' : rate < lo ? 'below' : null;
  const bad: FunnelSide = polarity === 'higher' ? 'below' : 'above';
  return {
    pooled: m,
    points: agents.map((a) => {
      const rate = a.x / a.n;
      const limits = funnelLimits(m, a.n);
      const outside998 = side(rate, limits.lo998, limits.hi998);
      return {
        id: a.id,
        n: a.n,
        rate,
        outside95: side(rate, limits.lo95, limits.hi95),
        outside998,
        flagged: outside998 !== null && outside998 === bad,
      };
    }),
  };
}

/**
 * The funnel of one proportion over a team's agents: every agent with n > 0 on it (the
 * eligible and those still under the floor alike; thin ones sit inside the wide end),
 * around the pooled rate of those agents, from each agent's summed numerator and n.
 * @returns null when no agent has n > 0
 * @example agentFunnel(team.agents, 'csat')?.points.filter((p) => p.flagged).map((p) => p.id)
 *   // the agents whose CSAT is below the 99.8% limit for their n
 */
export function agentFunnel(
  agents: readonly Pick<AgentReport, 'id' | 'numerators' | 'n'>[],
  metric: ProportionMetric,
): Funnel | null {
  const counts: ProportionCounts[] = [];
  for (const agent of agents) {
    const n = agent.n[metric] ?? 0;
    const x = agent.numerators[metric];
    if (n > 0 && x !== undefined) counts.push({ id: agent.id, x, n });
  }
  return counts.length === 0 ? null : funnel(counts, METRIC_DEFS[metric].polarity);
}
