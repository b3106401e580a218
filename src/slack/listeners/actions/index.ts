import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION, VIEW_ACTION_PATTERN } from '../../../../blocks/ids.ts';
import type { SlackDeps } from '../../deps.ts';
import { markTipHelpful } from './mark-tip-helpful.ts';
import { openTeam } from './open-team.ts';
import { openTipModal } from './open-tip-modal.ts';
import { shareView } from './share-view.ts';
import { snoozeCoaching } from './snooze-coaching.ts';
import { switchView } from './switch-view.ts';

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(VIEW_ACTION_PATTERN, switchView(deps));
  app.action<BlockAction<ButtonAction>>(ACTION.share, shareView(deps));
  app.action<BlockAction<ButtonAction>>(ACTION.snooze, snoozeCoaching(deps));
  app.action<BlockAction<ButtonAction>>(ACTION.tipHelpful, markTipHelpful(deps));
  app.action<BlockAction<ButtonAction>>(ACTION.openTipModal, openTipModal(deps));
  app.action<BlockAction<ButtonAction>>(ACTION.openTeam, openTeam(deps));
}
