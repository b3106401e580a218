/**
 * Weekly, per team: the metric the team most needs (the peer match with the most
 * learners, ties to the larger gap in the metric's own units, then quality first), its
 * leader's consented tip, or recognition of the leader and an invitation to share one.
 * Only the leader is named; the learners never are.
 */
import { buildPeerNudgeBlocks } from '../blocks/peer-nudge.ts';
import { BALANCED_METRICS } from '../src/analytics/coaching.ts';
import { isoWeek } from '../src/domain/dates.ts';
import type { PeerMatch } from '../src/domain/report-types.ts';
import type { OutgoingMessage } from '../src/slack/delivery/index.ts';
import { loadJobContext } from './context.ts';
import type { Job, JobDeps, JobSchedule } from './types.ts';

export const name = 'peer-nudges';
/** Tuesday 10:00 in each team's zone. */
export const schedule: JobSchedule = { cron: '0 10 * * 2', perTeamTimeZone: true };

/** The match the team most needs, or null when no agent's weakest metric has a leader. */
export function mostNeeded(peers: readonly PeerMatch[]): PeerMatch | null {
  const ranked = peers
    .filter((p) => p.learners.length > 0)
    .sort(
      (a, b) =>
        b.learners.length - a.learners.length ||
        BALANCED_METRICS.indexOf(a.metric) - BALANCED_METRICS.indexOf(b.metric),
    );
  return ranked[0] ?? null;
}

export async function run(deps: JobDeps): Promise<OutgoingMessage[]> {
  const ctx = await loadJobContext(deps);
  if (!ctx) return [];
  const period = isoWeek(ctx.report.asOf);
  const messages: OutgoingMessage[] = [];
  for (const team of ctx.report.teams) {
    const channel = ctx.teams.get(team.id)?.channel_id;
    const match = mostNeeded(team.peers);
    const leaders = (match?.leaders ?? (match ? [match.leader] : []))
      .map((id) => team.agents.find((a) => a.id === id))
      .filter((a) => a !== undefined);
    if (!channel || !match || leaders.length === 0) continue;
    // The most helpful, newest consented tip by any of the leaders.
    const tips = (
      await Promise.all(
        leaders.map((leader) => deps.store.tips.list({ agentId: leader.id, metric: match.metric })),
      )
    )
      .flat()
      .filter((tip) => tip.consent_named)
      .sort(
        (a, b) => b.helpful_count - a.helpful_count || b.created_at.localeCompare(a.created_at),
      );
    const tip = tips[0] ?? null;
    const message = buildPeerNudgeBlocks({
      team,
      metric: match.metric,
      leaderNames: leaders.map((a) => a.name),
      tip,
      ...(tip ? { tipAuthorName: leaders.find((a) => a.id === tip.agent_id)?.name } : {}),
    });
    messages.push({ job: name, period, target: channel, kind: 'post', ...message });
  }
  return messages;
}

export const peerNudgesJob: Job = { name, schedule, run };
