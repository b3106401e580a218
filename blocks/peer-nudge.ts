/**
 * The weekly peer-learning nudge in a team channel: the metric the team most needs, and
 * the team's leader on it, either with the leader's own consented tip or, when they have
 * none, recognised and invited to share one. Names only the leader (positive); the
 * colleagues who could learn from them are never named ("Coaching, not surveillance").
 */
import type { KnownBlock } from '@slack/types';
import { EFFICIENCY_METRICS, METRIC_DEFS, type Metric } from '../src/domain/metrics.ts';
import type { TeamReport } from '../src/domain/report.ts';
import type { Tip } from '../src/domain/surfaces.ts';
import { helpfulButton, shareTipButton } from './controls.ts';
import { actions, context, fitMessage, header, type SlackMessage, section } from './message.ts';
import { besideLine } from './metric-lines.ts';

export interface PeerNudgeArgs {
  team: Pick<TeamReport, 'name' | 'metrics'>;
  metric: Metric;
  leaderName: string;
  /** The leader's tip on `metric`, only when they consented to be named. */
  tip: Tip | null;
}

export function buildPeerNudgeBlocks(args: PeerNudgeArgs): SlackMessage {
  const { team, metric, leaderName, tip } = args;
  const label = METRIC_DEFS[metric].label;
  if (tip && !tip.consent_named)
    throw new TypeError(
      'buildPeerNudgeBlocks: a tip shown in a channel needs its author’s consent',
    );
  const blocks: KnownBlock[] = [header(`${team.name}: learning from each other`)];
  if (tip) {
    blocks.push(
      section(
        `:bulb: This week the team can gain most on *${label}*. ${leaderName} shares what works:\n>${tip.text}`,
        helpfulButton(tip.id),
      ),
    );
    blocks.push(context(`Want to talk it through? ${leaderName} is happy to help.`));
  } else {
    blocks.push(
      section(`:clap: ${leaderName} leads the team on *${label}* this month: thank you!`),
    );
    blocks.push(
      section(
        `${leaderName}, would you share what works for you? Your tip reaches colleagues who want to get better at it.`,
      ),
    );
    blocks.push(actions([shareTipButton()], 'teamhealth_nudge_actions'));
  }
  if ((EFFICIENCY_METRICS as Metric[]).includes(metric))
    blocks.push(context(besideLine(metric, team.metrics as TeamReport['metrics'])));
  const text = tip
    ? `${team.name}: a tip on ${label} from ${leaderName}`
    : `${team.name}: ${leaderName} leads on ${label}`;
  return fitMessage({ text, blocks });
}
