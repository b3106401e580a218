/** `/teamhealth help`, and the usage shown for input it does not understand. */
import type { KnownBlock } from '@slack/types';
import { t } from '../src/messages/t.ts';
import { context, header, type SlackMessage, section } from './message.ts';

export interface HelpArgs {
  /** What went wrong, shown above the usage (unknown subcommand, bad metric…). */
  problem?: string;
  /** Show the director-only line. */
  director?: boolean;
}

export function buildHelpBlocks(args: HelpArgs = {}): SlackMessage {
  const lines = [
    t('usage.default'),
    t('usage.help'),
    t('usage.team'),
    t('usage.metric'),
    t('usage.tiers'),
    t('usage.mix'),
    t('usage.enablement'),
    ...(args.director ? [t('usage.digest')] : []),
  ];
  const blocks: KnownBlock[] = [];
  if (args.problem) blocks.push(section(args.problem));
  blocks.push(header(t('usage.title')), context(t('usage.intro')), section(lines.join('\n')));
  return {
    text: args.problem ? `${args.problem} ${t('usage.fallback')}` : t('usage.fallback'),
    blocks,
  };
}
