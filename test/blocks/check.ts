/** Runs blocks through the stand-in's independent Block Kit rules (numbers written from Slack's reference). */
import { expect } from 'vitest';
import { type Surface, validateBlocks } from '../../support/stand-in/block-rules.ts';

export function expectValidBlocks(blocks: unknown, surface: Surface = 'message'): void {
  expect(validateBlocks(blocks, surface, { isUsable: () => true })).toEqual([]);
}
