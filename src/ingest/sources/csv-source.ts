/**
 * Streams a CSV file with csv-parse: the first record is the header, every later record
 * becomes an object keyed by it. A quoted field may span lines, so a record's start line
 * is the previous record's start plus the lines it spanned (1 + the line breaks inside
 * its fields); empty lines arrive as one empty field and only advance the count. This is
 * what csv-parse's `info` would say, without its cost: `info` builds an object per
 * record and took ~45% of parsing time on the 1M-row benchmark. Malformed CSV (a quote
 * never closed) stops the file, naming the line where the broken record starts.
 */
import { createReadStream } from 'node:fs';
import { type CsvError, type Parser, parse } from 'csv-parse';
import { InputError } from '../../errors.ts';
import type { ByteCounter, RowSource, SourceRow } from './source.ts';

type CsvItem = string[];

export async function openCsvSource(file: string, delimiter: string): Promise<RowSource> {
  const counter: ByteCounter = { bytes: 0 };
  const input = createReadStream(file, { highWaterMark: 256 * 1024 });
  input.on('data', (chunk) => {
    counter.bytes += chunk.length;
  });
  const parser = parse({ bom: true, delimiter, relax_column_count: true });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);

  const takeChunk = recordQueue(parser);
  // The line the next record starts on.
  let nextLine = 1;
  /** The record's start line, moving past the lines it spans. */
  const lineOf = (record: CsvItem): number => {
    const line = nextLine;
    let spanned = 1;
    for (const field of record) {
      for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) spanned++;
    }
    nextLine += spanned;
    return line;
  };
  const isEmptyLine = (record: CsvItem) =>
    record.length === 1 && (record[0] as string).trim() === '';
  const nextChunk = async (): Promise<CsvItem[] | null> => {
    try {
      return await takeChunk();
    } catch (error) {
      const csvError = error as CsvError;
      if (!csvError.code?.startsWith('CSV_')) throw error;
      // The record that failed began right after the last good one.
      const why =
        csvError.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'a quoted field opened in the record starting here is never closed'
          : csvError.message;
      throw new InputError(`${file}:${nextLine}: malformed CSV: ${why}`, error);
    }
  };

  // The header is the first record that is not an empty line.
  let first = await nextChunk();
  let headerItem: CsvItem | undefined;
  let headerLine = 0;
  while (first !== null && headerItem === undefined) {
    let i = 0;
    for (; i < first.length && headerItem === undefined; i++) {
      const record = first[i] as CsvItem;
      const line = lineOf(record);
      if (!isEmptyLine(record)) {
        headerItem = record;
        headerLine = line;
      }
    }
    first = headerItem === undefined ? await nextChunk() : first.slice(i);
  }
  if (headerItem === undefined) {
    input.destroy();
    throw new InputError(`${file}: the file is empty (no header row)`);
  }
  const columns = headerItem.map((name) => name.trim());
  const seen = new Set<string>();
  for (const column of columns) {
    if (column !== '' && seen.has(column)) {
      input.destroy();
      throw new InputError(`${file}:${headerLine}: column "${column}" appears twice in the header`);
    }
    seen.add(column);
  }

  const toRow = (record: CsvItem, line: number): SourceRow => {
    const values: Record<string, string> = {};
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i] as string;
      if (column !== '') values[column] = record[i] ?? '';
    }
    if (record.length === columns.length) return { line, values };
    return {
      line,
      values,
      problem: {
        column: 'row',
        reason: `has ${record.length} fields but the header has ${columns.length}`,
      },
    };
  };

  async function* batches(): AsyncGenerator<SourceRow[]> {
    for (let chunk = first; chunk !== null; chunk = await nextChunk()) {
      const rows: SourceRow[] = [];
      for (const record of chunk) {
        const line = lineOf(record);
        if (!isEmptyLine(record)) rows.push(toRow(record, line));
      }
      if (rows.length > 0) yield rows;
    }
  }

  return {
    format: 'csv',
    columns: columns.filter((column) => column !== ''),
    batches: batches(),
    bytesRead: () => counter.bytes,
    close: () => input.destroy(),
  };
}

const HIGH_WATER = 2048;

/**
 * Records from the parser, in order, with backpressure (the parser is paused while
 * HIGH_WATER records wait), handed over a chunk at a time. Unlike the stream's async iterator, records parsed before
 * an error are all delivered before the error is thrown, so the error's line is exact
 * and the rows before it are kept.
 */
function recordQueue(parser: Parser): () => Promise<CsvItem[] | null> {
  let filling: CsvItem[] = [];
  let failure: unknown = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  parser.on('data', (item: CsvItem) => {
    filling.push(item);
    if (filling.length >= HIGH_WATER) parser.pause();
    signal();
  });
  parser.on('error', (error) => {
    failure = error;
    signal();
  });
  parser.on('end', () => {
    ended = true;
    signal();
  });
  return async () => {
    for (;;) {
      if (filling.length > 0) {
        const chunk = filling;
        filling = [];
        if (parser.isPaused()) parser.resume();
        return chunk;
      }
      if (failure) throw failure;
      if (ended) return null;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  };
}
