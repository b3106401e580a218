/**
 * The team-channel post, on each team's cadence (src/domain/team-cadence.ts): the
 * weekly dashboard on the team's day and time in its zone; on other days, at the same
 * time, a post only when something changed since the last post (a new signal, a status
 * change, a contact-mix shift), naming the change and carrying the one chart that shows
 * it; nothing when nothing changed. One image per message. The last post is read from
 * the delivery ledger, and the period keys (`weekly|<ISO week>`, `changes|<day>`) keep
 * every post exactly-once across re-runs and instances.
 */

import { BALANCED_ORDER } from '../blocks/metric-lines.ts';
import { buildTeamChartsBlocks } from '../blocks/team-charts.ts';
import { addDays, localDateIn } from '../src/domain/dates.ts';
import type { Metric } from '../src/domain/metrics.ts';
import type { LocalDate, Team } from '../src/domain/records.ts';
import type { OrgReport, TeamReport } from '../src/domain/report-types.ts';
import {
  DEFAULT_WEEKLY_SLOT,
  localClock,
  teamCadence,
  type WeeklySlot,
} from '../src/domain/team-cadence.ts';
import { changeMetric, type TeamChange, teamChanges } from '../src/domain/team-changes.ts';
import { buildOrgReport } from '../src/reporting/build-org-report.ts';
import { createReportCache } from '../src/reporting/org-report-cache.ts';
import { type ChartRequest, chartFilename, chooseCharts } from '../src/slack/charts.ts';
import type { OutgoingMessage } from '../src/slack/delivery/index.ts';
import { chartFile } from './chart-files.ts';
import { loadJobContext } from './context.ts';
import type { Job, JobDeps, JobSchedule } from './types.ts';

export const name = 'team-charts';
/**
 * Every 15 minutes in each team's zone: the cadence decides whether this is the team's
 * time (its weekly slot's time of day, any minute), and the ledger whether it already
 * posted. A slot at 16:20 is served by the 16:30 run.
 */
export const schedule: JobSchedule = { cron: '*/15 * * * *', perTeamTimeZone: true };

/** The team's weekly slot: its own, else the default, else Monday 09:00. */
export function slotFor(deps: Pick<JobDeps, 'teamPosts'>, teamId: string): WeeklySlot {
  return deps.teamPosts?.teams[teamId] ?? deps.teamPosts?.default ?? DEFAULT_WEEKLY_SLOT;
}

/** The metric whose monthly trend the weekly post shows: the first not healthy, else CSAT. */
function monthlyMetric(team: TeamReport): Metric {
  return (
    BALANCED_ORDER.find((m) => team.metrics[m].health === 'at_risk') ??
    BALANCED_ORDER.find((m) => team.metrics[m].health === 'watch') ??
    'csat'
  );
}

/** The chart that shows a change: the metric's trend with limits, or the contact mix. */
function detailRequest(change: TeamChange, team: TeamReport, report: OrgReport): ChartRequest {
  const metric = changeMetric(change);
  return metric ? { view: 'metric', team, window: report.window, metric } : { view: 'mix', team };
}

/** When this job last posted to each channel (ISO timestamps): one read of its ledger a run. */
/** Long enough to outlast one run of the job, however many charts it draws. */
const JOB_REPORT_TTL_MS = 60 * 60_000;

async function lastPosts(deps: JobDeps): Promise<Map<string, string>> {
  const last = new Map<string, string>();
  for (const d of await deps.store.deliveries.list({ job: name, status: 'sent' })) {
    const seen = last.get(d.target);
    if (seen === undefined || d.created_at > seen) last.set(d.target, d.created_at);
  }
  return last;
}

export async function run(deps: JobDeps): Promise<OutgoingMessage[]> {
  const ctx = await loadJobContext(deps);
  if (!ctx) return [];
  const { report } = ctx;
  const messages: OutgoingMessage[] = [];
  const posted = await lastPosts(deps);
  // Reports as of each last post's day, built once per day for the whole organisation
  // (most teams share it) and read per team, not rebuilt for every team that posts.
  const earlier = createReportCache({ ttlMs: JOB_REPORT_TTL_MS });
  for (const team of report.teams) {
    const info = ctx.teams.get(team.id) as Team;
    const channel = info.channel_id;
    if (!channel) continue;
    const clock = localClock(info.timezone, deps.now);
    const lastPost = posted.get(channel);
    // The local day (in the team's zone) of this job's last post to its channel.
    const postedOn = lastPost ? localDateIn(info.timezone, new Date(lastPost)) : null;
    const decision = teamCadence(clock, slotFor(deps, team.id), postedOn !== null, !deps.scheduled);
    if (decision.post === 'none') continue;

    let request: ChartRequest;
    let changes: TeamChange[] = [];
    if (decision.post === 'weekly') {
      request = { view: 'weekly', team, window: report.window, monthly: monthlyMetric(team) };
    } else {
      // Since the last post: the report as of the day before that post (its report day).
      const since = addDays(postedOn as LocalDate, -1);
      if (since >= report.asOf) continue;
      const before = (
        await buildOrgReport({ store: deps.store, asOf: since, teamIds: [team.id], cache: earlier })
      ).teams[0];
      if (!before) continue;
      changes = teamChanges(before, team, since);
      const first = changes[0];
      if (!first) continue;
      request = detailRequest(first, team, report);
    }
    const [choice] = chooseCharts(request);
    const chart = choice
      ? await chartFile(deps.render, choice.spec, chartFilename(request, choice), choice.title)
      : undefined;
    const message = buildTeamChartsBlocks({
      team,
      report,
      kind: decision.post === 'weekly' ? 'weekly' : 'change',
      changes,
      ...(chart ? { chart: chart.image } : {}),
    });
    messages.push({
      job: name,
      period: decision.period,
      target: channel,
      kind: 'post',
      ...message,
      files: chart ? [chart.file] : [],
    });
  }
  return messages;
}

export const teamChartsJob: Job = { name, schedule, run };
