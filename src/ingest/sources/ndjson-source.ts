/**
 * Streams an NDJSON file: one JSON object per line, blank lines skipped. A line that is
 * not valid JSON stops the file with its line number; a valid line that is not an
 * object is a rejected row.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../../errors.ts';
import { shown } from '../rows/field-reader.ts';
import { type RowSource, type SourceRow, withLeadingColumns } from './source.ts';

export async function openNdjsonSource(file: string): Promise<RowSource> {
  const input = createReadStream(file, { highWaterMark: 256 * 1024 });
  let bytes = 0;

  const parseLine = (text: string, line: number): SourceRow | null => {
    const trimmed = line === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
    if (trimmed === '') return null;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      throw new InputError(`${file}:${line}: malformed JSON: ${(error as Error).message}`, error);
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return { line, values: value as Record<string, unknown> };
    }
    return {
      line,
      values: {},
      problem: { column: 'item', reason: `is not a JSON object, got ${shown(value)}` },
    };
  };

  async function* read(): AsyncGenerator<SourceRow[]> {
    const decoder = new StringDecoder('utf8');
    let carry = '';
    let line = 1;
    for await (const chunk of input) {
      bytes += (chunk as Buffer).length;
      const text = carry + decoder.write(chunk as Buffer);
      const ready: SourceRow[] = [];
      let start = 0;
      try {
        for (
          let newline = text.indexOf('\n');
          newline !== -1;
          newline = text.indexOf('\n', start)
        ) {
          const row = parseLine(text.slice(start, newline), line);
          if (row) ready.push(row);
          line++;
          start = newline + 1;
        }
      } catch (error) {
        // The lines before the fault are still good rows.
        yield ready;
        throw error;
      }
      carry = text.slice(start);
      yield ready;
    }
    const row = parseLine(carry + decoder.end(), line);
    if (row) yield [row];
  }

  // The file's columns are the keys of its first row.
  const { columns, batches } = await withLeadingColumns(read());
  return {
    format: 'ndjson',
    columns,
    batches,
    bytesRead: () => bytes,
    close: () => input.destroy(),
  };
}
