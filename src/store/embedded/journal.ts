/**
 * The append-only journal: one line per write batch, `<seq> <crc32> <json>\n`, where the
 * CRC-32 covers `<seq> <json>`. A batch is written with one write() and fsync'd before
 * the write resolves, so after a crash the journal holds every acknowledged batch and at
 * most one torn last line, which replay drops (and truncates). Damage before the last
 * line is not a torn write: replay refuses it rather than silently lose later batches.
 */
import { crc32 } from 'node:zlib';
import { StoreError } from '../../errors.ts';
import type { Doc } from '../collection.ts';

/** One change: put (insert or replace) a whole document, or delete one by `_id`. */
export type Op = { p: Doc } | { d: string };

export interface Batch {
  seq: number;
  /** Collection name. */
  c: string;
  o: Op[];
}

export function encodeBatch(batch: Batch): Buffer {
  const json = JSON.stringify({ c: batch.c, o: batch.o });
  const crc = crc32(`${batch.seq} ${json}`).toString(16);
  return Buffer.from(`${batch.seq} ${crc} ${json}\n`, 'utf8');
}

export interface JournalScan {
  batches: Batch[];
  /** Bytes of complete, valid lines; anything after is a torn tail to truncate. */
  validBytes: number;
}

function decodeLine(line: string): Batch | null {
  const a = line.indexOf(' ');
  const b = line.indexOf(' ', a + 1);
  if (a < 1 || b < 0) return null;
  const seq = Number(line.slice(0, a));
  const json = line.slice(b + 1);
  if (!Number.isSafeInteger(seq) || crc32(`${seq} ${json}`).toString(16) !== line.slice(a + 1, b)) {
    return null;
  }
  try {
    const body = JSON.parse(json) as { c: string; o: Op[] };
    return { seq, c: body.c, o: body.o };
  } catch {
    return null;
  }
}

/**
 * Reads every complete batch from the journal's bytes.
 * @throws StoreError when a damaged line is followed by valid ones.
 */
export function scanJournal(bytes: Buffer, path: string): JournalScan {
  const batches: Batch[] = [];
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    if (end < 0) break; // no newline: torn last write
    const batch = decodeLine(bytes.toString('utf8', start, end));
    if (batch === null) {
      if (bytes.indexOf(0x0a, end + 1) >= 0) {
        throw new StoreError(
          `journal ${path} is damaged at byte ${start} with complete batches after it; ` +
            'refusing to drop them. Restore the folder from a backup or inspect the file.',
        );
      }
      break;
    }
    batches.push(batch);
    start = end + 1;
  }
  return { batches, validBytes: start };
}
