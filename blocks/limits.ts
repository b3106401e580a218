/**
 * Slack's Block Kit limits in one place (docs.slack.dev/reference/block-kit, checked in
 * ../shared/SLACK-NOTES.md), and helpers that keep content within them. Content that
 * must be dropped is replaced by a visible note, never silently cut.
 */
import type { ContextBlock, KnownBlock } from '@slack/types';
import { t } from '../src/messages/t.ts';

export const LIMITS = {
  /** Blocks in one message. */
  messageBlocks: 50,
  /** Blocks in a modal or the Home tab. */
  viewBlocks: 100,
  /** A section's text: 1 to 3,000 characters. */
  sectionText: 3000,
  /** Fields in one section. */
  sectionFields: 10,
  /** Characters in one section field. */
  fieldText: 2000,
  /** A header's plain_text. */
  headerText: 150,
  /** Elements in a context block. */
  contextElements: 10,
  /** Elements in an actions block. */
  actionsElements: 25,
  blockId: 255,
  actionId: 255,
  /** A button's label. */
  buttonText: 75,
  /** A button's value. */
  buttonValue: 2000,
  /** An image block's alt_text. */
  imageAltText: 2000,
  /** The top-level `text` fallback Slack recommends staying under. */
  fallbackText: 4000,
} as const;

/**
 * Shortens `text` to at most `max` characters (code points, so an emoji is never split),
 * ending with `note` when it had to cut.
 * @throws Error when `max` leaves no room for the note.
 * @example truncateText('abcdefgh', 5) // 'abcd…'
 * @example truncateText('abcdefgh', 8) // 'abcdefgh'
 */
export function truncateText(text: string, max: number, note = '…'): string {
  const noteLength = Array.from(note).length;
  if (!Number.isInteger(max) || max <= noteLength) {
    throw new Error(`truncateText needs a max longer than the note "${note}" (got ${max})`);
  }
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return (
    chars
      .slice(0, max - noteLength)
      .join('')
      .trimEnd() + note
  );
}

/** A small context block carrying a visible note (e.g. what was left out). */
export function noteBlock(text: string): ContextBlock {
  return {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: truncateText(text, LIMITS.sectionText) }],
  };
}

/**
 * Keeps at most `max` blocks. When some must go, the last kept slot becomes a context
 * block saying how many were not shown, so the reader knows the list goes on.
 * @example capBlocks(sixtyBlocks, 50) // 49 blocks + "_11 more not shown_"
 */
export function capBlocks(
  blocks: KnownBlock[],
  max: number = LIMITS.messageBlocks,
  describe: (hidden: number) => string = (count) => t('common.more_not_shown', { count }),
): KnownBlock[] {
  if (!Number.isInteger(max) || max < 1) throw new Error(`capBlocks needs max ≥ 1 (got ${max})`);
  if (blocks.length <= max) return blocks;
  const kept = blocks.slice(0, max - 1);
  return [...kept, noteBlock(describe(blocks.length - kept.length))];
}

/**
 * Keeps at most `max` items of any list (fields, context elements, buttons), returning
 * the kept items and how many were left out, for the caller to show a note.
 * @example capItems([1, 2, 3], 2) // { kept: [1, 2], hidden: 1 }
 */
export function capItems<T>(items: T[], max: number): { kept: T[]; hidden: number } {
  if (!Number.isInteger(max) || max < 0) throw new Error(`capItems needs max ≥ 0 (got ${max})`);
  return { kept: items.slice(0, max), hidden: Math.max(0, items.length - max) };
}

/**
 * Splits a long list of blocks across several messages of at most `perMessage` blocks
 * each. When more than one message is needed, each starts with a "Part i of n" context
 * block, so no part reads as the whole.
 * @example splitAcrossMessages(hundredSections, 50).length // 3 (49 + 49 + 2 content blocks)
 */
export function splitAcrossMessages(
  blocks: KnownBlock[],
  perMessage: number = LIMITS.messageBlocks,
): KnownBlock[][] {
  if (!Number.isInteger(perMessage) || perMessage < 2) {
    throw new Error(`splitAcrossMessages needs perMessage ≥ 2 (got ${perMessage})`);
  }
  if (blocks.length <= perMessage) return [blocks];
  const size = perMessage - 1;
  const parts: KnownBlock[][] = [];
  for (let i = 0; i < blocks.length; i += size) parts.push(blocks.slice(i, i + size));
  return parts.map((part, i) => [
    noteBlock(t('common.part', { part: i + 1, parts: parts.length })),
    ...part,
  ]);
}
