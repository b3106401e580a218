/**
 * The snapshot: every collection as a few large JSON arrays (one per line, up to
 * CHUNK documents each) so loading is a handful of JSON.parse calls rather than one per
 * document, while no single string nears V8's ~512 MB string limit. Written to a temp
 * file, fsync'd, renamed over the old one and the folder fsync'd, so a crash leaves
 * either the old or the new snapshot. `seq` is the last journal batch it contains;
 * replay skips journal batches at or below it, so a crash between the rename and the
 * journal truncation cannot apply a batch twice.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { StoreError } from '../../errors.ts';
import type { Doc } from '../collection.ts';

const FORMAT = 'teamhealth-embedded-snapshot';
const CHUNK = 20_000;

export interface SnapshotData {
  seq: number;
  collections: Map<string, Doc[]>;
}

export function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes the snapshot atomically (temp file, fsync, rename, fsync folder). */
export function writeSnapshot(
  path: string,
  dir: string,
  seq: number,
  collections: Map<string, Iterable<Doc>>,
): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, `${JSON.stringify({ format: FORMAT, version: 1, seq })}\n`);
    let count = 0;
    for (const [name, docs] of collections) {
      let chunk: Doc[] = [];
      const flush = () => {
        writeSync(fd, `${JSON.stringify({ c: name, docs: chunk })}\n`);
        chunk = [];
      };
      for (const doc of docs) {
        chunk.push(doc);
        count++;
        if (chunk.length === CHUNK) flush();
      }
      if (chunk.length > 0) flush();
    }
    writeSync(fd, `${JSON.stringify({ end: true, count })}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncDir(dir);
}

/**
 * Reads a snapshot written by {@link writeSnapshot}.
 * @throws StoreError when the file is not a complete snapshot.
 */
export function readSnapshot(path: string): SnapshotData {
  const bytes = readFileSync(path);
  const collections = new Map<string, Doc[]>();
  const fail = (why: string) =>
    new StoreError(`snapshot ${path} is unreadable (${why}); restore the folder from a backup`);
  let start = 0;
  let seq = -1;
  let count = 0;
  let ended = false;
  while (start < bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    if (end < 0) throw fail('it ends mid-line');
    let line: {
      format?: string;
      seq?: number;
      c?: string;
      docs?: Doc[];
      end?: boolean;
      count?: number;
    };
    try {
      line = JSON.parse(bytes.toString('utf8', start, end));
    } catch (error) {
      throw fail(`bad JSON at byte ${start}: ${(error as Error).message}`);
    }
    if (start === 0) {
      if (line.format !== FORMAT || typeof line.seq !== 'number') throw fail('missing header');
      seq = line.seq;
    } else if (line.end) {
      if (line.count !== count)
        throw fail(`it holds ${count} documents, its trailer says ${line.count}`);
      ended = true;
    } else if (typeof line.c === 'string' && Array.isArray(line.docs)) {
      const list = collections.get(line.c);
      if (list) for (const doc of line.docs) list.push(doc);
      else collections.set(line.c, line.docs);
      count += line.docs.length;
    } else {
      throw fail(`unexpected line at byte ${start}`);
    }
    start = end + 1;
  }
  if (!ended) throw fail('missing trailer');
  return { seq, collections };
}
