import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/charts/wrap.ts';

/** Four pixels a character, like a monospaced font. */
const mono = (s: string) => s.length * 4;

describe('wrapText', () => {
  it('keeps a line that fits, and breaks one that does not at the last space that fits', () => {
    expect(wrapText('Tier mix by team', 100, mono)).toEqual(['Tier mix by team']);
    expect(wrapText('a b c', 12, mono)).toEqual(['a b', 'c']);
    expect(wrapText('Austin Technical Support', 40, mono)).toEqual([
      'Austin',
      'Technical',
      'Support',
    ]);
  });

  it('balances the lines instead of leaving one word on the last', () => {
    const title = 'Tier mix by team: Manila Tech Support has the most lagging agents (33%)';
    // Greedy at 260 px would be the first 65 characters, then "(33%)" alone.
    expect(wrapText(title, 260, mono)).toEqual([
      'Tier mix by team: Manila Tech Support',
      'has the most lagging agents (33%)',
    ]);
  });

  it('leaves a word wider than the width whole, and gives nothing for blank text', () => {
    expect(wrapText('Supercalifragilistic day', 20, mono)).toEqual(['Supercalifragilistic', 'day']);
    expect(wrapText('  ', 20, mono)).toEqual([]);
  });

  it('keeps every word in order, each line within the width unless it is one word, in as few lines as a greedy wrap', () => {
    const word = fc.string({ minLength: 1, maxLength: 12 }).filter((w) => !/\s/.test(w));
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 20 }),
        fc.integer({ min: 1, max: 80 }),
        (words, width) => {
          const lines = wrapText(words.join('  \t'), width, mono);
          expect(lines.join(' ')).toBe(words.join(' '));
          for (const line of lines) {
            if (line.includes(' ')) expect(mono(line)).toBeLessThanOrEqual(width);
          }
          // Greedy, written out here as the reference: balancing never adds a line.
          let greedyLines = 0;
          let used = -1;
          for (const w of words) {
            if (used >= 0 && used + 1 + w.length > width / 4) used = -1;
            if (used < 0) {
              greedyLines++;
              used = w.length;
            } else used += 1 + w.length;
          }
          expect(lines.length).toBe(greedyLines);
        },
      ),
    );
  });
});
