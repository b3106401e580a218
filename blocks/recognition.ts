/**
 * The weekly recognition post: top tier, most improved and personal bests, names only,
 * never a bottom list and never a single-metric ranking (PRODUCT.md, "No gaming").
 * Returns null when there is nobody to celebrate, so the channel stays quiet.
 */
import type { KnownBlock } from '@slack/types';
import type { Recognition } from '../src/analytics/recognition.ts';
import { metricLabel } from '../src/messages/metric-names.ts';
import { escapeMrkdwn } from '../src/messages/mrkdwn.ts';
import { t } from '../src/messages/t.ts';
import { capItems } from './limits.ts';
import { context, fitMessage, header, type SlackMessage, section } from './message.ts';

export interface RecognitionArgs {
  teamName: string;
  week: string;
  recognition: Recognition;
}

function names(list: readonly { name: string }[]): string {
  const { kept, hidden } = capItems([...list], 30);
  const shown = kept.map((a) => escapeMrkdwn(a.name)).join(', ');
  return hidden > 0 ? t('recognition.names_more', { names: shown, count: hidden }) : shown;
}

export function buildRecognitionBlocks(args: RecognitionArgs): SlackMessage | null {
  const { top, mostImproved, personalBests } = args.recognition;
  if (top.length + mostImproved.length + personalBests.length === 0) return null;
  const blocks: KnownBlock[] = [
    header(t('recognition.header', { team: args.teamName, week: args.week })),
  ];
  if (top.length > 0) blocks.push(section(t('recognition.top', { names: names(top) })));
  if (mostImproved.length > 0)
    blocks.push(section(t('recognition.improved', { names: names(mostImproved) })));
  if (personalBests.length > 0) {
    const lines = personalBests
      .slice(0, 30)
      .map((b) =>
        t('recognition.best', { name: escapeMrkdwn(b.name), label: metricLabel(b.metric) }),
      );
    blocks.push(section(t('recognition.bests', { lines: lines.join('\n') })));
  }
  blocks.push(context(t('recognition.note')));
  const text = t('recognition.fallback', {
    team: escapeMrkdwn(args.teamName),
    week: args.week,
    count: top.length + mostImproved.length + personalBests.length,
  });
  return fitMessage({ text, blocks });
}
