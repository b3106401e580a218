/**
 * "Open" on an App Home team row: the team's full view, exactly as `/teamhealth team <id>`
 * answers it (same query, same answerQuery, same authorization), so a forged value naming
 * a team the person may not see is refused like the typed command.
 *
 * Where the answer goes: a Home tab click carries no response_url and no channel, so it
 * cannot be answered ephemerally. The two options were views.open (a modal) and a message
 * in the person's DM with the app. The DM wins: views.open needs the trigger_id within 3 s
 * of the click, which rendering charts can exceed; and a modal's own buttons arrive
 * without a response_url, so the metric, period and Share buttons of the view would need a
 * second code path, while in a DM they work exactly as under a typed command. The DM is
 * posted through the delivery engine (ledger, pacing, retries), keyed by the click, so a
 * redelivered payload posts once. When the button was pressed on a message (it has a
 * response_url), the answer goes there, ephemerally, as for the other view buttons.
 */
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { buildHelpBlocks } from '../../../../blocks/help.ts';
import { decodeQuery, type Query } from '../../../domain/query.ts';
import { escapeMrkdwn } from '../../../messages/mrkdwn.ts';
import { t } from '../../../messages/t.ts';
import { answerQuery } from '../../answer.ts';
import type { OutgoingFile } from '../../delivery/types.ts';
import { answerDeps, type SlackDeps } from '../../deps.ts';
import { collectFiles, privateUpload } from '../../place-charts.ts';

/** Ledger job name of these DMs (one per click: the period carries the action_ts). */
export const OPEN_TEAM_JOB = 'home-open';

/** The only thing the button may ask for: one team's summary. Anything else is not ours. */
function teamQuery(value: string | undefined): Query | null {
  const query = decodeQuery(value);
  if (query?.view !== 'team' || !query.team) return null;
  return { view: 'team', team: query.team };
}

export function openTeam(deps: SlackDeps) {
  return async ({
    ack,
    action,
    body,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const user = body.user.id;
    const query = teamQuery(action.value);
    if (!query)
      deps.logger.warn({ user, value: action.value }, 'open-team button with an unreadable value');
    const files: OutgoingFile[] = [];
    const answer = query
      ? await answerQuery(answerDeps(deps), {
          slackUserId: user,
          query,
          place: body.response_url ? privateUpload(client) : collectFiles(files),
        })
      : null;
    if (answer?.denied)
      deps.logger.warn({ user, query }, 'open-team refused: scope not allowed (forged or stale)');
    // An unreadable value gets usage help, as the other view buttons do.
    const message =
      answer?.message ??
      buildHelpBlocks({ problem: t('usage.unknown', { input: escapeMrkdwn(action.action_id) }) });
    if (body.response_url) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
      return;
    }
    if (!deps.delivery) {
      deps.logger.error({ user }, 'open-team pressed but no delivery engine is configured');
      return;
    }
    const outcome = await deps.delivery.deliver({
      job: OPEN_TEAM_JOB,
      period: `${query?.team ?? '-'}|${action.action_ts}`,
      target: user,
      kind: 'post',
      text: message.text,
      blocks: message.blocks,
      ...(files.length > 0 ? { files } : {}),
    });
    if (outcome.status === 'failed')
      deps.logger.warn({ user, team: query?.team, error: outcome.error }, 'open-team DM failed');
  };
}
