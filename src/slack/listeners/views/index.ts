import type { App } from '@slack/bolt';
import { CALLBACK } from '../../../../blocks/ids.ts';
import type { SlackDeps } from '../../deps.ts';
import { tipModalSubmission } from './tip-modal-submission.ts';

export function registerViews(app: App, deps: SlackDeps): void {
  app.view(CALLBACK.tipModal, tipModalSubmission(deps));
}
