/** App Home: publishes the viewer's own view by role each time they open the Home tab. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { homeFor } from '../../home.ts';

export function appHomeOpened(deps: SlackDeps) {
  return async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    const view = await homeFor({
      store: deps.store,
      reports: deps.reports,
      directorIds: deps.config.directorIds,
      slackUserId: event.user,
    });
    await client.views.publish({ user_id: event.user, view });
  };
}
