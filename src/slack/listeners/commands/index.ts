import type { App } from '@slack/bolt';
import { COMMAND } from '../../../../blocks/ids.ts';
import type { SlackDeps } from '../../deps.ts';
import { teamhealthCommand } from './teamhealth.ts';

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(COMMAND, teamhealthCommand(deps));
}
