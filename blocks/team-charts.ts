/**
 * The daily team-charts post: one message per team (PRODUCT.md, "Quiet by default") with
 * every metric's value and n, its status and why, and its trend-and-stability chart plus
 * the monthly trend. Quality metrics come first and are always listed, so efficiency is
 * never shown alone ("Balance"). Team aggregates only: no agent is named.
 */
import type { KnownBlock } from '@slack/types';
import type { Metric } from '../src/domain/metrics.ts';
import type { OrgReport, TeamReport } from '../src/domain/report-types.ts';
import { metricLabel } from '../src/messages/metric-names.ts';
import { escapeMrkdwn } from '../src/messages/mrkdwn.ts';
import { t } from '../src/messages/t.ts';
import {
  type ChartImage,
  chartBlock,
  context,
  fitMessage,
  header,
  type SlackMessage,
  section,
} from './message.ts';
import { BALANCED_ORDER, HEALTH_EMOJI, statusLine, valueLine } from './metric-lines.ts';
import { windowLine } from './team-summary.ts';

export interface MetricCharts {
  metric: Metric;
  trend: ChartImage;
  monthly?: ChartImage;
}

export interface TeamChartsArgs {
  team: TeamReport;
  report: Pick<OrgReport, 'asOf' | 'window' | 'options'>;
  /** Charts for the metrics the team has data for, any order. */
  charts: readonly MetricCharts[];
}

export function buildTeamChartsBlocks(args: TeamChartsArgs): SlackMessage {
  const { team } = args;
  const blocks: KnownBlock[] = [
    header(t('charts_post.header', { team: team.name })),
    context(windowLine(args.report)),
    section(BALANCED_ORDER.map((m) => valueLine(m, team.metrics[m])).join('\n')),
  ];
  for (const metric of BALANCED_ORDER) {
    const charts = args.charts.find((c) => c.metric === metric);
    if (!charts) continue;
    blocks.push(
      section(
        t('charts_post.metric_status', {
          label: metricLabel(metric),
          status: statusLine(metric, team.metrics[metric]),
        }),
      ),
    );
    blocks.push(chartBlock(charts.trend));
    if (charts.monthly) blocks.push(chartBlock(charts.monthly));
  }
  blocks.push(context(t('charts_post.privacy')));
  const counts = BALANCED_ORDER.map((m) =>
    t('charts_post.count', {
      label: metricLabel(m),
      emoji: HEALTH_EMOJI[team.metrics[m].health],
    }),
  );
  return fitMessage({
    text: t('charts_post.fallback', { team: escapeMrkdwn(team.name), counts: counts.join(', ') }),
    blocks,
  });
}
