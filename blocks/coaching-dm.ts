/**
 * The weekly coaching DM: the agent's own numbers beside the team median, one strength,
 * one focus area (never "lagging"), a consented peer tip on the focus, and buttons to
 * mark the tip helpful, snooze, or share a tip. Carries no other agent's numbers: only
 * team medians and, with consent, a tip's author and text (PRODUCT.md).
 */
import type { KnownBlock } from '@slack/types';
import type { Coaching } from '../src/analytics/coaching.ts';
import { formatN, formatValue } from '../src/domain/format.ts';
import { METRIC_DEFS } from '../src/domain/metrics.ts';
import type { OrgReport } from '../src/domain/report.ts';
import { t } from '../src/messages/t.ts';
import { helpfulButton, shareTipButton, snoozeButton } from './controls.ts';
import { actions, context, fitMessage, header, type SlackMessage, section } from './message.ts';
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
  const lines = coaching.lines.map((line) =>
    t('agent.metric_line', {
      label: METRIC_DEFS[line.metric].label,
      value: line.value === null ? t('common.no_value') : formatValue(line.metric, line.value),
      n: formatN(line.metric, line.n),
      median: formatValue(line.metric, line.teamMedian),
    }),
  );
  blocks.push(section(lines.join('\n')));
  if (coaching.strength && coaching.focus) {
    blocks.push(section(t('agent.strength', { label: METRIC_DEFS[coaching.strength].label })));
    blocks.push(section(t('agent.focus', { label: METRIC_DEFS[coaching.focus].label })));
  } else blocks.push(section(t('agent.no_strength')));
  const tip = coaching.tip;
  if (tip?.consent_named) {
    blocks.push(
      section(
        t('agent.tip', {
          label: METRIC_DEFS[tip.metric].label,
          author: args.tipAuthor ?? t('agent.tip_anonymous'),
          text: tip.text,
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
  const text =
    coaching.strength && coaching.focus
      ? t('agent.fallback', {
          days: args.report.options.windowDays,
          strength: METRIC_DEFS[coaching.strength].label,
          focus: METRIC_DEFS[coaching.focus].label,
        })
      : t('agent.no_strength');
  return fitMessage({ text, blocks });
}
