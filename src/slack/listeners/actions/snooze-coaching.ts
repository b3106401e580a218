/** "Snooze coaching DMs 4 weeks": stored in the person's settings; the DM job skips them until then. */
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { homeFor } from '../../home.ts';
import { snoozeCoaching as snooze } from '../../preferences.ts';

export function snoozeCoaching(deps: SlackDeps) {
  return async ({
    ack,
    body,
    respond,
    client,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const text = await snooze({ store: deps.store, slackUserId: body.user.id, now: deps.now() });
    if (body.response_url)
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    else {
      // From App Home (no response_url): refresh the Home so it reflects the change.
      const view = await homeFor({
        store: deps.store,
        reports: deps.reports,
        directorIds: deps.config.directorIds,
        slackUserId: body.user.id,
      });
      await client.views.publish({ user_id: body.user.id, view });
    }
  };
}
