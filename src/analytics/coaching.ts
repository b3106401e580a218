/**
 * What one agent's coaching DM says (PRODUCT.md, "Coaching, not surveillance", "Balance"):
 *
 * - **Lines**: every metric in balanced order (quality first, then efficiency), the
 *   agent's value and n beside the team median, so efficiency never appears without
 *   quality. The team median is the median of the values of the team's tiered agents
 *   (tier ≠ insufficient_data) on that metric: an aggregate, never another agent's number.
 * - **Strength**: the metric with the agent's best percentile; **focus**: the one with the
 *   worst (needs percentiles on two metrics; ties go to the earlier metric in balanced
 *   order). The focus is named as a focus area, never as "lagging".
 * - **Tip**: a tip on the focus metric whose author consented to be named and is not the
 *   agent: the team's own first, then any team's; most helpful first, then newest.
 */
import { METRICS, type Metric, QUALITY_METRICS } from '../domain/metrics.ts';
import type { TeamReport } from '../domain/report.ts';
import type { Tip } from '../domain/surfaces.ts';
import { median } from './median.ts';

export const BALANCED_METRICS: readonly Metric[] = [
  ...QUALITY_METRICS,
  ...METRICS.filter((m) => !QUALITY_METRICS.includes(m)),
];

export interface CoachingLine {
  metric: Metric;
  value: number | null;
  n: number;
  teamMedian: number | null;
}

export interface Coaching {
  agentId: string;
  name: string;
  lines: CoachingLine[];
  strength: Metric | null;
  focus: Metric | null;
  tip: Tip | null;
}

/**
 * @throws Error when the agent is not in the team
 * @example
 * // percentiles csat 0.9, fcr 0.2, aht 0.5 → strength csat, focus fcr
 */
export function coachingFor(args: {
  team: Pick<TeamReport, 'id' | 'agents'>;
  agentId: string;
  tips: readonly Tip[];
}): Coaching {
  const { team, agentId } = args;
  const agent = team.agents.find((a) => a.id === agentId);
  if (!agent) throw new Error(`coachingFor: agent ${agentId} is not in team ${team.id}`);
  const tiered = team.agents.filter((a) => a.tier !== 'insufficient_data');
  const lines = BALANCED_METRICS.map((metric) => {
    const values = tiered
      .map((a) => a.values[metric])
      .filter((v): v is number => typeof v === 'number');
    return {
      metric,
      value: agent.values[metric] ?? null,
      n: agent.n[metric] ?? 0,
      teamMedian: values.length > 0 ? median(values) : null,
    };
  });
  const ranked = BALANCED_METRICS.filter((m) => typeof agent.percentiles[m] === 'number');
  let strength: Metric | null = null;
  let focus: Metric | null = null;
  if (ranked.length >= 2) {
    for (const m of ranked) {
      const p = agent.percentiles[m] as number;
      if (strength === null || p > (agent.percentiles[strength] as number)) strength = m;
      if (focus === null || p < (agent.percentiles[focus] as number)) focus = m;
    }
    if (strength === focus) focus = ranked.find((m) => m !== strength) ?? null;
  }
  const tip = focus === null ? null : pickTip(args.tips, focus, agentId, team.id);
  return { agentId, name: agent.name, lines, strength, focus, tip };
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
