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
import { escapeMrkdwn } from '../src/messages/mrkdwn.ts';
import { t } from '../src/messages/t.ts';
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
  const leader = escapeMrkdwn(leaderName);
  if (tip && !tip.consent_named)
    throw new TypeError(
      'buildPeerNudgeBlocks: a tip shown in a channel needs its author’s consent',
    );
  const blocks: KnownBlock[] = [header(t('nudge.header', { team: team.name }))];
  if (tip) {
    blocks.push(
      section(
        t('nudge.tip', { label, leader, text: escapeMrkdwn(tip.text) }),
        helpfulButton(tip.id),
      ),
    );
    blocks.push(context(t('nudge.talk', { leader })));
  } else {
    blocks.push(section(t('nudge.thanks', { leader, label })));
    blocks.push(section(t('nudge.invite', { leader })));
    blocks.push(actions([shareTipButton()], 'teamhealth_nudge_actions'));
  }
  if ((EFFICIENCY_METRICS as Metric[]).includes(metric))
    blocks.push(context(besideLine(metric, team.metrics as TeamReport['metrics'])));
  const text = tip
    ? t('nudge.fallback_tip', { team: escapeMrkdwn(team.name), label, leader })
    : t('nudge.fallback_leader', { team: escapeMrkdwn(team.name), label, leader });
  return fitMessage({ text, blocks });
}
