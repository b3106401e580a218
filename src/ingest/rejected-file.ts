/**
 * Writes rejected rows to `<file>.rejected.csv`: the original columns plus `line` and
 * `error`, so the operator can fix the cells and import that file as it is (the import
 * ignores `line` and `error`). Created on the first rejected row only; a stale one from
 * an earlier run is removed first, so its presence always describes the latest import.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import type { RawRow } from './rows/field-reader.ts';

export function rejectedPathFor(file: string): string {
  return `${file}.rejected.csv`;
}

/** A cell as CSV text: arrays space-separated (lead_slack_ids), objects as JSON, null empty. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(cellText).join(' ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export interface RejectedFile {
  readonly path: string;
  readonly count: number;
  add(args: { values: RawRow; line: number; error: string }): Promise<void> | undefined;
  close(): Promise<void>;
}

/**
 * @param columns the original columns, in file order
 */
export async function createRejectedFile(
  file: string,
  columns: readonly string[],
): Promise<RejectedFile> {
  const path = rejectedPathFor(file);
  await rm(path, { force: true });
  const header = [...columns.filter((c) => c !== 'line' && c !== 'error'), 'line', 'error'];
  let out: WriteStream | null = null;
  let count = 0;
  let failure: Error | null = null;

  return {
    path,
    get count() {
      return count;
    },
    add({ values, line, error }) {
      if (failure) throw failure;
      if (out === null) {
        out = createWriteStream(path);
        out.on('error', (e) => {
          failure = e;
        });
        out.write(stringify([header]));
      }
      count++;
      const cells = header.map((column) =>
        column === 'line' ? String(line) : column === 'error' ? error : cellText(values[column]),
      );
      if (!out.write(stringify([cells]))) return once(out, 'drain').then(() => undefined);
      return undefined;
    },
    async close() {
      if (out === null) return;
      const stream = out;
      out = null;
      await new Promise<void>((resolve, reject) => {
        stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
      });
      if (failure) throw failure;
    },
  };
}
