/** "Share a tip": opens the tip modal with the trigger_id (valid 3 s, once), right after ack. */
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { buildTipModal } from '../../../../blocks/tip-modal.ts';
import type { SlackDeps } from '../../deps.ts';

export function openTipModal(_deps: SlackDeps) {
  return async ({
    ack,
    body,
    client,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await client.views.open({ trigger_id: body.trigger_id, view: buildTipModal() });
  };
}
