/**
 * Weekly to TEAMHEALTH_DIGEST_CHANNEL: the director digest (blocks/director-digest.ts)
 * with the organisation dashboard (every team's status at a glance) and the tier-mix
 * chart across teams, each alert's why (the analytics' reasons), and
 * enablement by team. Directors may see tiers; no agent is named in it.
 */
import { buildDirectorDigestBlocks } from '../blocks/director-digest.ts';
import { isoWeek } from '../src/domain/dates.ts';
import { type ChartRequest, chartFilename, chooseCharts } from '../src/slack/charts.ts';
import type { OutgoingMessage } from '../src/slack/delivery/index.ts';
import { chartFile } from './chart-files.ts';
import { loadJobContext } from './context.ts';
import type { Job, JobDeps, JobSchedule } from './types.ts';

export const name = 'director-digest';
/** Monday 07:00 UTC. */
export const schedule: JobSchedule = { cron: '0 7 * * 1', perTeamTimeZone: false };

export async function run(deps: JobDeps): Promise<OutgoingMessage[]> {
  if (!deps.digestChannel) return [];
  const ctx = await loadJobContext({ ...deps, teamIds: undefined });
  if (!ctx) return [];
  const { report } = ctx;
  // The digest's charts come from the one selection per view (src/slack/charts.ts).
  const request: ChartRequest = { view: 'digest', report };
  const charts = await Promise.all(
    chooseCharts(request).map((choice) =>
      chartFile(deps.render, choice.spec, chartFilename(request, choice), choice.title),
    ),
  );
  // The same message as `/teamhealth digest` (src/slack/answer.ts).
  const message = buildDirectorDigestBlocks({ report, charts: charts.map((c) => c.image) });
  return [
    {
      job: name,
      period: isoWeek(report.asOf),
      target: deps.digestChannel,
      kind: 'post',
      ...message,
      files: charts.map((chart) => chart.file),
    },
  ];
}

export const directorDigestJob: Job = { name, schedule, run };
