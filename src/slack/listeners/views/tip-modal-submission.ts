/**
 * The tip modal's submission: validated before the ack, because the ack is the answer
 * (field errors, or the thank-you view). Saving is one store write, well within 3 s.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ViewStateValues } from '../../../../blocks/tip-modal.ts';
import { t } from '../../../messages/t.ts';
import type { SlackDeps } from '../../deps.ts';
import { submitTip } from '../../tips.ts';

export function tipModalSubmission(deps: SlackDeps) {
  return async ({
    ack,
    body,
    view,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const result = await submitTip({
      store: deps.store,
      slackUserId: body.user.id,
      values: view.state.values as unknown as ViewStateValues,
      now: deps.now(),
    });
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: result.errors });
      return;
    }
    await ack({
      response_action: 'update',
      view: {
        type: 'modal',
        title: { type: 'plain_text', text: t('tip.title') },
        close: { type: 'plain_text', text: t('tip.close') },
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: result.thanks } }],
      },
    });
    deps.logger.info({ user: body.user.id }, 'tip saved');
  };
}
