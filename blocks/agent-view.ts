/**
 * An agent's own numbers against their team's median, one strength and one focus, and a
 * tip from a peer. Speaks to the agent: it never says "lagging" and never shows a tier
 * (PRODUCT.md, "Coaching, not surveillance"); the weakest metric is a focus area.
 */
import type { KnownBlock } from '@slack/types';
import { coachingFor } from '../src/analytics/coaching.ts';
import type { AgentReport, OrgReport, TeamReport } from '../src/domain/report-types.ts';
import type { Tip } from '../src/domain/surfaces.ts';
import { metricLabel } from '../src/messages/metric-names.ts';
import { escapeMrkdwn } from '../src/messages/mrkdwn.ts';
import { t } from '../src/messages/t.ts';
import { helpfulButton, shareTipButton, snoozeButton } from './controls.ts';
import { actions, context, fitMessage, header, type SlackMessage, section } from './message.ts';
import { agentMetricLine, standingFallback, standingSentences } from './standing.ts';
import { windowLine } from './team-summary.ts';

export interface AgentViewArgs {
  team: TeamReport;
  agentId: string;
  report: Pick<OrgReport, 'asOf' | 'window' | 'options'>;
  /** A peer's tip on the focus metric, with the author's name only when they consented. */
  tip?: { tip: Tip; authorName: string | null };
  /** Offer "Share a tip" (agents in the top tier are invited; the button never says why). */
  inviteTip?: boolean;
  /** The agents the percentiles were computed among (default: the team's), to find ties. */
  peers?: readonly Pick<AgentReport, 'percentiles'>[];
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
  const coaching = coachingFor({
    team: args.team,
    agentId: agent.id,
    tips: [],
    ...(args.peers ? { peers: args.peers } : {}),
    options: args.report.options,
  });
  const lines = coaching.lines.map((line) => agentMetricLine(line, coaching.qaMinEvaluations));
  blocks.push(section(lines.join('\n')));
  for (const sentence of standingSentences(coaching)) blocks.push(section(sentence));
  if (args.tip) {
    const { tip, authorName } = args.tip;
    blocks.push(
      section(
        t('agent.tip', {
          label: metricLabel(tip.metric),
          author: authorName ? escapeMrkdwn(authorName) : t('agent.tip_anonymous'),
          text: escapeMrkdwn(tip.text),
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
  const text = standingFallback(coaching, args.report.options.windowDays);
  return fitMessage({ text, blocks });
}
