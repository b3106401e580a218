/**
 * Metric and period buttons: the button's value is a query; it is decoded and answered
 * exactly like a typed command (same authorization), replacing the message in place.
 */
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { buildHelpBlocks } from '../../../../blocks/help.ts';
import { decodeQuery } from '../../../domain/query.ts';
import { escapeMrkdwn } from '../../../messages/mrkdwn.ts';
import { t } from '../../../messages/t.ts';
import { answerQuery } from '../../answer.ts';
import { answerDeps, type SlackDeps } from '../../deps.ts';
import { privateUpload } from '../../place-charts.ts';

export function switchView(deps: SlackDeps) {
  return async ({
    ack,
    action,
    body,
    respond,
    client,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const query = decodeQuery(action.value);
    if (!query) {
      deps.logger.warn(
        { user: body.user.id, value: action.value },
        'button with an unreadable value',
      );
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...buildHelpBlocks({
          problem: t('usage.unknown', { input: escapeMrkdwn(action.action_id) }),
        }),
      });
      return;
    }
    const answer = await answerQuery(answerDeps(deps), {
      slackUserId: body.user.id,
      query,
      place: privateUpload(client),
    });
    if (answer.denied)
      deps.logger.warn(
        { user: body.user.id, query },
        'button refused: scope not allowed (forged or stale)',
      );
    // A refusal does not replace the view the person legitimately had.
    await respond({
      response_type: 'ephemeral',
      replace_original: !answer.denied,
      ...answer.message,
    });
  };
}
