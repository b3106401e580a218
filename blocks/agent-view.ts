/**
 * An agent's own numbers against their team's median, one strength and one focus, and a
 * tip from a peer. Speaks to the agent: it never says "lagging" and never shows a tier
 * (PRODUCT.md, "Coaching, not surveillance"); the weakest metric is a focus area.
 */
import type { KnownBlock } from '@slack/types';
import { formatN, formatValue } from '../src/domain/format.ts';
import { METRIC_DEFS, type Metric } from '../src/domain/metrics.ts';
import type { AgentReport, OrgReport, TeamReport } from '../src/domain/report.ts';
import type { Tip } from '../src/domain/surfaces.ts';
import { t } from '../src/messages/t.ts';
import { helpfulButton, shareTipButton, snoozeButton } from './controls.ts';
import { actions, context, fitMessage, header, type SlackMessage, section } from './message.ts';
import { BALANCED_ORDER } from './metric-lines.ts';
import { windowLine } from './team-summary.ts';

/**
 * Median of the values present (mean of the middle two for an even count), or null.
 * @example median([3, 1, 2]) // 2; median([4, 1, 3, 2]) // 2.5
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The metrics with the best and the worst percentile (needs two metrics with percentiles). */
export function strengthAndFocus(
  agent: Pick<AgentReport, 'percentiles'>,
): { strength: Metric; focus: Metric } | null {
  const ranked = BALANCED_ORDER.filter((m) => agent.percentiles[m] !== undefined).sort(
    (a, b) => (agent.percentiles[b] as number) - (agent.percentiles[a] as number),
  );
  if (ranked.length < 2) return null;
  return { strength: ranked[0] as Metric, focus: ranked[ranked.length - 1] as Metric };
}

export interface AgentViewArgs {
  team: TeamReport;
  agentId: string;
  report: Pick<OrgReport, 'asOf' | 'window' | 'options'>;
  /** A peer's tip on the focus metric, with the author's name only when they consented. */
  tip?: { tip: Tip; authorName: string | null };
  /** Offer "Share a tip" (agents in the top tier are invited; the button never says why). */
  inviteTip?: boolean;
}

export function buildAgentViewBlocks(args: AgentViewArgs): SlackMessage {
  const agent = args.team.agents.find((a) => a.id === args.agentId);
  if (!agent)
    throw new TypeError(
      `buildAgentViewBlocks: agent ${args.agentId} is not in team ${args.team.id}`,
    );
  const blocks: KnownBlock[] = [
    header(t('agent.header', { name: agent.name })),
    context(windowLine(args.report)),
  ];
  const lines = BALANCED_ORDER.map((metric) => {
    const value = agent.values[metric];
    const teamValues = args.team.agents
      .map((a) => a.values[metric])
      .filter((v): v is number => typeof v === 'number');
    return t('agent.metric_line', {
      label: METRIC_DEFS[metric].label,
      value: value === undefined ? t('common.no_value') : formatValue(metric, value),
      n: formatN(metric, agent.n[metric] ?? 0),
      median: formatValue(metric, median(teamValues)),
    });
  });
  blocks.push(section(lines.join('\n')));
  const sf = strengthAndFocus(agent);
  if (sf) {
    blocks.push(section(t('agent.strength', { label: METRIC_DEFS[sf.strength].label })));
    blocks.push(section(t('agent.focus', { label: METRIC_DEFS[sf.focus].label })));
  } else blocks.push(section(t('agent.no_strength')));
  if (args.tip) {
    const { tip, authorName } = args.tip;
    blocks.push(
      section(
        t('agent.tip', {
          label: METRIC_DEFS[tip.metric].label,
          author: authorName ?? t('agent.tip_anonymous'),
          text: tip.text,
        }),
        helpfulButton(tip.id),
      ),
    );
  }
  blocks.push(
    actions(
      args.inviteTip ? [snoozeButton(), shareTipButton()] : [snoozeButton()],
      'teamhealth_agent_actions',
    ),
  );
  const text = sf
    ? t('agent.fallback', {
        days: args.report.options.windowDays,
        strength: METRIC_DEFS[sf.strength].label,
        focus: METRIC_DEFS[sf.focus].label,
      })
    : t('agent.no_strength');
  return fitMessage({ text, blocks });
}
