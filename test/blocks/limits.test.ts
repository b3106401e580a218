import type { KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  capBlocks,
  capItems,
  LIMITS,
  splitAcrossMessages,
  truncateText,
} from '../../blocks/limits.ts';

const section = (n: number): SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: `s${n}` },
});
const sections = (count: number): KnownBlock[] =>
  Array.from({ length: count }, (_, i) => section(i));
const contextText = (block: KnownBlock | undefined): string =>
  block?.type === 'context' ? ((block.elements[0] as { text: string }).text ?? '') : '';

describe('LIMITS', () => {
  it("matches Slack's published Block Kit limits (SLACK-NOTES.md)", () => {
    expect(LIMITS).toMatchObject({
      messageBlocks: 50,
      viewBlocks: 100,
      sectionText: 3000,
      sectionFields: 10,
      fieldText: 2000,
      headerText: 150,
      contextElements: 10,
      actionsElements: 25,
      blockId: 255,
      actionId: 255,
      buttonText: 75,
      buttonValue: 2000,
      imageAltText: 2000,
    });
  });
});

describe('truncateText', () => {
  it('leaves text at the limit untouched', () => {
    expect(truncateText('abcdefgh', 8)).toBe('abcdefgh');
  });

  it('cuts to exactly max characters ending with a visible ellipsis', () => {
    // 5 characters allowed: 4 of the text + "…".
    expect(truncateText('abcdefgh', 5)).toBe('abcd…');
  });

  it('counts an emoji as one character and never splits it', () => {
    // '😀😀😀😀' is 4 code points (8 UTF-16 units); max 3 keeps 2 emoji + '…'.
    expect(truncateText('😀😀😀😀', 3)).toBe('😀😀…');
  });

  it('uses a custom note', () => {
    // 10 allowed, note " (cut)" is 6 → 4 characters of text.
    expect(truncateText('0123456789abc', 10, ' (cut)')).toBe('0123 (cut)');
  });

  it('refuses a max that leaves no room for the note', () => {
    expect(() => truncateText('abc', 1)).toThrow(/max longer than the note/);
  });

  it('fits a 5,000-character text into a section', () => {
    expect(Array.from(truncateText('x'.repeat(5000), LIMITS.sectionText))).toHaveLength(3000);
  });
});

describe('capBlocks', () => {
  it('returns the blocks unchanged when within the cap', () => {
    const blocks = sections(50);
    expect(capBlocks(blocks, 50)).toBe(blocks);
  });

  it('keeps 49 and says "11 more not shown" for 60 blocks capped at 50', () => {
    const capped = capBlocks(sections(60), 50);
    expect(capped).toHaveLength(50);
    expect(capped[48]).toEqual(section(48));
    expect(contextText(capped[49])).toBe('_11 more not shown_');
  });

  it('lets the caller word the note', () => {
    const capped = capBlocks(sections(5), 3, (n) => `${n} agents not listed`);
    expect(contextText(capped[2])).toBe('3 agents not listed');
  });
});

describe('capItems', () => {
  it('keeps the first max items and counts the rest', () => {
    expect(capItems([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 10)).toEqual({
      kept: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      hidden: 2,
    });
  });
});

describe('splitAcrossMessages', () => {
  it('keeps a short list as one message without a part note', () => {
    expect(splitAcrossMessages(sections(50), 50)).toEqual([sections(50)]);
  });

  it('splits 100 sections into 49 + 49 + 2, each part labelled', () => {
    const parts = splitAcrossMessages(sections(100), 50);
    expect(parts.map((p) => p.length)).toEqual([50, 50, 3]);
    expect(parts.map((p) => contextText(p[0]))).toEqual([
      'Part 1 of 3',
      'Part 2 of 3',
      'Part 3 of 3',
    ]);
    // Nothing lost, order kept.
    expect(parts.flatMap((p) => p.slice(1))).toEqual(sections(100));
  });
});
