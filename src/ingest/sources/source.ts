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

/** Counts bytes as the file stream reads them. */
export interface ByteCounter {
  bytes: number;
}
