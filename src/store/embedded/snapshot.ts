/**
 * The snapshot: every collection in one file, written to a temp file, fsync'd, renamed
 * over the old one and the folder fsync'd, so a crash leaves either the old or the new
 * snapshot. `seq` is the last journal batch it contains; replay skips journal batches at
 * or below it, so a crash between the rename and the journal truncation cannot apply a
 * batch twice.
 *
 * Layout: a JSON header line, then per collection either
 * - document chunks: `{"c":name,"docs":[…]}` lines of up to CHUNK documents (a handful
 *   of JSON.parse calls rather than one per document, and no string near V8's ~512 MB
 *   limit), or
 * - for a column-wise collection, one `{"c":name,"columnar":{…}}` line (row count,
 *   shapes, dictionaries, mixed columns) followed by the raw little-endian bytes of its
 *   typed arrays (row shapes, the ids' offsets and UTF-8 bytes, the number and string
 *   columns), each with its CRC-32 in the line, so a million agent-days load as a few
 *   memory copies;
 * then a trailer line with the document count. Version 1 files (chunks only) still load.
 * What is written as JSON (document chunks, mixed columns, and the journal) keeps -0 as 0,
 * since JSON has no -0; no stored count is ever -0.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { endianness } from 'node:os';
import { crc32 } from 'node:zlib';
import { StoreError } from '../../errors.ts';
import type { Doc } from '../collection.ts';
import { Column, ColumnarDocs, type ColumnKind } from './columnar-docs.ts';
import { IdTable } from './id-table.ts';

const FORMAT = 'teamhealth-embedded-snapshot';
const CHUNK = 20_000;

export interface SnapshotData {
  seq: number;
  collections: Map<string, Doc[] | ColumnarDocs>;
}

/** What a column-wise collection's line says; its typed arrays follow the line. */
interface ColumnarMeta {
  rows: number;
  shapes: number[][];
  shapeOf: { bytes: number; crc: number };
  idStarts: { bytes: number; crc: number };
  idBytes: { bytes: number; crc: number };
  columns: {
    name: string;
    kind: ColumnKind;
    dict?: string[];
    any?: unknown[];
    bytes?: number;
    crc?: number;
  }[];
}

function bytesOf(array: Float64Array | Int32Array | Uint32Array | Uint8Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** The collection's live rows as a line plus the typed arrays' bytes. */
function encodeColumnar(docs: ColumnarDocs): { meta: ColumnarMeta; buffers: Buffer[] } {
  const live = docs.liveRows();
  const dense = live.length === docs.rowCount;
  const gather = <T extends Float64Array | Int32Array | Uint32Array>(array: T): T => {
    if (dense) return array.subarray(0, live.length) as T;
    const out = new (array.constructor as new (n: number) => T)(live.length);
    for (let i = 0; i < live.length; i++) out[i] = array[live[i] as number] as number;
    return out;
  };
  const buffers: Buffer[] = [];
  const shapeOf = bytesOf(gather(docs.shapeOf));
  buffers.push(shapeOf);
  const idParts = docs.ids.parts(dense ? null : live);
  const idStarts = bytesOf(idParts.starts);
  const idBytes = bytesOf(idParts.arena);
  buffers.push(idStarts, idBytes);
  const columns = docs.columns.map((column) => {
    if (column.kind === 'any') {
      const values: unknown[] = new Array(live.length);
      for (let i = 0; i < live.length; i++) values[i] = column.any[live[i] as number] ?? null;
      return { name: column.name, kind: column.kind, any: values };
    }
    const bytes = bytesOf(
      gather(column.kind === 'int' ? column.int : column.kind === 'num' ? column.num : column.str),
    );
    buffers.push(bytes);
    return {
      name: column.name,
      kind: column.kind,
      ...(column.kind === 'str' ? { dict: column.dict } : {}),
      bytes: bytes.length,
      crc: crc32(bytes),
    };
  });
  return {
    meta: {
      rows: live.length,
      shapes: docs.shapes,
      shapeOf: { bytes: shapeOf.length, crc: crc32(shapeOf) },
      idStarts: { bytes: idStarts.length, crc: crc32(idStarts) },
      idBytes: { bytes: idBytes.length, crc: crc32(idBytes) },
      columns,
    },
    buffers,
  };
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
  collections: Map<string, Iterable<Doc> | ColumnarDocs>,
): void {
  if (endianness() !== 'LE') {
    throw new StoreError(
      'the embedded store writes little-endian snapshots; this machine is big-endian',
    );
  }
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, `${JSON.stringify({ format: FORMAT, version: 2, seq })}\n`);
    let count = 0;
    for (const [name, docs] of collections) {
      if (docs instanceof ColumnarDocs) {
        const { meta, buffers } = encodeColumnar(docs);
        writeSync(fd, `${JSON.stringify({ c: name, columnar: meta })}\n`);
        for (const buffer of buffers) writeSync(fd, buffer);
        count += meta.rows;
        continue;
      }
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
  const collections = new Map<string, Doc[] | ColumnarDocs>();
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
      columnar?: ColumnarMeta;
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
      if (Array.isArray(list)) for (const doc of line.docs) list.push(doc);
      else if (list) throw fail(`collection '${line.c}' appears twice`);
      else collections.set(line.c, line.docs);
      count += line.docs.length;
    } else if (typeof line.c === 'string' && line.columnar) {
      if (collections.has(line.c)) throw fail(`collection '${line.c}' appears twice`);
      const read = decodeColumnar(line.columnar, bytes, end + 1, line.c, fail);
      collections.set(line.c, read.docs);
      count += read.docs.size;
      start = read.next;
      continue;
    } else {
      throw fail(`unexpected line at byte ${start}`);
    }
    start = end + 1;
  }
  if (!ended) throw fail('missing trailer');
  return { seq, collections };
}

/** Rebuilds a column-wise collection from its line and the bytes after it. */
function decodeColumnar(
  meta: ColumnarMeta,
  bytes: Buffer,
  from: number,
  name: string,
  fail: (why: string) => StoreError,
): { docs: ColumnarDocs; next: number } {
  let at = from;
  const take = (length: number, crc: number | undefined, what: string): Buffer => {
    if (at + length > bytes.length) throw fail(`'${name}' ${what} is cut short`);
    const slice = bytes.subarray(at, at + length);
    if (crc32(slice) !== crc) throw fail(`'${name}' ${what} fails its checksum`);
    at += length;
    return slice;
  };
  const rows = meta.rows;
  const copy = <T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(
    Type: new (n: number) => T,
    slice: Buffer,
    what: string,
    length = rows,
  ): T => {
    const array = new Type(length);
    if (slice.length !== array.byteLength) throw fail(`'${name}' ${what} has the wrong length`);
    new Uint8Array(array.buffer).set(slice);
    return array;
  };
  if (!Number.isInteger(rows) || rows < 0) throw fail(`'${name}' has no row count`);
  const shapeOf = copy(Uint32Array, take(meta.shapeOf.bytes, meta.shapeOf.crc, 'shapes'), 'shapes');
  const starts = copy(
    Uint32Array,
    take(meta.idStarts.bytes, meta.idStarts.crc, 'id offsets'),
    'id offsets',
    rows + 1,
  );
  const arenaLength = meta.idBytes.bytes;
  const arena = copy(Uint8Array, take(arenaLength, meta.idBytes.crc, 'ids'), 'ids', arenaLength);
  if (starts[rows] !== arenaLength) throw fail(`'${name}' ids do not match their offsets`);
  const ids = new IdTable({ arena, starts, rows });
  const columns = meta.columns.map((spec) => {
    const column = new Column(spec.name, spec.kind, 0);
    if (spec.kind === 'any') {
      if (!Array.isArray(spec.any) || spec.any.length !== rows)
        throw fail(`'${name}' column ${spec.name} has the wrong length`);
      column.any = spec.any;
      return column;
    }
    const slice = take(spec.bytes ?? -1, spec.crc, `column ${spec.name}`);
    if (spec.kind === 'int') column.int = copy(Int32Array, slice, `column ${spec.name}`);
    else if (spec.kind === 'num') column.num = copy(Float64Array, slice, `column ${spec.name}`);
    else {
      column.str = copy(Int32Array, slice, `column ${spec.name}`);
      column.dict = spec.dict ?? [];
    }
    return column;
  });
  const docs = ColumnarDocs.fromParts({ ids, shapes: meta.shapes, shapeOf, columns });
  return { docs, next: at };
}
