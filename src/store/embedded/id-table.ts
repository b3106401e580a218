/**
 * The `_id`s of a column-wise collection, row by row, and the `_id` → row lookup, held
 * outside the JavaScript heap: the ids' UTF-8 bytes in one growing byte arena
 * (`starts[row]`..`starts[row + 1]`), and an open-addressing hash table (FNV-1a, linear
 * probing) of row numbers over them. Each slot holds its row's hash beside the row, so a
 * probe compares ids' bytes only when the hashes agree: a lookup then touches one place
 * in memory, not the table, the starts and the arena for every slot it passes.
 *
 * A million agent-day ids as JS strings in a `Map` cost ~100 MB of heap that the garbage
 * collector walks on every major collection; here they cost ~17 MB of bytes plus an
 * 16 MB table, and a snapshot stores and loads them as two raw arrays. The table is built
 * on first lookup, so a store opened only to read (a report) never hashes an id.
 *
 * Rows are only appended; a deleted row keeps its bytes (the snapshot drops them) and
 * leaves a tombstone in the table.
 * @example const t = new IdTable(); t.append('A1|2026-10-01'); t.find('A1|2026-10-01') // → 0
 */

const EMPTY = 0;
const TOMBSTONE = -1;

const encoder = new TextEncoder();

export class IdTable {
  #arena: Uint8Array;
  #text: Buffer;
  /** `starts[row]` is the row's first byte; `starts[rows]` the arena's used length. */
  #starts: Uint32Array;
  #rows: number;
  /**
   * Slot `s` is `table[2s]` (row + 1, EMPTY or TOMBSTONE) and `table[2s + 1]` (that
   * row's hash, as an int32); null until the first lookup.
   */
  #table: Int32Array | null = null;
  #used = 0;
  #scratch = new Uint8Array(256);
  /**
   * The last id looked up or appended, its row (-1 if absent), hash and byte length (its
   * bytes are still in the scratch buffer): a write looks its id up two or three times.
   */
  #lastId: string | null = null;
  #lastRow = -1;
  #lastHash = 0;
  #lastLength = 0;

  constructor(parts?: { arena: Uint8Array; starts: Uint32Array; rows: number }) {
    this.#arena = parts?.arena ?? new Uint8Array(16 * 1024);
    this.#starts = parts?.starts ?? new Uint32Array(1025);
    this.#rows = parts?.rows ?? 0;
    this.#text = Buffer.from(this.#arena.buffer, this.#arena.byteOffset, this.#arena.byteLength);
  }

  get rows(): number {
    return this.#rows;
  }

  /** The id of `row` (deleted rows included: the caller knows which are live). */
  idAt(row: number): string {
    return this.#text.toString('utf8', this.#starts[row], this.#starts[row + 1]);
  }

  /** The row holding `id`, or -1. */
  find(id: string): number {
    if (id === this.#lastId) return this.#lastRow;
    const table = this.#tableBuilt();
    const length = this.#encode(id);
    const bytes = this.#scratch;
    const mask = (table.length >> 1) - 1;
    const h = hash(bytes, 0, length);
    const tag = h | 0;
    let row = -1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot << 1] as number;
      if (entry === EMPTY) break;
      if (
        entry !== TOMBSTONE &&
        table[(slot << 1) + 1] === tag &&
        this.#equals(entry - 1, bytes, length)
      ) {
        row = entry - 1;
        break;
      }
    }
    return this.#remember(id, row, h, length);
  }

  /** Adds `id` as the next row (the caller has checked it is not present); returns the row. */
  append(id: string): number {
    let length: number;
    let h: number;
    if (id === this.#lastId) {
      length = this.#lastLength;
      h = this.#lastHash;
    } else {
      length = this.#encode(id);
      h = hash(this.#scratch, 0, length);
    }
    const row = this.#rows;
    if (row + 2 > this.#starts.length) this.#starts = grown(this.#starts, row + 2);
    const at = this.#starts[row] as number;
    if (at + length > this.#arena.length) {
      this.#arena = grown(this.#arena, at + length);
      this.#text = Buffer.from(this.#arena.buffer, this.#arena.byteOffset, this.#arena.byteLength);
    }
    this.#arena.set(this.#scratch.subarray(0, length), at);
    this.#starts[row + 1] = at + length;
    this.#rows = row + 1;
    if (this.#table !== null) {
      if ((this.#used + 1) * 2 > this.#table.length >> 1) this.#rehash(this.#used + 1);
      this.#place(row, h);
    }
    return this.#remember(id, row, h, length);
  }

  #remember(id: string, row: number, h: number, length: number): number {
    this.#lastId = id;
    this.#lastRow = row;
    this.#lastHash = h;
    this.#lastLength = length;
    return row;
  }

  /** Forgets `id`'s row in the lookup (its bytes stay until the next snapshot). */
  remove(id: string): number {
    const table = this.#tableBuilt();
    const row = this.find(id);
    // find() remembered the id's hash (the table keeps it too, slot by slot).
    const h = this.#lastHash;
    this.#lastId = null;
    if (row < 0) return -1;
    const mask = (table.length >> 1) - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      if (table[slot << 1] === row + 1) {
        table[slot << 1] = TOMBSTONE;
        return row;
      }
    }
  }

  /** The arena bytes and starts of `rows` (in order), for a snapshot. */
  parts(rows: Int32Array | null): { arena: Uint8Array; starts: Uint32Array } {
    if (rows === null) {
      return {
        arena: this.#arena.subarray(0, this.#starts[this.#rows]),
        starts: this.#starts.subarray(0, this.#rows + 1),
      };
    }
    const starts = new Uint32Array(rows.length + 1);
    let size = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number;
      size += (this.#starts[row + 1] as number) - (this.#starts[row] as number);
      starts[i + 1] = size;
    }
    const arena = new Uint8Array(size);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number;
      arena.set(this.#arena.subarray(this.#starts[row], this.#starts[row + 1]), starts[i]);
    }
    return { arena, starts };
  }

  /** UTF-8 of `id` into the scratch buffer; returns its length. */
  #encode(id: string): number {
    if (id.length * 3 > this.#scratch.length) this.#scratch = new Uint8Array(id.length * 3);
    const bytes = this.#scratch;
    for (let i = 0; i < id.length; i++) {
      const code = id.charCodeAt(i);
      if (code > 0x7f) return encoder.encodeInto(id, bytes).written;
      bytes[i] = code;
    }
    return id.length;
  }

  #equals(row: number, bytes: Uint8Array, length: number): boolean {
    const start = this.#starts[row] as number;
    if ((this.#starts[row + 1] as number) - start !== length) return false;
    const arena = this.#arena;
    for (let i = 0; i < length; i++) if (arena[start + i] !== bytes[i]) return false;
    return true;
  }

  #tableBuilt(): Int32Array {
    if (this.#table === null) this.#rehash(this.#rows);
    return this.#table as Int32Array;
  }

  /** A table with room for `rows` at most half full, every appended row in it. */
  #rehash(rows: number): void {
    let size = 1024;
    while (size < rows * 2) size *= 2;
    const old = this.#table;
    this.#table = new Int32Array(size * 2);
    this.#used = 0;
    if (old === null) {
      for (let row = 0; row < this.#rows; row++) {
        const start = this.#starts[row] as number;
        this.#place(row, hash(this.#arena, start, (this.#starts[row + 1] as number) - start));
      }
      return;
    }
    // Tombstones count as used (append rebuilds before probes grow long); they go here.
    // Growing never re-reads the ids: each slot carries its row's hash.
    for (let i = 0; i < old.length; i += 2) {
      const entry = old[i] as number;
      if (entry > 0) this.#place(entry - 1, (old[i + 1] as number) >>> 0);
    }
  }

  #place(row: number, h: number): void {
    const table = this.#table as Int32Array;
    const mask = (table.length >> 1) - 1;
    let slot = h & mask;
    while (table[slot << 1] !== EMPTY) slot = (slot + 1) & mask;
    table[slot << 1] = row + 1;
    table[(slot << 1) + 1] = h | 0;
    this.#used++;
  }
}

function hash(bytes: Uint8Array, start: number, length: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < start + length; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return h >>> 0;
}

function grown<T extends Uint8Array | Uint32Array>(array: T, atLeast: number): T {
  let capacity = Math.max(1024, array.length * 2);
  while (capacity < atLeast) capacity *= 2;
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
}
