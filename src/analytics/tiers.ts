/**
 * Agent tiers (METRICS.md, "Agent tiers"):
 * 1. Eligible: contacts_handled over the window ≥ the floor (default 30); others are
 *    `insufficient_data`, never tiered.
 * 2. Percentiles per metric among the eligible agents of the same peer group (see
 *    percentiles.ts).
 * 3. Composite = Σ w_m·p_m / Σ w_m over the metrics the agent has a percentile for (metrics
 *    weighted 0 take no part). An eligible agent with none of the weighted metrics has no
 *    composite and stays `insufficient_data`.
 * 4. Sort the group's tiered agents by composite, best first, ties by agent_id (ascending);
 *    the first round(topShare·N) are `top`, the last round(laggingShare·N) `lagging`, the
 *    rest `average`. round is half-up; if the two cuts would overlap, top wins.
 */
import { METRIC_DEFS, METRICS, type Metric } from '../domain/metrics.ts';
import type { TierOrInsufficient } from '../domain/report-types.ts';
import { percentileList } from './percentiles.ts';

export interface TierInput {
  id: string;
  /** Peer group key: one group for the organisation, or the agent's site. */
  group: string;
  contacts: number;
  values: Partial<Record<Metric, number>>;
}

export interface TierOptions {
  eligibilityFloor: number;
  topShare: number;
  laggingShare: number;
  weights: Record<Metric, number>;
}

export interface TierResult {
  tier: TierOrInsufficient;
  composite: number | null;
  percentiles: Partial<Record<Metric, number>>;
}

/**
 * @param agents every agent with window sums (all teams, so percentiles span the group)
 * @param options floor, shares and weights
 * @returns agent id → tier, composite and percentiles
 * @example 10 eligible agents with csat 0.91…1.00 and equal weights
 *   // round(0.2·10) = 2: the two best are top, the two worst lagging, six average
 */
export function assignTiers(
  agents: readonly TierInput[],
  options: TierOptions,
): Map<string, TierResult> {
  const out = new Map<string, TierResult>();
  const groups = new Map<string, TierInput[]>();
  for (const agent of agents) {
    if (agent.contacts < options.eligibilityFloor) {
      out.set(agent.id, { tier: 'insufficient_data', composite: null, percentiles: {} });
      continue;
    }
    const group = groups.get(agent.group) ?? [];
    group.push(agent);
    groups.set(agent.group, group);
  }
  for (const group of groups.values()) {
    // Each metric's percentiles by position in the group (NaN: no value, no percentile).
    const perMetric = METRICS.map((metric) => {
      const values = new Float64Array(group.length);
      group.forEach((agent, i) => {
        values[i] = agent.values[metric] ?? Number.NaN;
      });
      return percentileList(values, METRIC_DEFS[metric].polarity);
    });
    const ranked: { id: string; composite: number }[] = [];
    group.forEach((agent, i) => {
      const pct: Partial<Record<Metric, number>> = {};
      let weighted = 0;
      let weightSum = 0;
      METRICS.forEach((metric, m) => {
        const p = (perMetric[m] as Float64Array)[i] as number;
        if (Number.isNaN(p)) return;
        pct[metric] = p;
        const w = options.weights[metric];
        weighted += w * p;
        weightSum += w;
      });
      const composite = weightSum > 0 ? weighted / weightSum : null;
      out.set(agent.id, { tier: 'insufficient_data', composite, percentiles: pct });
      if (composite !== null) ranked.push({ id: agent.id, composite });
    });
    ranked.sort((a, b) => b.composite - a.composite || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const { top, lagging } = tierCounts(ranked.length, options.topShare, options.laggingShare);
    ranked.forEach((agent, index) => {
      const result = out.get(agent.id) as TierResult;
      result.tier = index < top ? 'top' : index >= ranked.length - lagging ? 'lagging' : 'average';
    });
  }
  return out;
}

/**
 * How many of N tiered agents are top and lagging: round(share·N) each, half-up, lagging
 * reduced if the cuts would overlap.
 * @example tierCounts(12, 0.2, 0.2) // { top: 2, lagging: 2 } (0.2·12 = 2.4 → 2)
 * @example tierCounts(13, 0.2, 0.2) // { top: 3, lagging: 3 } (2.6 → 3)
 */
export function tierCounts(
  n: number,
  topShare: number,
  laggingShare: number,
): { top: number; lagging: number } {
  // A tiny epsilon keeps 0.3·5 = 1.4999999… from rounding down.
  const round = (x: number) => Math.floor(x + 0.5 + 1e-9);
  const top = Math.min(n, round(topShare * n));
  const lagging = Math.min(n - top, round(laggingShare * n));
  return { top, lagging };
}
