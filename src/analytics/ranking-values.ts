/**
 * What each eligible agent is ranked on, per metric (METRICS.md v2, "Ranking values:
 * evidence before labels"), among the eligible agents of the same peer group:
 * - proportions (`csat`, `fcr`, `answer_rate`): the rate shrunk toward the group by
 *   empirical Bayes (shrinkage.ts) over the agents with n > 0; when τ² ≤ 0 every agent
 *   gets μ, so all tie; with fewer than 3 such agents, the raw rate;
 * - `qa`: the raw score, only with at least `qaMinEvaluations` reviews in the window;
 * - `aht`: the raw value (eligibility already needs 30 contacts).
 * A metric without a ranking value (no denominator, too few reviews) is left out of that
 * metric's ranking. Ineligible agents get no ranking values: they are never ranked.
 */
import {
  isProportion,
  METRIC_DEFS,
  METRICS,
  type Metric,
  metricN,
  metricValue,
  type Sums,
} from '../domain/metrics.ts';
import { shrinkRates } from './shrinkage.ts';

export interface RankingInput {
  id: string;
  /** Peer group key: one group for the organisation, or the agent's site. */
  group: string;
  /** The agent's sums over the window. */
  sums: Partial<Sums>;
}

export type RankingValues = Partial<Record<Metric, number>>;

/**
 * @param agents every agent with window sums
 * @param options the eligibility floor (contacts) and the QA review threshold
 * @returns agent id → ranking values (eligible agents only)
 * @example three eligible agents with CSAT 9/10, 50/100, 20/20 (τ² > 0)
 *   // csat ranking values 0.88618, 0.50473, 0.98516 (see shrinkage.ts)
 */
export function rankingValues(
  agents: readonly RankingInput[],
  options: { eligibilityFloor: number; qaMinEvaluations: number },
): Map<string, RankingValues> {
  const out = new Map<string, RankingValues>();
  const groups = new Map<string, RankingInput[]>();
  for (const agent of agents) {
    if ((agent.sums.contacts_handled ?? 0) < options.eligibilityFloor) continue;
    out.set(agent.id, {});
    const group = groups.get(agent.group) ?? [];
    group.push(agent);
    groups.set(agent.group, group);
  }
  for (const group of groups.values()) {
    for (const metric of METRICS) {
      if (isProportion(metric)) {
        const def = METRIC_DEFS[metric];
        const counts = group
          .filter((a) => metricN(a.sums, metric) > 0)
          .map((a) => ({ id: a.id, x: a.sums[def.numerator] ?? 0, n: metricN(a.sums, metric) }));
        if (counts.length === 0) continue;
        for (const [id, value] of shrinkRates(counts).values) {
          (out.get(id) as RankingValues)[metric] = value;
        }
        continue;
      }
      for (const agent of group) {
        const value = metricValue(agent.sums, metric);
        if (value === null) continue;
        if (metric === 'qa' && metricN(agent.sums, 'qa') < options.qaMinEvaluations) continue;
        (out.get(agent.id) as RankingValues)[metric] = value;
      }
    }
  }
  return out;
}
