import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { COMMAND } from '../../ids.ts';
import { teamhealthCommand } from './teamhealth.ts';

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(COMMAND, teamhealthCommand(deps));
}
