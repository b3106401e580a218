/**
 * The weekly recognition post: top tier, most improved and personal bests, names only,
 * never a bottom list and never a single-metric ranking (PRODUCT.md, "No gaming").
 * Returns null when there is nobody to celebrate, so the channel stays quiet.
 */
import type { KnownBlock } from '@slack/types';
import type { Recognition } from '../src/analytics/recognition.ts';
import { METRIC_DEFS } from '../src/domain/metrics.ts';
import { capItems } from './limits.ts';
import { context, fitMessage, header, type SlackMessage, section } from './message.ts';

export interface RecognitionArgs {
  teamName: string;
  week: string;
  recognition: Recognition;
}

function names(list: readonly { name: string }[]): string {
  const { kept, hidden } = capItems([...list], 30);
  return kept.map((a) => a.name).join(', ') + (hidden > 0 ? ` and ${hidden} more` : '');
}

export function buildRecognitionBlocks(args: RecognitionArgs): SlackMessage | null {
  const { top, mostImproved, personalBests } = args.recognition;
  if (top.length + mostImproved.length + personalBests.length === 0) return null;
  const blocks: KnownBlock[] = [header(`:tada: ${args.teamName}: recognition for ${args.week}`)];
  if (top.length > 0)
    blocks.push(
      section(`:trophy: *Top of the team* (balanced across quality and speed): ${names(top)}`),
    );
  if (mostImproved.length > 0)
    blocks.push(
      section(`:rocket: *Most improved* since the previous weeks: ${names(mostImproved)}`),
    );
  if (personalBests.length > 0) {
    const lines = personalBests
      .slice(0, 30)
      .map((b) => `• ${b.name}: best week yet on ${METRIC_DEFS[b.metric].label}`);
    blocks.push(section(`:star2: *Personal bests*\n${lines.join('\n')}`));
  }
  blocks.push(
    context(
      'Recognition uses the balanced composite of all five metrics, so quality and speed both count.',
    ),
  );
  const text = `${args.teamName}: recognition for ${args.week}: ${[...top, ...mostImproved, ...personalBests].length} to celebrate`;
  return fitMessage({ text, blocks });
}
