/**
 * Decides how to read a file from its extension and its first bytes: `.csv` is CSV,
 * `.ndjson`/`.jsonl` is NDJSON, `.json` is a JSON array when it starts with `[` and
 * NDJSON when it starts with `{`; any other name is judged by its content alone.
 * Binary content or an empty file is refused with a message saying so.
 */
import { extname } from 'node:path';
import type { SourceFormat } from './source.ts';

export type FormatGuess = { format: SourceFormat } | { problem: string; line?: number };

/**
 * @param name the file name (only its extension is used)
 * @param head the first few KB of the file
 * @example detectFormat('kpis.json', Buffer.from('[{"date":…')) // { format: 'json' }
 */
export function detectFormat(name: string, head: Buffer): FormatGuess {
  if (head.includes(0)) return { problem: 'not a CSV or JSON file (it holds binary data)' };
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const first = text.trimStart()[0];
  if (first === undefined) return { problem: 'the file is empty' };
  const ext = extname(name).toLowerCase();
  if (ext === '.csv' || ext === '.tsv') return { format: 'csv' };
  if (ext === '.ndjson' || ext === '.jsonl') return { format: 'ndjson' };
  if (first === '[') return { format: 'json' };
  if (first === '{') return { format: 'ndjson' };
  if (ext === '.json') {
    return {
      problem: 'not JSON: expected an array ([{…}, …]) or one object per line ({…})',
      line: 1,
    };
  }
  return { format: 'csv' };
}

/**
 * The CSV delimiter: the most frequent of comma, semicolon and tab in the header line
 * (spreadsheets in many locales save with semicolons).
 * @example csvDelimiter('date;agent_id;contacts_handled') // ';'
 */
export function csvDelimiter(headerLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t']) {
    const count = headerLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
