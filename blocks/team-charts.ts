/**
 * The team-channel post (PRODUCT.md, "One picture, not a wall" and "Quiet by default"):
 * one message per team with one image. The weekly post carries the team dashboard; a
 * post on another day names what changed since the last post and carries the one
 * detail chart that shows it. Every metric's value and n are listed, quality first, so
 * efficiency is never shown alone ("Balance"). Team aggregates only: no agent is named.
 */
import type { KnownBlock } from '@slack/types';
import type { OrgReport, TeamReport } from '../src/domain/report-types.ts';
import type { TeamChange } from '../src/domain/team-changes.ts';
import { metricLabel } from '../src/messages/metric-names.ts';
import { escapeMrkdwn } from '../src/messages/mrkdwn.ts';
import { t } from '../src/messages/t.ts';
import { dayMonth } from '../src/messages/words.ts';
import {
  type ChartImage,
  chartBlock,
  context,
  fitMessage,
  header,
  type SlackMessage,
  section,
} from './message.ts';
import { BALANCED_ORDER, HEALTH_EMOJI, healthLabel, valueLine } from './metric-lines.ts';
import { windowLine } from './team-summary.ts';

export interface TeamChartsArgs {
  team: TeamReport;
  report: Pick<OrgReport, 'asOf' | 'window' | 'options'>;
  /** 'weekly': the dashboard post; 'change': what changed since the last post. */
  kind: 'weekly' | 'change';
  /** The changes a 'change' post names (at least one). */
  changes?: readonly TeamChange[];
  /** The post's one image: the dashboard, or the detail chart of the first change. */
  chart?: ChartImage;
}

/** "*CSAT*: Healthy → Watch", "*QA score*: 2 days below the lower limit (from 12 Nov)", … */
export function changeLine(change: TeamChange): string {
  switch (change.kind) {
    case 'status':
      return t('charts_post.change.status', {
        label: metricLabel(change.metric),
        from: healthLabel(change.from),
        to: healthLabel(change.to),
        emoji: HEALTH_EMOJI[change.to],
      });
    case 'signal':
      return t(`charts_post.change.signal.${change.rule}_${change.bad ? 'bad' : 'good'}`, {
        label: metricLabel(change.metric),
        // A day beyond the limits is dated by its first new day; a run or drift, which
        // the sentence says goes on "to" a day, by its last.
        date: dayMonth(change.rule === 'beyond_limits' ? change.since : change.to),
      });
    case 'mix_shift':
      return change.drivers.length > 0
        ? t('charts_post.change.mix_drivers', {
            reasons: change.drivers.map(escapeMrkdwn).join(', '),
          })
        : t('charts_post.change.mix');
  }
}

export function buildTeamChartsBlocks(args: TeamChartsArgs): SlackMessage {
  const { team } = args;
  const changes = args.changes ?? [];
  const blocks: KnownBlock[] = [
    header(
      t(args.kind === 'weekly' ? 'charts_post.header' : 'charts_post.change_header', {
        team: team.name,
      }),
    ),
    context(windowLine(args.report)),
  ];
  if (args.kind === 'change' && changes.length > 0) {
    blocks.push(section(changes.map((c) => `• ${changeLine(c)}`).join('\n')));
  }
  if (args.chart) blocks.push(chartBlock(args.chart));
  blocks.push(
    section(
      BALANCED_ORDER.map(
        (m) => `${HEALTH_EMOJI[team.metrics[m].health]} ${valueLine(m, team.metrics[m])}`,
      ).join('\n'),
    ),
  );
  blocks.push(context(t('charts_post.privacy')));
  const counts = BALANCED_ORDER.map((m) =>
    t('charts_post.count', {
      label: metricLabel(m),
      emoji: HEALTH_EMOJI[team.metrics[m].health],
    }),
  );
  const text =
    args.kind === 'weekly'
      ? t('charts_post.fallback', { team: escapeMrkdwn(team.name), counts: counts.join(', ') })
      : t('charts_post.change_fallback', {
          team: escapeMrkdwn(team.name),
          count: changes.length,
        });
  return fitMessage({ text, blocks });
}
