/** Things a person changes for themselves: snoozing coaching DMs, marking a tip helpful. */

import { SNOOZE_DAYS } from '../../blocks/ids.ts';
import { escapeMrkdwn } from '../messages/mrkdwn.ts';
import { t } from '../messages/t.ts';
import type { Store } from '../store/types.ts';
import { rolesOf } from './authorization.ts';
import { loadViewer } from './viewer.ts';

/**
 * Snoozes coaching DMs for SNOOZE_DAYS (4 weeks) from `now`, keeping the person's other settings.
 * @example snoozeCoaching({ store, slackUserId: 'U1', now: new Date('2026-11-02T10:00:00Z') })
 *   // settings.snoozed_until = '2026-11-30T10:00:00.000Z'
 */
export async function snoozeCoaching(args: {
  store: Store;
  slackUserId: string;
  now: Date;
}): Promise<string> {
  const until = new Date(args.now.getTime() + SNOOZE_DAYS * 86_400_000);
  const existing = await args.store.settings.get({ slackUserId: args.slackUserId });
  await args.store.settings.upsert({
    settings: {
      ...existing,
      slack_user_id: args.slackUserId,
      snoozed_until: until.toISOString(),
      updated_at: args.now.toISOString(),
    },
  });
  return t('snooze.done', { until: until.toISOString().slice(0, 10) });
}

/** Counts a tip as helpful; people with a role only (the count is shown to authors). */
export async function markTipHelpful(args: {
  store: Store;
  directorIds: readonly string[];
  slackUserId: string;
  tipId: string;
}): Promise<string> {
  const viewer = await loadViewer({
    store: args.store,
    directorIds: args.directorIds,
    slackUserId: args.slackUserId,
  });
  if (rolesOf(viewer).length === 0) return t('access.denied.no_role');
  const tip = await args.store.tips.markHelpful({ tipId: args.tipId });
  if (!tip) return t('helpful.missing');
  const author = tip.consent_named
    ? ((await args.store.agents.get({ id: tip.agent_id }))?.name ?? t('agent.tip_anonymous'))
    : t('agent.tip_anonymous');
  return t('helpful.done', { author: escapeMrkdwn(author), count: tip.helpful_count });
}
