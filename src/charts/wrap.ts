/**
 * Word wrap to a pixel width, for text chart.js would otherwise draw on one line and cut
 * at the canvas edge (titles, category labels) and for the no-data card. Runs of
 * whitespace become one space; a single word wider than the width stays whole on its
 * own line. Wrapped lines are balanced: as few lines as a greedy wrap needs, each about
 * as wide as the others, so a title never ends on an orphaned "(33%)".
 * @example wrapText('a b c', 12, (s) => s.length * 4) // → ['a b', 'c']
 */
export function wrapText(text: string, maxWidth: number, measure: (t: string) => number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const whole = words.join(' ');
  // Nearly every title and label fits: one measurement then, not one per word.
  if (measure(whole) <= maxWidth) return whole ? [whole] : [];
  const lines = greedy(words, maxWidth, measure);
  // The narrowest width that still needs no more lines: found to within a pixel.
  let fits = maxWidth;
  let tooNarrow = 0;
  while (fits - tooNarrow > 1) {
    const width = (fits + tooNarrow) / 2;
    if (greedy(words, width, measure).length <= lines.length) fits = width;
    else tooNarrow = width;
  }
  return greedy(words, fits, measure);
}

function greedy(words: string[], maxWidth: number, measure: (t: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}
