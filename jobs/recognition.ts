/**
 * Weekly, per team: top tier, most improved and personal bests (src/analytics/
 * recognition.ts). Personal bests are looked for among the top and average tiers only:
 * a channel post never names an agent of the lagging tier. Nothing is posted for a team with nobody to celebrate.
 */
import { buildRecognitionBlocks } from '../blocks/recognition.ts';
import { personalBests, selectRecognition } from '../src/analytics/recognition.ts';
import { addDays, isoWeek } from '../src/domain/dates.ts';
import type { OutgoingMessage } from '../src/slack/delivery/index.ts';
import { loadJobContext } from './context.ts';
import type { Job, JobDeps, JobSchedule } from './types.ts';

export const name = 'recognition';
/** Friday 15:00 in each team's zone. */
export const schedule: JobSchedule = { cron: '0 15 * * 5', perTeamTimeZone: true };

/** Weeks of history a personal best is measured against. */
export const HISTORY_DAYS = 26 * 7;

export async function run(deps: JobDeps): Promise<OutgoingMessage[]> {
  const ctx = await loadJobContext(deps);
  if (!ctx) return [];
  const { report } = ctx;
  const week = isoWeek(report.asOf);
  const messages: OutgoingMessage[] = [];
  for (const team of report.teams) {
    const channel = ctx.teams.get(team.id)?.channel_id;
    if (!channel) continue;
    // The lagging tier is never named in a channel, not even for a personal best.
    const eligible = team.agents.filter((a) => a.tier === 'top' || a.tier === 'average');
    const days =
      eligible.length > 0
        ? await deps.store.kpis.agentDailySums({
            from: addDays(report.asOf, -HISTORY_DAYS),
            to: report.asOf,
            agentIds: eligible.map((a) => a.id),
          })
        : [];
    const recognition = {
      ...selectRecognition({ agents: team.agents }),
      personalBests: personalBests({ agents: eligible, days, currentWeek: week }),
    };
    const message = buildRecognitionBlocks({ teamName: team.name, week, recognition });
    if (message)
      messages.push({ job: name, period: week, target: channel, kind: 'post', ...message });
  }
  return messages;
}

export const recognitionJob: Job = { name, schedule, run };
