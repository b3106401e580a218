/**
 * Peer learning (issue #3): for each team and metric, the leaders are the team's eligible
 * agents ranked on the metric who share its best *ranking value* (METRICS.md v2: shrunk
 * rates for proportions, QA only with the report options' `qaMinEvaluations` reviews;
 * polarity applied); `leader` is the first of them by agent_id, `leaders` all of them, so
 * "leads the team on" names everyone who shares the top spot. A metric on which the
 * ranking values all tie (shrinkage found no difference beyond chance, τ² ≤ 0) has
 * everyone as a leader and so no learners: it is not listed. The learners are the team's
 * other eligible agents whose weakest metric (lowest percentile) it is. Gap = leader's
 * ranking value − the learners' mean ranking value, polarity applied, so a positive gap
 * means the leader is better. A metric is listed only when it has learners.
 * Our choice: when an agent's lowest percentile is tied across metrics, the weakest is the
 * first of them in METRICS order (csat, fcr, aht, qa, answer_rate), so each agent learns
 * one thing at a time.
 */
import { METRICS, type Metric, polaritySign } from '../domain/metrics.ts';
import type { PeerMatch, ReportOptions } from '../domain/report-types.ts';

export interface PeerAgent {
  id: string;
  /** Raw values, ranked on when no ranking values are given. */
  values: Partial<Record<Metric, number>>;
  /** What the agent is ranked on (AgentReport.rankingValues); preferred over `values`. */
  rankingValues?: Partial<Record<Metric, number>>;
  percentiles: Partial<Record<Metric, number>>;
  /** Denominators: a QA leader needs the options' `qaMinEvaluations` reviews. */
  n?: Partial<Record<Metric, number>>;
}

/** The value an agent is ranked on for the metric. */
function rankOn(agent: PeerAgent, metric: Metric): number | undefined {
  return agent.rankingValues ? agent.rankingValues[metric] : agent.values[metric];
}

/** Ranked on the metric: a percentile and a ranking value, and for QA enough reviews. */
function ranked(agent: PeerAgent, metric: Metric, qaMin: number): boolean {
  if (agent.percentiles[metric] === undefined || rankOn(agent, metric) === undefined) return false;
  return metric !== 'qa' || !agent.n || (agent.n.qa ?? 0) >= qaMin;
}

/**
 * @param agents the team's eligible (tiered) agents
 * @param options the report's resolved options: QA leads need `qaMinEvaluations` reviews
 * @returns one PeerMatch per metric with learners, in METRICS order
 * @example leader A (fcr 0.80); B and C weakest on fcr with 0.60 and 0.70
 *   // { metric: 'fcr', leader: 'A', learners: ['B', 'C'], gap: 0.80 − 0.65 = 0.15 }
 */
export function peerMatches(
  agents: readonly PeerAgent[],
  options: Pick<ReportOptions, 'qaMinEvaluations'>,
): PeerMatch[] {
  const qaMin = options.qaMinEvaluations;
  const weakest = new Map<string, Metric>();
  for (const agent of agents) {
    let best: Metric | null = null;
    for (const metric of METRICS) {
      const p = agent.percentiles[metric];
      if (p === undefined) continue;
      if (best === null || p < (agent.percentiles[best] as number)) best = metric;
    }
    if (best) weakest.set(agent.id, best);
  }
  const matches: PeerMatch[] = [];
  for (const metric of METRICS) {
    const sign = polaritySign(metric);
    let leader: PeerAgent | null = null;
    for (const agent of agents) {
      const v = rankOn(agent, metric);
      if (v === undefined || !ranked(agent, metric, qaMin)) continue;
      const lv = leader ? rankOn(leader, metric) : undefined;
      if (
        lv === undefined ||
        sign * v > sign * lv ||
        (v === lv && agent.id < (leader as PeerAgent).id)
      ) {
        leader = agent;
      }
    }
    if (!leader) continue;
    const best = rankOn(leader, metric) as number;
    const leaders = agents
      .filter((a) => rankOn(a, metric) === best && ranked(a, metric, qaMin))
      .map((a) => a.id)
      .sort();
    const learners = agents.filter(
      (a) =>
        !leaders.includes(a.id) && weakest.get(a.id) === metric && rankOn(a, metric) !== undefined,
    );
    if (learners.length === 0) continue;
    const mean =
      learners.reduce((acc, a) => acc + (rankOn(a, metric) as number), 0) / learners.length;
    matches.push({
      metric,
      leader: leader.id,
      leaders,
      learners: learners.map((a) => a.id).sort(),
      gap: sign * (best - mean),
    });
  }
  return matches;
}
