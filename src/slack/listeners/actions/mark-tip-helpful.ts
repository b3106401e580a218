/** "Mark tip helpful": counts the tip (value: its id) and thanks the person. */
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { markTipHelpful as mark } from '../../preferences.ts';

export function markTipHelpful(deps: SlackDeps) {
  return async ({
    ack,
    action,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const text = await mark({
      store: deps.store,
      directorIds: deps.config.directorIds,
      slackUserId: body.user.id,
      tipId: action.value ?? '',
    });
    if (body.response_url)
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    else
      deps.logger.info(
        { user: body.user.id, tip: action.value },
        'tip marked helpful from App Home',
      );
  };
}
