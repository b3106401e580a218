/**
 * The MongoDB {@link DocCollection}: a thin wrapper over a driver `Collection`. It maps
 * E11000 to {@link DuplicateKeyError} and checks every write was acknowledged.
 */
import type {
  AnyBulkWriteOperation,
  ClientSession,
  Collection,
  Document,
  MongoClient,
} from 'mongodb';
import { MongoServerError } from 'mongodb';
import { StoreError } from '../../errors.ts';
import {
  type Doc,
  type DocCollection,
  DuplicateKeyError,
  type Filter,
  type IndexSpec,
  type Pipeline,
  type SortSpec,
  type Update,
  type UpdateOutcome,
  type UpsertCounts,
} from '../collection.ts';

const DUPLICATE_KEY = 11000;

/**
 * The server-side time limit of every operation (`maxTimeMS`) and of every commit
 * (`maxCommitTimeMS`), so a stalled call fails instead of holding a job's one-hour lease.
 * Not `timeoutMS`: in driver 7.x it is deprecated and does nothing (its typings say "has
 * no effect", and its timeout code never creates a timeout context).
 */
export const OPERATION_TIME_LIMIT_MS = 120_000;
const timeLimit = { maxTimeMS: OPERATION_TIME_LIMIT_MS };

function ensureAcknowledged(
  result: { acknowledged: boolean },
  what: string,
  collection: string,
): void {
  if (!result.acknowledged) {
    throw new StoreError(
      `MongoDB did not acknowledge ${what} on '${collection}' (check the write concern)`,
    );
  }
}

export class MongoCollection implements DocCollection {
  readonly name: string;
  readonly #coll: Collection<Doc>;
  readonly #client: MongoClient;

  /** `client` must reach a replica set or mongos (open-mongo.ts refuses a standalone). */
  constructor(client: MongoClient, coll: Collection<Doc>) {
    this.name = coll.collectionName;
    this.#coll = coll;
    this.#client = client;
  }

  /** Runs a driver call, turning E11000 into DuplicateKeyError and anything else into StoreError. */
  async #run<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof StoreError) throw error;
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) {
        const key = error.keyValue ? JSON.stringify(error.keyValue) : error.message;
        throw new DuplicateKeyError(this.name, key, error);
      }
      const code = (error as { writeErrors?: { code?: number; errmsg?: string }[] })
        .writeErrors?.[0];
      if (code?.code === DUPLICATE_KEY)
        throw new DuplicateKeyError(this.name, code.errmsg ?? 'E11000', error);
      throw new StoreError(
        `MongoDB ${what} on '${this.name}' failed: ${(error as Error).message}`,
        error,
      );
    }
  }

  find(filter: Filter, options: { sort?: SortSpec; limit?: number } = {}): Promise<Doc[]> {
    return this.#run('find', () => {
      let cursor = this.#coll.find(filter as Document, timeLimit);
      if (options.sort) cursor = cursor.sort(options.sort);
      if (options.limit !== undefined) cursor = cursor.limit(options.limit);
      return cursor.toArray() as Promise<Doc[]>;
    });
  }

  aggregate(pipeline: Pipeline): Promise<Record<string, unknown>[]> {
    return this.#run('aggregate', () => this.#coll.aggregate(pipeline, timeLimit).toArray());
  }

  /**
   * Ordered replace-with-upsert by `_id`, in one transaction: all documents or none.
   * (Without the transaction an ordered bulk write keeps the documents before the first
   * error; that is why a standalone server is refused at start-up.)
   */
  upsertMany(docs: Doc[]): Promise<UpsertCounts> {
    if (docs.length === 0) return Promise.resolve({ inserted: 0, updated: 0, unchanged: 0 });
    const ops: AnyBulkWriteOperation<Doc>[] = docs.map((doc) => ({
      replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true },
    }));
    const write = async (session?: ClientSession) => {
      const result = await this.#coll.bulkWrite(ops, { ordered: true, session, ...timeLimit });
      ensureAcknowledged({ acknowledged: result.isOk() }, 'upsertMany', this.name);
      return {
        inserted: result.upsertedCount,
        updated: result.modifiedCount,
        unchanged: result.matchedCount - result.modifiedCount,
      };
    };
    return this.#run('upsertMany', async () => {
      const session = this.#client.startSession();
      try {
        return await session.withTransaction(() => write(session), {
          maxCommitTimeMS: OPERATION_TIME_LIMIT_MS,
        });
      } finally {
        await session.endSession();
      }
    });
  }

  updateOne(
    filter: Filter,
    update: Update,
    options: { upsert?: boolean } = {},
  ): Promise<UpdateOutcome> {
    return this.#run('updateOne', async () => {
      const result = await this.#coll.updateOne(filter as Document, update, {
        upsert: options.upsert ?? false,
        ...timeLimit,
      });
      ensureAcknowledged(result, 'updateOne', this.name);
      const outcome: UpdateOutcome = {
        matched: result.matchedCount,
        modified: result.modifiedCount,
      };
      if (result.upsertedId !== null && result.upsertedId !== undefined)
        outcome.upsertedId = String(result.upsertedId);
      return outcome;
    });
  }

  findOneAndUpdate(filter: Filter, update: Update): Promise<Doc | null> {
    return this.#run(
      'findOneAndUpdate',
      () =>
        this.#coll.findOneAndUpdate(filter as Document, update, {
          returnDocument: 'after',
          ...timeLimit,
        }) as Promise<Doc | null>,
    );
  }

  insertOne(doc: Doc): Promise<void> {
    return this.#run('insertOne', async () => {
      ensureAcknowledged(await this.#coll.insertOne({ ...doc }, timeLimit), 'insertOne', this.name);
    });
  }

  deleteMany(filter: Filter): Promise<number> {
    return this.#run('deleteMany', async () => {
      const result = await this.#coll.deleteMany(filter as Document, timeLimit);
      ensureAcknowledged(result, 'deleteMany', this.name);
      return result.deletedCount;
    });
  }

  countDocuments(filter: Filter = {}): Promise<number> {
    return this.#run('countDocuments', () =>
      this.#coll.countDocuments(filter as Document, timeLimit),
    );
  }

  async createIndex(spec: IndexSpec): Promise<void> {
    await this.#run('createIndex', () =>
      this.#coll.createIndex(spec.key, {
        unique: spec.unique ?? false,
        sparse: spec.sparse ?? false,
        ...(spec.name ? { name: spec.name } : {}),
        ...(spec.expireAfterSeconds !== undefined
          ? { expireAfterSeconds: spec.expireAfterSeconds }
          : {}),
      }),
    );
  }
}
