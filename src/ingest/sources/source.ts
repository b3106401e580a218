/** What every file reader gives the import loop: the columns, then rows with their line. */
import type { Issue, RawRow } from '../rows/field-reader.ts';

export type SourceFormat = 'csv' | 'json' | 'ndjson';

export interface SourceRow {
  /** 1-based line where the record starts in the file. */
  line: number;
  values: RawRow;
  /** The record is unusable as it stands (wrong number of fields, not an object). */
  problem?: Issue;
}

export interface RowSource {
  format: SourceFormat;
  /** The CSV header, or the keys of the first JSON object. */
  columns: string[];
  /** Rows in file order, a chunk at a time (one await per chunk, not per row). */
  batches: AsyncIterable<SourceRow[]>;
  /** Bytes of the file read so far (for the progress bar). */
  bytesRead(): number;
  /** Releases the file if the rows were not read to the end. */
  close(): void;
}

/**
 * For the JSON formats, whose columns are the keys of the first object: reads up to the
 * first non-empty chunk, takes its first row's keys, and gives back every chunk,
 * that one included, in order.
 */
export async function withLeadingColumns(
  chunks: AsyncGenerator<SourceRow[]>,
): Promise<{ columns: string[]; batches: AsyncGenerator<SourceRow[]> }> {
  let first = await chunks.next();
  while (!first.done && first.value.length === 0) first = await chunks.next();
  const head = first;
  const columns = head.done ? [] : Object.keys(head.value[0]?.values ?? {});
  async function* all(): AsyncGenerator<SourceRow[]> {
    if (head.done) return;
    yield head.value;
    yield* chunks;
  }
  return { columns, batches: all() };
}
