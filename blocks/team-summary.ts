/**
 * A team's health on one screen: per metric the value with its n, the health and why;
 * quality and efficiency side by side; the balance warnings; the tier mix (never to an
 * agent, where it would say "lagging"); the charts; buttons to switch metric and period
 * and to share.
 */
import type { KnownBlock } from '@slack/types';
import type { Query } from '../src/domain/query.ts';
import type { OrgReport, TeamReport } from '../src/domain/report-types.ts';
import { escapeMrkdwn } from '../src/messages/mrkdwn.ts';
import { balanceReason } from '../src/messages/reasons.ts';
import { t } from '../src/messages/t.ts';
import { metricButtons, periodButtons } from './controls.ts';
import {
  chartBlocks,
  context,
  fitMessage,
  header,
  type SlackMessage,
  section,
  type ViewCharts,
} from './message.ts';
import { BALANCED_ORDER, statusLine, valueLine } from './metric-lines.ts';

export interface TeamSummaryArgs extends ViewCharts {
  team: TeamReport;
  report: Pick<OrgReport, 'asOf' | 'window' | 'options'>;
  /** 'channel' when shared: aggregates only, no buttons. */
  audience: 'director' | 'lead' | 'agent' | 'channel';
  /** What was asked, so the buttons can ask for the next thing. */
  query: Query;
  canShare: boolean;
}

/** "28 days to 2026-10-31 (2026-10-04 – 2026-10-31)" */
export function windowLine(report: Pick<OrgReport, 'asOf' | 'window' | 'options'>): string {
  return t('common.window', {
    days: report.options.windowDays,
    asOf: report.asOf,
    from: report.window.from,
    to: report.window.to,
  });
}

export function buildTeamSummaryBlocks(args: TeamSummaryArgs): SlackMessage {
  const { team, audience } = args;
  const blocks: KnownBlock[] = [
    header(t('team.header', { team: team.name })),
    context(windowLine(args.report)),
  ];
  for (const metric of BALANCED_ORDER) {
    const m = team.metrics[metric];
    blocks.push(section(`${valueLine(metric, m)}\n${statusLine(metric, m)}`));
  }
  const balance = team.balance.map((flag) =>
    t(flag.kind === 'speed_over_quality' ? 'team.balance_speed' : 'team.balance_quality', {
      reason: balanceReason(flag),
    }),
  );
  if (balance.length > 0) blocks.push(section(balance.join('\n')));
  if (audience !== 'agent') {
    blocks.push(
      context(
        t('team.tier_mix', {
          top: team.tierMix.top,
          average: team.tierMix.average,
          lagging: team.tierMix.lagging,
          insufficient: team.tierMix.insufficient_data,
        }),
      ),
    );
  }
  blocks.push(...chartBlocks(args));
  if (audience !== 'channel') {
    blocks.push(metricButtons(args.query));
    blocks.push(
      periodButtons(args.query, { canShare: args.canShare, days: args.report.options.windowDays }),
    );
  }
  const count = (h: string) => BALANCED_ORDER.filter((m) => team.metrics[m].health === h).length;
  const text = t('team.fallback', {
    team: escapeMrkdwn(team.name),
    healthy: count('healthy'),
    watch: count('watch'),
    atRisk: count('at_risk'),
    days: args.report.options.windowDays,
  });
  return fitMessage({ text, blocks });
}
