/**
 * Daily, per team in its time zone: one message with the trend-and-stability chart and
 * the monthly trend of every metric the team has data for, each with status and why.
 */
import { buildTeamChartsBlocks, type MetricCharts } from '../blocks/team-charts.ts';
import { monthlyTrendSpec } from '../src/charts/specs/monthly-trend.ts';
import { trendStabilitySpec } from '../src/charts/specs/trend-stability.ts';
import { METRICS } from '../src/domain/metrics.ts';
import { metricLabel } from '../src/messages/metric-names.ts';
import { t } from '../src/messages/t.ts';
import type { OutgoingFile, OutgoingMessage } from '../src/slack/delivery/index.ts';
import { chartFile } from './chart-files.ts';
import { loadJobContext } from './context.ts';
import type { Job, JobDeps, JobSchedule } from './types.ts';

export const name = 'team-charts';
/** 08:00 on weekdays in each team's zone. */
export const schedule: JobSchedule = { cron: '0 8 * * 1-5', perTeamTimeZone: true };

export async function run(deps: JobDeps): Promise<OutgoingMessage[]> {
  const ctx = await loadJobContext(deps);
  if (!ctx) return [];
  const { report } = ctx;
  const messages: OutgoingMessage[] = [];
  for (const team of report.teams) {
    const channel = ctx.teams.get(team.id)?.channel_id;
    if (!channel) continue;
    const withData = METRICS.filter((m) => team.metrics[m].series.length > 0);
    if (withData.length === 0) continue;
    const rendered = await Promise.all(
      withData.map(async (metric) => {
        const label = metricLabel(metric);
        const trend = await chartFile(
          deps.render,
          trendStabilitySpec({
            teamName: team.name,
            metric,
            report: team.metrics[metric],
            window: report.window,
          }),
          `${metric}-trend.png`,
          t('charts_post.trend_title', { team: team.name, label }),
        );
        const monthly =
          team.metrics[metric].monthly.length > 0
            ? await chartFile(
                deps.render,
                monthlyTrendSpec({
                  teamName: team.name,
                  metric,
                  monthly: team.metrics[metric].monthly,
                }),
                `${metric}-monthly.png`,
                t('charts_post.monthly_title', { team: team.name, label }),
              )
            : undefined;
        const charts: MetricCharts = {
          metric,
          trend: trend.image,
          ...(monthly ? { monthly: monthly.image } : {}),
        };
        const files: OutgoingFile[] = [trend.file, ...(monthly ? [monthly.file] : [])];
        return { charts, files };
      }),
    );
    const charts = rendered.map((r) => r.charts);
    const files = rendered.flatMap((r) => r.files);
    const message = buildTeamChartsBlocks({ team, report, charts });
    messages.push({
      job: name,
      period: report.asOf,
      target: channel,
      kind: 'post',
      ...message,
      files,
    });
  }
  return messages;
}

export const teamChartsJob: Job = { name, schedule, run };
