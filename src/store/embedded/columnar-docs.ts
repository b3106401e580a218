/**
 * A document map kept column-wise, for the collections that grow with agents × days
 * (agent_days, contact_volumes): what MongoDB's time-series collections do on the
 * server. It behaves as the `Map<_id, Doc>` the rest of the embedded store uses (same
 * insertion order, same values; documents are rebuilt on read), but holds a document
 * as one row across typed columns:
 *
 * - a column whose every value is an int32 (counts: nearly all of them) is an Int32Array
 *   (4 bytes a row), becoming a Float64Array (8) once any other number arrives;
 * - a column whose every value is a string is an Int32Array of indexes into that
 *   column's dictionary (dates, agent and team ids repeat: 4 bytes a row);
 * - any other column (mixed types, objects, booleans, null) is a plain array;
 * - each row's *shape* (its field names, in the document's own order) is an index
 *   into a list of shapes, so an absent field stays absent and key order survives.
 *
 * A million agent-days take ~150 MB this way rather than ~450 MB as objects, load from
 * a snapshot as raw bytes, and can be grouped without building a single object
 * (columnar-aggregate.ts). A column changes kind (number → mixed) the first time a
 * value does not fit it, so any document is stored exactly.
 */
import type { Doc } from '../collection.ts';
import { hasOwn } from './has-own.ts';
import { IdTable } from './id-table.ts';

export type ColumnKind = 'int' | 'num' | 'str' | 'any';

/** Does the number fit an Int32Array exactly (-0 does not: it would read back as 0)? */
export function isInt32(value: number): boolean {
  return (value | 0) === value && !Object.is(value, -0);
}

export class Column {
  readonly name: string;
  kind: ColumnKind;
  int: Int32Array = new Int32Array(0);
  num: Float64Array = new Float64Array(0);
  str: Int32Array = new Int32Array(0);
  any: unknown[] = [];
  /** Distinct strings of a `str` column; `str[row]` indexes into it. */
  dict: string[] = [];
  #dictIndex: Map<string, number> | null = null;

  constructor(name: string, kind: ColumnKind, capacity: number) {
    this.name = name;
    this.kind = kind;
    this.grow(capacity);
  }

  grow(capacity: number): void {
    if (this.kind === 'int') this.int = resized(this.int, capacity);
    else if (this.kind === 'num') this.num = resized(this.num, capacity);
    else if (this.kind === 'str') this.str = resized(this.str, capacity);
  }

  #lastValue: string | undefined;
  #lastIndex = -1;

  intern(value: string): number {
    if (value === this.#lastValue) return this.#lastIndex;
    const index = this.#internNew(value);
    this.#lastValue = value;
    this.#lastIndex = index;
    return index;
  }

  #internNew(value: string): number {
    if (this.#dictIndex === null) this.#dictIndex = new Map(this.dict.map((s, i) => [s, i]));
    let index = this.#dictIndex.get(value);
    if (index === undefined) {
      index = this.dict.length;
      this.dict.push(value);
      this.#dictIndex.set(value, index);
    }
    return index;
  }

  read(row: number): unknown {
    if (this.kind === 'int') return this.int[row];
    if (this.kind === 'num') return this.num[row];
    if (this.kind === 'str') return this.dict[this.str[row] as number];
    return this.any[row];
  }

  /** Turns an integer column into a float one (a number arrived that is not an int32). */
  toNum(): void {
    const num = new Float64Array(this.int.length);
    num.set(this.int);
    this.kind = 'num';
    this.num = num;
    this.int = new Int32Array(0);
  }

  /** Turns the column into a plain array (a value arrived that does not fit its type). */
  widen(rows: number): void {
    const values: unknown[] = new Array(rows);
    for (let row = 0; row < rows; row++) values[row] = this.read(row);
    this.kind = 'any';
    this.any = values;
    this.int = new Int32Array(0);
    this.num = new Float64Array(0);
    this.str = new Int32Array(0);
    this.dict = [];
    this.#dictIndex = null;
    this.#lastValue = undefined;
  }
}

function resized<T extends Float64Array | Int32Array | Uint32Array>(array: T, capacity: number): T {
  if (array.length >= capacity) return array;
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
}

/** Shape 0 marks a deleted row. */
const DELETED = 0;

export class ColumnarDocs implements Iterable<[string, Doc]> {
  /** `_id` per row and the `_id` → row lookup (id-table.ts); a deleted row keeps its bytes. */
  ids: IdTable = new IdTable();
  /** Shape index per row (0 = deleted). */
  shapeOf: Uint32Array = new Uint32Array(0);
  /** Each shape is its fields as column indexes, in document order (-1 for `_id`). */
  shapes: number[][] = [[]];
  columns: Column[] = [];
  #columnIndex = new Map<string, number>();
  #shapeIndex = new Map<string, number>();
  #size = 0;
  #rows = 0;

  /** Rows allocated, deleted ones included. */
  get rowCount(): number {
    return this.#rows;
  }

  get size(): number {
    return this.#size;
  }

  columnIndex(name: string): number | undefined {
    return this.#columnIndex.get(name);
  }

  has(id: string): boolean {
    return this.ids.find(id) >= 0;
  }

  get(id: string): Doc | undefined {
    const row = this.ids.find(id);
    return row < 0 ? undefined : this.docAt(row);
  }

  /** The `_id` of a live row; undefined for a deleted one. */
  idAt(row: number): string | undefined {
    return this.shapeOf[row] === DELETED ? undefined : this.ids.idAt(row);
  }

  /** The document in `row`, built afresh. */
  docAt(row: number): Doc {
    const shape = this.shapes[this.shapeOf[row] as number] as number[];
    const doc: Record<string, unknown> = {};
    for (let k = 0; k < shape.length; k++) {
      const c = shape[k] as number;
      if (c < 0) doc._id = this.ids.idAt(row);
      else {
        const column = this.columns[c] as Column;
        doc[column.name] = column.read(row);
      }
    }
    return doc as Doc;
  }

  #column(name: string, value: unknown): number {
    let index = this.#columnIndex.get(name);
    if (index === undefined) {
      const kind: ColumnKind =
        typeof value === 'number'
          ? isInt32(value)
            ? 'int'
            : 'num'
          : typeof value === 'string'
            ? 'str'
            : 'any';
      index = this.columns.length;
      this.columns.push(new Column(name, kind, this.shapeOf.length));
      this.#columnIndex.set(name, index);
    }
    return index;
  }

  #lastNames: string[] = [];
  #lastColumns: number[] = [];
  /** The shape of the last write: consecutive documents nearly always share it. */
  #lastShape = 0;

  #shape(fields: number[]): number {
    const last = this.shapes[this.#lastShape] as number[];
    if (last.length === fields.length && last.every((c, i) => c === fields[i])) {
      return this.#lastShape;
    }
    const key = fields.join(',');
    let index = this.#shapeIndex.get(key);
    if (index === undefined) {
      index = this.shapes.length;
      this.shapes.push(fields);
      this.#shapeIndex.set(key, index);
    }
    this.#lastShape = index;
    return index;
  }

  #grow(): void {
    const capacity = Math.max(1024, this.shapeOf.length * 2);
    this.shapeOf = resized(this.shapeOf, capacity);
    for (const column of this.columns) column.grow(capacity);
  }

  /** Inserts or replaces (in place, keeping its position) the document with this `_id`. */
  set(id: string, doc: Doc): this {
    let row = this.ids.find(id);
    if (row < 0) {
      if (this.#rows === this.shapeOf.length) this.#grow();
      row = this.ids.append(id);
      this.#rows++;
      this.#size++;
    }
    const fields: number[] = [];
    const names = this.#lastNames;
    let k = 0;
    for (const name in doc) {
      if (!hasOwn(doc, name)) continue;
      // Consecutive documents nearly always share their field order: reuse the last
      // document's column lookups while the names match.
      let c: number;
      if (names[k] === name) c = this.#lastColumns[k] as number;
      else {
        c = name === '_id' ? -1 : this.#column(name, doc[name]);
        names[k] = name;
        this.#lastColumns[k] = c;
      }
      k++;
      fields.push(c);
      if (c < 0) continue;
      const value = doc[name];
      const column = this.columns[c] as Column;
      if (column.kind === 'int') {
        if (typeof value === 'number') {
          if (isInt32(value)) column.int[row] = value;
          else {
            column.toNum();
            column.num[row] = value;
          }
          continue;
        }
        column.widen(this.#rows);
      } else if (column.kind === 'num') {
        if (typeof value === 'number') {
          column.num[row] = value;
          continue;
        }
        column.widen(this.#rows);
      } else if (column.kind === 'str') {
        if (typeof value === 'string') {
          column.str[row] = column.intern(value);
          continue;
        }
        column.widen(this.#rows);
      }
      column.any[row] = value;
    }
    names.length = k;
    this.shapeOf[row] = this.#shape(fields);
    return this;
  }

  delete(id: string): boolean {
    const row = this.ids.remove(id);
    if (row < 0) return false;
    this.shapeOf[row] = DELETED;
    for (const column of this.columns) if (column.kind === 'any') column.any[row] = undefined;
    this.#size--;
    return true;
  }

  *values(): IterableIterator<Doc> {
    for (let row = 0; row < this.#rows; row++) {
      if (this.shapeOf[row] !== DELETED) yield this.docAt(row);
    }
  }

  *keys(): IterableIterator<string> {
    for (let row = 0; row < this.#rows; row++) {
      if (this.shapeOf[row] !== DELETED) yield this.ids.idAt(row);
    }
  }

  *entries(): IterableIterator<[string, Doc]> {
    for (let row = 0; row < this.#rows; row++) {
      if (this.shapeOf[row] !== DELETED) yield [this.ids.idAt(row), this.docAt(row)];
    }
  }

  [Symbol.iterator](): IterableIterator<[string, Doc]> {
    return this.entries();
  }

  /** The live rows in order (deleted ones skipped). */
  liveRows(): Int32Array {
    const rows = new Int32Array(this.#size);
    let n = 0;
    for (let row = 0; row < this.#rows; row++) if (this.shapeOf[row] !== DELETED) rows[n++] = row;
    return rows;
  }

  /**
   * Rebuilds a map from its parts (a snapshot). The arrays are taken as they are:
   * `ids.rows` rows, none deleted.
   */
  static fromParts(parts: {
    ids: IdTable;
    shapes: number[][];
    shapeOf: Uint32Array;
    columns: Column[];
  }): ColumnarDocs {
    const docs = new ColumnarDocs();
    docs.ids = parts.ids;
    docs.#rows = parts.ids.rows;
    docs.#size = parts.ids.rows;
    docs.shapeOf = parts.shapeOf;
    docs.shapes = parts.shapes;
    parts.shapes.forEach((fields, i) => {
      if (i > 0) docs.#shapeIndex.set(fields.join(','), i);
    });
    docs.columns = parts.columns;
    parts.columns.forEach((column, i) => {
      docs.#columnIndex.set(column.name, i);
    });
    return docs;
  }
}
