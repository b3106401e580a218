/**
 * The small, driver-shaped collection interface the MongoDB repositories are written
 * against (src/store/repositories/): the Mongo adapter wraps a driver `Collection`.
 * Filters, updates and pipelines are MongoDB's own language. The SQLite store
 * (src/store/sqlite/) implements the Store interface in SQL directly; one contract
 * suite holds both to the same behaviour.
 */
import { StoreError } from '../errors.ts';

/** A stored document: `_id` is the record's natural key string. */
export type Doc = { _id: string } & Record<string, unknown>;
export type Filter = Record<string, unknown>;
export type Update = Record<string, unknown>;
export type Pipeline = Record<string, unknown>[];
export type SortSpec = Record<string, 1 | -1>;

/** An index declared once next to its repository and created by `init()` on both backends. */
export interface IndexSpec {
  key: Record<string, 1 | -1>;
  unique?: boolean;
  /** Documents lacking every indexed field are not indexed (so not checked for uniqueness). */
  sparse?: boolean;
  name?: string;
  /**
   * A TTL index (MongoDB): the server deletes a document once the indexed Date field is
   * this many seconds old. Backends without a TTL monitor ignore it; readers must never
   * rely on the deletion, only on the stored date.
   */
  expireAfterSeconds?: number;
}

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface UpdateOutcome {
  matched: number;
  modified: number;
  /** Set when the update inserted a document. */
  upsertedId?: string;
}

export interface DocCollection {
  readonly name: string;
  find(filter: Filter, options?: { sort?: SortSpec; limit?: number }): Promise<Doc[]>;
  aggregate(pipeline: Pipeline): Promise<Record<string, unknown>[]>;
  /**
   * Replaces or inserts each document by `_id`, in order (a later duplicate `_id` in the
   * same call replaces the earlier one). All-or-nothing: a unique-index violation rejects
   * the whole call with a {@link DuplicateKeyError} naming the key. (MongoDB keeps this
   * with one transaction per call, which is why it refuses a standalone server.)
   */
  upsertMany(docs: Doc[]): Promise<UpsertCounts>;
  updateOne(filter: Filter, update: Update, options?: { upsert?: boolean }): Promise<UpdateOutcome>;
  /** Atomic read-modify-write of one document; returns it after the update, or null. */
  findOneAndUpdate(filter: Filter, update: Update): Promise<Doc | null>;
  /** @throws DuplicateKeyError when `_id` or a unique index key is taken. */
  insertOne(doc: Doc): Promise<void>;
  deleteMany(filter: Filter): Promise<number>;
  countDocuments(filter?: Filter): Promise<number>;
  createIndex(spec: IndexSpec): Promise<void>;
}

/** A write hit a unique key that another document holds (MongoDB's E11000). */
export class DuplicateKeyError extends StoreError {
  readonly collection: string;
  readonly key: string;
  constructor(collection: string, key: string, original?: unknown) {
    super(`duplicate key in collection '${collection}': ${key}`, original);
    this.collection = collection;
    this.key = key;
  }
}

/** The index name MongoDB would give a key spec, e.g. `{ agent_id: 1, date: 1 }` → `agent_id_1_date_1`. */
export function indexName(spec: IndexSpec): string {
  return (
    spec.name ??
    Object.entries(spec.key)
      .map(([field, dir]) => `${field}_${dir}`)
      .join('_')
  );
}
