/**
 * "Share to channel": posts a team's aggregates (never individual numbers) to the team's
 * channel through the delivery engine, so the ledger, pacing and retries apply as for
 * any job. Lead or director of that team only, checked again here on the payload's scope.
 */

import type { Query } from '../domain/query.ts';
import { t } from '../messages/t.ts';
import { type AnswerDeps, answerQuery } from './answer.ts';
import { authorize } from './authorization.ts';
import type { Delivery } from './delivery/create-delivery.ts';
import type { OutgoingFile } from './delivery/types.ts';
import { messageForFailure } from './error-message.ts';
import { collectFiles } from './place-charts.ts';
import { findTeam, loadDirectory, loadViewer } from './viewer.ts';

export interface ShareDeps extends AnswerDeps {
  delivery: Delivery;
}

/** Shares the view and returns what to tell the person who pressed the button. */
export async function shareView(
  deps: ShareDeps,
  args: { slackUserId: string; query: Query; sourceTs: string },
): Promise<{ text: string; shared: boolean }> {
  const viewer = await loadViewer({
    store: deps.store,
    directorIds: deps.directorIds,
    slackUserId: args.slackUserId,
  });
  const teams = await deps.store.teams.list();
  const team = args.query.team ? findTeam(teams, args.query.team) : undefined;
  const decision = team
    ? authorize(viewer, { kind: 'share', teamId: team.id }, await loadDirectory(deps.store, []))
    : ({ allowed: false, reason: 'not_your_team' } as const);
  if (!team || !decision.allowed) {
    return {
      text: t(`access.denied.${decision.allowed ? 'not_your_team' : decision.reason}`),
      shared: false,
    };
  }
  if (!team.channel_id) return { text: t('share.no_channel'), shared: false };

  // Always the team summary with channel audience: aggregates only, no buttons.
  const files: OutgoingFile[] = [];
  const answer = await answerQuery(deps, {
    slackUserId: args.slackUserId,
    query: { view: 'team', team: team.id, ...(args.query.days ? { days: args.query.days } : {}) },
    audienceOverride: 'channel',
    place: collectFiles(files),
  });
  if (answer.denied) return { text: answer.message.text, shared: false };
  const outcome = await deps.delivery.deliver({
    job: 'share',
    // One share per source message, view and team: a double click posts once.
    period: `${answer.report?.asOf ?? ''}|${args.sourceTs}|${args.query.days ?? ''}`,
    target: team.channel_id,
    kind: 'post',
    text: answer.message.text,
    blocks: answer.message.blocks,
    ...(files.length > 0 ? { files } : {}),
  });
  if (outcome.status === 'failed') {
    deps.logger.warn(
      { team: team.id, channel: team.channel_id, error: outcome.error },
      'share failed',
    );
    return {
      text: t('share.failed', {
        channel: team.channel_id,
        reason: outcome.failure
          ? messageForFailure(outcome.failure, { channel: team.channel_id })
          : t('error.generic'),
      }),
      shared: false,
    };
  }
  return { text: t('share.done', { channel: team.channel_id }), shared: true };
}
