/**
 * The weekly coaching DM: the agent's own numbers beside the team median, their
 * strength and focus area (never "lagging"), a consented peer tip on the focus, and
 * buttons to mark the tip helpful, snooze, or share a tip. Carries no other agent's
 * numbers: only team medians and, with consent, a tip's author and text (PRODUCT.md).
 * The sentences follow blocks/standing.ts, so each claim holds against the numbers.
 */
import type { KnownBlock } from '@slack/types';
import type { Coaching } from '../src/analytics/coaching.ts';
import type { OrgReport } from '../src/domain/report-types.ts';
import { metricLabel } from '../src/messages/metric-names.ts';
import { escapeMrkdwn } from '../src/messages/mrkdwn.ts';
import { t } from '../src/messages/t.ts';
import { helpfulButton, shareTipButton, snoozeButton } from './controls.ts';
import { actions, context, fitMessage, header, type SlackMessage, section } from './message.ts';
import { agentMetricLine, standingFallback, standingSentences } from './standing.ts';
import { windowLine } from './team-summary.ts';

export interface CoachingDmArgs {
  coaching: Coaching;
  report: Pick<OrgReport, 'asOf' | 'window' | 'options'>;
  /** The tip author's name (shown only because the tip carries consent). */
  tipAuthor?: string;
  /** Offer "Share a tip" (top-tier agents; the button never says why). */
  inviteTip?: boolean;
}

export function buildCoachingDmBlocks(args: CoachingDmArgs): SlackMessage {
  const { coaching } = args;
  const blocks: KnownBlock[] = [
    header(t('agent.header', { name: coaching.name })),
    context(windowLine(args.report)),
  ];
  const lines = coaching.lines.map((line) => agentMetricLine(line, coaching.qaMinEvaluations));
  blocks.push(section(lines.join('\n')));
  for (const sentence of standingSentences(coaching)) blocks.push(section(sentence));
  const tip = coaching.tip;
  if (tip?.consent_named) {
    blocks.push(
      section(
        t('agent.tip', {
          label: metricLabel(tip.metric),
          author: args.tipAuthor ? escapeMrkdwn(args.tipAuthor) : t('agent.tip_anonymous'),
          text: escapeMrkdwn(tip.text),
        }),
        helpfulButton(tip.id),
      ),
    );
  }
  blocks.push(
    actions(
      args.inviteTip ? [snoozeButton(), shareTipButton()] : [snoozeButton()],
      'teamhealth_coaching_actions',
    ),
  );
  return fitMessage({ text: standingFallback(coaching, args.report.options.windowDays), blocks });
}
