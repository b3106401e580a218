/**
 * The embedded {@link DocCollection}: MongoDB's query, update and aggregation language
 * run by mingo over the in-memory state, with the same results and errors as the Mongo
 * adapter. Every write runs inside the database's exclusive queue and commits one
 * journal batch.
 */
import { Aggregator } from 'mingo/aggregator';
import { Query } from 'mingo/query';
import { update as applyUpdate } from 'mingo/updater';
import { isEqual } from 'mingo/util';
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
import type { CollectionState } from './collection-state.ts';
import { aggregateColumns } from './columnar-aggregate.ts';
import { ColumnarDocs } from './columnar-docs.ts';
import type { EmbeddedDatabase } from './database.ts';
import { mingoOptions } from './mingo-context.ts';
import { planQuery } from './query-plan.ts';

function isOperatorObject(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).some((k) => k.startsWith('$'))
  );
}

export class EmbeddedCollection implements DocCollection {
  readonly name: string;
  readonly #db: EmbeddedDatabase;
  readonly #state: CollectionState;

  constructor(db: EmbeddedDatabase, name: string) {
    this.name = name;
    this.#db = db;
    this.#state = db.collection(name);
  }

  /** Documents matching the filter, narrowed by an index when one answers part of it. */
  #matching(filter: Filter): Doc[] {
    const plan = planQuery(this.#state, filter);
    const docs = plan ? plan.docs : [...this.#state.docs.values()];
    const residual = plan ? plan.residual : filter;
    if (Object.keys(residual).length === 0) return docs;
    const query = new Query(residual, mingoOptions);
    return docs.filter((doc) => query.test(doc));
  }

  async find(filter: Filter, options: { sort?: SortSpec; limit?: number } = {}): Promise<Doc[]> {
    let cursor = new Query({}, mingoOptions).find<Doc>(this.#matching(filter));
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    // Copies: callers must not be able to change stored documents in place.
    return cursor.all().map((doc) => structuredClone(doc));
  }

  /**
   * Runs the pipeline with the store's mingo context (fast `$group`). A leading `$match`
   * is narrowed by an index; a `$sort` on the index's field right after it is dropped,
   * since the candidates already come in that order. Results may share values with
   * stored documents: repositories build their own objects from them.
   */
  async aggregate(pipeline: Pipeline): Promise<Record<string, unknown>[]> {
    const docs = this.#state.docs;
    if (docs instanceof ColumnarDocs) {
      const direct = aggregateColumns(this.#state, docs, pipeline);
      if (direct) return direct;
    }
    let input: Doc[] = [...this.#state.docs.values()];
    let stages = pipeline;
    const first = pipeline[0];
    if (first && typeof first.$match === 'object' && first.$match !== null) {
      const plan = planQuery(this.#state, first.$match as Filter);
      if (plan) {
        input = plan.docs;
        stages = pipeline.slice(1);
        const next = stages[0]?.$sort as SortSpec | undefined;
        const keys = next ? Object.keys(next) : [];
        if (next && keys.length === 1 && keys[0] === plan.field && next[plan.field] === 1) {
          stages = stages.slice(1);
        }
        if (Object.keys(plan.residual).length > 0) stages = [{ $match: plan.residual }, ...stages];
      }
    }
    return new Aggregator(stages, mingoOptions).run(input);
  }

  upsertMany(docs: Doc[]): Promise<UpsertCounts> {
    return this.#db.exclusive(async () => {
      const staging = this.#state.stage();
      const counts = { inserted: 0, updated: 0, unchanged: 0 };
      for (const doc of docs) {
        const old = staging.current(doc._id);
        if (old && isEqual(old, doc)) {
          counts.unchanged++;
          continue;
        }
        staging.replace(doc, old);
        if (old) counts.updated++;
        else counts.inserted++;
      }
      await this.#db.commit(this.name, staging.ops);
      return counts;
    });
  }

  /** The updated copy of `doc`, or null when the update changes nothing. */
  #updated(doc: Doc, update: Update): Doc | null {
    const copy = structuredClone(doc);
    let changed: string[];
    try {
      changed = applyUpdate(copy, update, undefined, undefined, { queryOptions: mingoOptions });
    } catch (error) {
      throw new StoreError(`invalid update for '${this.name}': ${(error as Error).message}`, error);
    }
    if (copy._id !== doc._id)
      throw new StoreError(`an update may not change _id in '${this.name}'`);
    return changed.length > 0 ? copy : null;
  }

  updateOne(
    filter: Filter,
    update: Update,
    options: { upsert?: boolean } = {},
  ): Promise<UpdateOutcome> {
    return this.#db.exclusive(async () => {
      const staging = this.#state.stage();
      const found = this.#matching(filter)[0];
      if (found) {
        const next = this.#updated(found, update);
        if (!next) return { matched: 1, modified: 0 };
        staging.put(next);
        await this.#db.commit(this.name, staging.ops);
        return { matched: 1, modified: 1 };
      }
      if (!options.upsert) return { matched: 0, modified: 0 };
      // Like MongoDB: the new document starts from the filter's equality fields.
      const base: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(filter)) {
        if (!key.startsWith('$') && !isOperatorObject(value)) base[key] = value;
      }
      const doc = (this.#updated(base as Doc, update) ?? base) as Doc;
      if (typeof doc._id !== 'string') {
        throw new StoreError(`an upsert into '${this.name}' needs a string _id in its filter`);
      }
      if (this.#state.docs.has(doc._id))
        throw new DuplicateKeyError(this.name, `_id: ${JSON.stringify(doc._id)}`);
      staging.put(doc);
      await this.#db.commit(this.name, staging.ops);
      return { matched: 0, modified: 0, upsertedId: doc._id };
    });
  }

  findOneAndUpdate(filter: Filter, update: Update): Promise<Doc | null> {
    return this.#db.exclusive(async () => {
      const found = this.#matching(filter)[0];
      if (!found) return null;
      const next = this.#updated(found, update);
      if (!next) return structuredClone(found);
      const staging = this.#state.stage();
      staging.put(next);
      await this.#db.commit(this.name, staging.ops);
      return structuredClone(next);
    });
  }

  insertOne(doc: Doc): Promise<void> {
    return this.#db.exclusive(async () => {
      if (this.#state.docs.has(doc._id))
        throw new DuplicateKeyError(this.name, `_id: ${JSON.stringify(doc._id)}`);
      const staging = this.#state.stage();
      staging.put(structuredClone(doc));
      await this.#db.commit(this.name, staging.ops);
    });
  }

  deleteMany(filter: Filter): Promise<number> {
    return this.#db.exclusive(async () => {
      const staging = this.#state.stage();
      for (const doc of this.#matching(filter)) staging.delete(doc._id);
      await this.#db.commit(this.name, staging.ops);
      return staging.ops.length;
    });
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    if (Object.keys(filter).length === 0) return this.#state.docs.size;
    return this.#matching(filter).length;
  }

  async createIndex(spec: IndexSpec): Promise<void> {
    await this.#db.exclusive(() => this.#state.addIndex(spec));
  }
}
