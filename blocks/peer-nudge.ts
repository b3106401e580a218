/**
 * The weekly peer-learning nudge in a team channel: the metric the team most needs, and
 * the team's leaders on it (everyone sharing the best value), either with one leader's
 * own consented tip or, when they have none, recognised and invited to share one. Names
 * only leaders (positive); the colleagues who could learn from them are never named
 * ("Coaching, not surveillance").
 */
import type { KnownBlock } from '@slack/types';
import { EFFICIENCY_METRICS, type Metric } from '../src/domain/metrics.ts';
import type { TeamReport } from '../src/domain/report-types.ts';
import type { Tip } from '../src/domain/surfaces.ts';
import { metricLabel } from '../src/messages/metric-names.ts';
import { escapeMrkdwn } from '../src/messages/mrkdwn.ts';
import { tn } from '../src/messages/plural.ts';
import { t } from '../src/messages/t.ts';
import { listJoin } from '../src/messages/words.ts';
import { helpfulButton, shareTipButton } from './controls.ts';
import { actions, context, fitMessage, header, type SlackMessage, section } from './message.ts';
import { besideLine } from './metric-lines.ts';

export interface PeerNudgeArgs {
  team: Pick<TeamReport, 'name' | 'metrics'>;
  metric: Metric;
  /** Every leader on `metric` (all who share the team's best value), at least one. */
  leaderNames: readonly string[];
  /** A leader's tip on `metric`, only when they consented to be named, with its author. */
  tip: Tip | null;
  tipAuthorName?: string;
}

export function buildPeerNudgeBlocks(args: PeerNudgeArgs): SlackMessage {
  const { team, metric, tip } = args;
  const label = metricLabel(metric);
  if (args.leaderNames.length === 0)
    throw new TypeError('buildPeerNudgeBlocks: a nudge needs at least one leader');
  if (tip && !tip.consent_named)
    throw new TypeError(
      'buildPeerNudgeBlocks: a tip shown in a channel needs its author’s consent',
    );
  const leaders = listJoin(args.leaderNames.map(escapeMrkdwn));
  const count = args.leaderNames.length;
  const author = escapeMrkdwn(args.tipAuthorName ?? args.leaderNames[0] ?? '');
  const teamName = escapeMrkdwn(team.name);
  const blocks: KnownBlock[] = [header(t('nudge.header', { team: team.name }))];
  if (tip) {
    blocks.push(
      section(
        t('nudge.tip', { label, leader: author, text: escapeMrkdwn(tip.text) }),
        helpfulButton(tip.id),
      ),
    );
    blocks.push(context(t('nudge.talk', { leader: author })));
  } else {
    blocks.push(section(tn('nudge.thanks', count, { leaders, label })));
    blocks.push(section(tn('nudge.invite', count, { leaders })));
    blocks.push(actions([shareTipButton()], 'teamhealth_nudge_actions'));
  }
  if ((EFFICIENCY_METRICS as Metric[]).includes(metric))
    blocks.push(context(besideLine(metric, team.metrics as TeamReport['metrics'])));
  const text = tip
    ? t('nudge.fallback_tip', { team: teamName, label, leader: author })
    : tn('nudge.fallback_leader', count, { team: teamName, label, leaders });
  return fitMessage({ text, blocks });
}
