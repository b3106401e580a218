/**
 * The shapes every builder returns, and the few small block constructors they share.
 * Plain objects typed by @slack/types; no builder library.
 */
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  ImageBlock,
  KnownBlock,
  SectionBlock,
} from '@slack/types';
import { t } from '../src/messages/t.ts';
import { capBlocks, LIMITS, truncateText } from './limits.ts';

/** A message: the `text` fallback (notifications, screen readers) and its blocks. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** A chart already uploaded to Slack (privately), ready for an image block. */
export interface ChartImage {
  fileId: string;
  title: string;
  /** States the finding; required, never empty. */
  altText: string;
}

export function header(text: string): HeaderBlock {
  return {
    type: 'header',
    text: { type: 'plain_text', text: truncateText(text, LIMITS.headerText), emoji: true },
  };
}

export function section(text: string, accessory?: Button): SectionBlock {
  const block: SectionBlock = {
    type: 'section',
    text: { type: 'mrkdwn', text: truncateText(text, LIMITS.sectionText) },
  };
  if (accessory) block.accessory = accessory;
  return block;
}

export function context(...texts: string[]): ContextBlock {
  return {
    type: 'context',
    elements: texts
      .slice(0, LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn' as const, text: truncateText(text, LIMITS.sectionText) })),
  };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

/** An image block showing an uploaded chart through `slack_file` (never a public URL). */
export function chartBlock(chart: ChartImage): ImageBlock {
  if (!chart.altText.trim()) throw new TypeError(`chart "${chart.title}" needs alt text`);
  return {
    type: 'image',
    slack_file: { id: chart.fileId },
    alt_text: truncateText(chart.altText, LIMITS.imageAltText),
    title: { type: 'plain_text', text: truncateText(chart.title, LIMITS.imageAltText) },
  };
}

/** What every view with charts takes (src/slack/charts.ts chooses them). */
export interface ViewCharts {
  /** The view's charts, already uploaded. */
  charts?: ChartImage[];
  /** Charts were wanted but could not be made; say so rather than leave a silent gap. */
  chartsFailed?: boolean;
}

/** A view's charts as image blocks, then a visible note when they could not be made. */
export function chartBlocks(args: ViewCharts): KnownBlock[] {
  const blocks: KnownBlock[] = (args.charts ?? []).map(chartBlock);
  if (args.chartsFailed) blocks.push(context(t('team.charts_missing')));
  return blocks;
}

export function button(args: {
  actionId: string;
  text: string;
  value?: string;
  style?: 'primary' | 'danger';
}): Button {
  const b: Button = {
    type: 'button',
    action_id: args.actionId,
    text: { type: 'plain_text', text: truncateText(args.text, LIMITS.buttonText), emoji: true },
  };
  if (args.value !== undefined) b.value = args.value;
  if (args.style) b.style = args.style;
  return b;
}

export function actions(elements: Button[], blockId?: string): ActionsBlock {
  const block: ActionsBlock = {
    type: 'actions',
    elements: elements.slice(0, LIMITS.actionsElements),
  };
  if (blockId) block.block_id = blockId;
  return block;
}

/**
 * A message within Slack's limits: the fallback under 4,000 characters and at most
 * `maxBlocks` blocks, the overflow replaced by a visible "…and N more" note.
 */
export function fitMessage(
  message: SlackMessage,
  maxBlocks: number = LIMITS.messageBlocks,
): SlackMessage {
  return {
    text: truncateText(message.text, LIMITS.fallbackText),
    blocks: capBlocks(message.blocks, maxBlocks, (count) => t('common.truncated', { count })),
  };
}
