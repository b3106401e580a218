/**
 * One embedded collection's in-memory state: documents by `_id` and their indexes.
 * Changes arrive only through {@link CollectionState.apply}, from a committed batch or
 * from replay, so memory always equals snapshot + journal.
 */

import { StoreError } from '../../errors.ts';
import { type Doc, DuplicateKeyError, type IndexSpec } from '../collection.ts';
import { BucketIndex } from './bucket-index.ts';
import { ColumnarDocs } from './columnar-docs.ts';
import type { Op } from './journal.ts';
import { UniqueIndex } from './unique-index.ts';

/** Documents by `_id`: a plain Map, or the column-wise map for the large collections. */
export type DocMap = Map<string, Doc> | ColumnarDocs;

export class CollectionState {
  readonly name: string;
  docs: DocMap;
  readonly uniques: UniqueIndex[] = [];
  readonly buckets = new Map<string, BucketIndex>();

  constructor(name: string, options: { columnar?: boolean } = {}) {
    this.name = name;
    this.docs = options.columnar ? new ColumnarDocs() : new Map();
  }

  /** Replaces the documents wholesale (loading a snapshot), before any index exists. */
  load(docs: DocMap): void {
    if (this.uniques.length > 0 || this.buckets.size > 0) {
      throw new StoreError(`collection '${this.name}' is loaded before its indexes are created`);
    }
    this.docs = docs;
  }

  apply(op: Op): void {
    // The old document is only needed to clear its unique keys; building it from the
    // columns for nothing would cost as much as the write.
    const needsOld = this.uniques.length > 0;
    if ('p' in op) {
      const doc = op.p;
      const old = needsOld ? this.docs.get(doc._id) : undefined;
      if (old) this.#unindex(old);
      this.docs.set(doc._id, doc);
      this.#index(doc);
    } else {
      const old = needsOld ? this.docs.get(op.d) : undefined;
      if (needsOld ? !old : !this.docs.has(op.d)) return;
      if (old) this.#unindex(old);
      for (const bucket of this.buckets.values()) bucket.invalidate();
      this.docs.delete(op.d);
    }
  }

  #index(doc: Doc): void {
    for (const unique of this.uniques) {
      const key = unique.keyOf(doc);
      if (key !== undefined) unique.owners.set(key, doc._id);
    }
    for (const bucket of this.buckets.values()) bucket.invalidate();
  }

  #unindex(doc: Doc): void {
    for (const unique of this.uniques) {
      const key = unique.keyOf(doc);
      if (key !== undefined && unique.owners.get(key) === doc._id) unique.owners.delete(key);
    }
    for (const bucket of this.buckets.values()) bucket.invalidate();
  }

  /**
   * Adds an index. A unique one is checked against the stored documents; a non-unique
   * one becomes a bucket index on its leading field (compound indexes matter to
   * MongoDB's planner; the embedded planner only narrows by one field).
   * @throws StoreError when stored documents already violate a new unique index.
   */
  addIndex(spec: IndexSpec): void {
    if (spec.unique) {
      const unique = new UniqueIndex(spec);
      if (this.uniques.some((u) => u.name === unique.name)) return;
      for (const doc of this.docs.values()) {
        const key = unique.keyOf(doc);
        if (key === undefined) continue;
        const owner = unique.owners.get(key);
        if (owner !== undefined) {
          throw new StoreError(
            `cannot create unique index on '${this.name}': documents '${owner}' and '${doc._id}' share ${unique.describe(key)}`,
          );
        }
        unique.owners.set(key, doc._id);
      }
      this.uniques.push(unique);
      return;
    }
    const field = Object.keys(spec.key)[0];
    if (field === undefined || this.buckets.has(field)) return;
    this.buckets.set(field, new BucketIndex(field, () => this.docs.values()));
  }

  /** A checker that validates a sequence of puts and deletes against this state. */
  stage(): Staging {
    return new Staging(this);
  }
}

/**
 * Validates a batch before anything is written: each op is checked against the stored
 * state plus the earlier ops of the same batch, so the batch commits whole or not at all.
 */
export class Staging {
  readonly #state: CollectionState;
  readonly #docs = new Map<string, Doc | null>();
  readonly #keys: Map<string, string | null>[];
  readonly ops: Op[] = [];

  constructor(state: CollectionState) {
    this.#state = state;
    this.#keys = state.uniques.map(() => new Map());
  }

  /** The document as it stands after the staged ops. */
  current(id: string): Doc | undefined {
    const staged = this.#docs.get(id);
    if (staged !== undefined) return staged ?? undefined;
    return this.#state.docs.get(id);
  }

  /** @throws DuplicateKeyError when a unique key would be held by another document. */
  put(doc: Doc): void {
    this.#checkId(doc);
    this.#stage(doc, this.current(doc._id));
  }

  /**
   * {@link put} for a caller that has just looked up `old = current(doc._id)`: the
   * import path then looks each row up once, not twice.
   * @throws DuplicateKeyError when a unique key would be held by another document.
   */
  replace(doc: Doc, old: Doc | undefined): void {
    this.#checkId(doc);
    this.#stage(doc, old);
  }

  #stage(doc: Doc, old: Doc | undefined): void {
    this.#state.uniques.forEach((unique, i) => {
      const keys = this.#keys[i] as Map<string, string | null>;
      const key = unique.keyOf(doc);
      const oldKey = old ? unique.keyOf(old) : undefined;
      if (key === undefined || key === oldKey) return;
      const owner = keys.has(key) ? keys.get(key) : unique.owners.get(key);
      if (owner != null && owner !== doc._id) {
        throw new DuplicateKeyError(
          this.#state.name,
          `${unique.describe(key)} (held by '${owner}')`,
        );
      }
    });
    this.#state.uniques.forEach((unique, i) => {
      const keys = this.#keys[i] as Map<string, string | null>;
      const oldKey = old ? unique.keyOf(old) : undefined;
      if (oldKey !== undefined) keys.set(oldKey, null);
      const key = unique.keyOf(doc);
      if (key !== undefined) keys.set(key, doc._id);
    });
    this.#docs.set(doc._id, doc);
    this.ops.push({ p: doc });
  }

  #checkId(doc: Doc): void {
    if (typeof doc._id !== 'string' || doc._id === '') {
      throw new StoreError(`a document for '${this.#state.name}' has no string _id`);
    }
  }

  delete(id: string): void {
    const old = this.current(id);
    if (!old) return;
    this.#state.uniques.forEach((unique, i) => {
      const key = unique.keyOf(old);
      if (key !== undefined) (this.#keys[i] as Map<string, string | null>).set(key, null);
    });
    this.#docs.set(id, null);
    this.ops.push({ d: id });
  }
}
