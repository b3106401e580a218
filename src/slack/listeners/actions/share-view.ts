/** "Share to channel": lead or director of the team, aggregates only, through the delivery engine. */
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { decodeQuery } from '../../../domain/query.ts';
import { t } from '../../../messages/t.ts';
import { answerDeps, type SlackDeps } from '../../deps.ts';
import { shareView as share } from '../../share.ts';

export function shareView(deps: SlackDeps) {
  return async ({
    ack,
    action,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const query = decodeQuery(action.value);
    if (!query || !deps.delivery) {
      if (!deps.delivery)
        deps.logger.error({}, 'share pressed but no delivery engine is configured');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: t(query ? 'error.generic' : 'access.denied.not_your_team'),
      });
      return;
    }
    const sourceTs = body.container?.message_ts ?? action.action_ts;
    const result = await share(
      { ...answerDeps(deps), delivery: deps.delivery },
      { slackUserId: body.user.id, query, sourceTs: String(sourceTs) },
    );
    if (!result.shared)
      deps.logger.warn({ user: body.user.id, query, reason: result.text }, 'share not done');
    await respond({ response_type: 'ephemeral', replace_original: false, text: result.text });
  };
}
