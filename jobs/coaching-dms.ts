/**
 * Weekly, to each tiered agent with a Slack id: their coaching DM. Snoozed agents are
 * skipped; an agent who already had a coaching DM in the last 7 days (any period, from
 * the ledger) gets none, so re-runs and a changed --as-of never double up. The engine
 * holds each DM until the agent's working hours in their own zone (`heldUntil`); this
 * hourly weekday schedule sends the held ones once their hours begin.
 */
import { buildCoachingDmBlocks } from '../blocks/coaching-dm.ts';
import { coachingFor, peerGroupOf } from '../src/analytics/coaching.ts';
import { isoWeek } from '../src/domain/dates.ts';
import type { OutgoingMessage } from '../src/slack/delivery/index.ts';
import { loadJobContext } from './context.ts';
import type { Job, JobDeps, JobSchedule } from './types.ts';

export const name = 'coaching-dms';
/** Every hour on weekdays: the first run of the week prepares every DM, later ones send the held. */
export const schedule: JobSchedule = { cron: '5 * * * 1-5', perTeamTimeZone: true };

const WEEK_MS = 7 * 24 * 3600 * 1000;

export async function run(deps: JobDeps): Promise<OutgoingMessage[]> {
  const ctx = await loadJobContext(deps);
  if (!ctx) return [];
  const { report } = ctx;
  const period = isoWeek(report.asOf);
  const since = new Date(deps.now.getTime() - WEEK_MS).toISOString();
  const tips = await deps.store.tips.list({});
  const agents = await deps.store.agents.list();
  const slackIds = new Map(agents.map((a) => [a.id, a.slack_user_id]));
  const names = new Map(agents.map((a) => [a.id, a.name]));
  const messages: OutgoingMessage[] = [];
  for (const team of report.teams) {
    for (const agent of team.agents) {
      const slackId = slackIds.get(agent.id);
      if (!slackId || agent.tier === 'insufficient_data') continue;
      const settings = await deps.store.settings.get({ slackUserId: slackId });
      if (settings?.snoozed_until && new Date(settings.snoozed_until) > deps.now) continue;
      const key = `${name}|${period}|${slackId}`;
      const already = await deps.store.deliveries.get({ key });
      if (
        !already &&
        (await deps.store.deliveries.countSentSince({ job: name, target: slackId, since })) > 0
      )
        continue;
      const coaching = coachingFor({
        team,
        agentId: agent.id,
        tips,
        peers: peerGroupOf(report, team),
        options: report.options,
      });
      const message = buildCoachingDmBlocks({
        coaching,
        report,
        ...(coaching.tip ? { tipAuthor: names.get(coaching.tip.agent_id) ?? undefined } : {}),
        inviteTip: agent.tier === 'top',
      });
      messages.push({
        job: name,
        period,
        target: slackId,
        kind: 'dm',
        ...message,
        ...(settings?.tz ? { tz: settings.tz } : {}),
      });
    }
  }
  return messages;
}

export const coachingDmsJob: Job = { name, schedule, run };
