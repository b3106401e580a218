/**
 * A test double for the MongoDB driver: a `MongoClient`-shaped object whose databases and
 * collections live in memory and run MongoDB's query, update and aggregation language
 * through mingo. It implements exactly the part of the driver API the Mongo repositories
 * call (src/store/mongo/), so the Mongo code path runs in CI without a server.
 *
 * What it copies from the real driver and server, because the repositories depend on it:
 * - documents go in and out through a BSON-like copy: `undefined` becomes `null` (the
 *   driver's default `ignoreUndefined: false`), so `{ field: undefined }` in a filter
 *   matches documents lacking the field, as on a server;
 * - unique indexes (and `_id`) are enforced; a violation is a `MongoServerError` with
 *   code 11000, or a `MongoBulkWriteError` whose `writeErrors[0].code` is 11000, and an
 *   ordered bulk write keeps the operations before the failing one;
 * - `upsert` inserts a document built from the filter's equality fields plus the update;
 * - transactions exist only when `hello` says replica set or mongos; on a standalone
 *   `withTransaction` fails as the server does (code 20, IllegalOperation);
 * - `withTransaction` undoes the session's writes when its callback throws.
 *
 * What it does not do: persistence, concurrency control between sessions (a rollback
 * restores the collections the transaction wrote as they were before it, losing any
 * write another caller made to them meanwhile), time limits (`maxTimeMS` is recorded,
 * never enforced), or TTL expiry on its own (call {@link CollectionDouble.expireTtl}).
 * Every call is recorded in {@link MongoDouble.calls} so tests can check what was asked.
 */
import { Aggregator, update as applyUpdate, Query } from 'mingo';
import type { Document, MongoClient } from 'mongodb';
import { MongoBulkWriteError, MongoServerError } from 'mongodb';

export type Topology = 'replicaSet' | 'standalone' | 'sharded';

export interface RecordedCall {
  collection: string;
  op: string;
  filter?: Document;
  pipeline?: Document[];
  options: Document;
}

type Doc = Document & { _id?: unknown };

interface IndexInfo {
  name: string;
  key: Record<string, 1 | -1>;
  unique: boolean;
  sparse: boolean;
  expireAfterSeconds?: number;
}

/** The BSON round trip: a deep copy where `undefined` becomes `null` (Dates kept as Dates). */
function bson<T>(value: T): T {
  if (value === undefined) return null as T;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return value;
  if (Array.isArray(value)) return value.map((v) => bson(v)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = bson(v);
  return out as T;
}

function fieldValue(doc: Doc, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function keyOf(values: unknown[]): string {
  return JSON.stringify(values.map((v) => (v instanceof Date ? { $date: v.getTime() } : v)));
}

/** Top-level equality fields of a filter: what an upsert copies into the new document. */
function equalityFields(filter: Document): Doc {
  const doc: Doc = {};
  for (const [field, cond] of Object.entries(filter)) {
    if (field.startsWith('$')) continue;
    const isOperator =
      cond !== null &&
      typeof cond === 'object' &&
      !Array.isArray(cond) &&
      !(cond instanceof Date) &&
      Object.keys(cond).some((k) => k.startsWith('$'));
    if (!isOperator) doc[field] = cond;
    else if ('$eq' in (cond as Document)) doc[field] = (cond as Document).$eq;
  }
  return doc;
}

function isReplacement(update: Document): boolean {
  return !Object.keys(update).some((k) => k.startsWith('$'));
}

/** The driver's shape of a duplicate-key error for a single-document write. */
function duplicateKeyError(ns: string, index: IndexInfo, doc: Doc): MongoServerError {
  const keyValue: Document = {};
  for (const field of Object.keys(index.key)) keyValue[field] = fieldValue(doc, field) ?? null;
  return new MongoServerError({
    message: `E11000 duplicate key error collection: ${ns} index: ${index.name} dup key: ${JSON.stringify(keyValue)}`,
    code: 11000,
    keyPattern: { ...index.key },
    keyValue,
  });
}

interface Session {
  inTransaction: boolean;
  /** Collections written in the open transaction, with their documents before it. */
  undo: Map<CollectionDouble, Doc[]>;
}

export class CollectionDouble {
  readonly collectionName: string;
  readonly #db: DbDouble;
  /** Stored documents; a write replaces a document object, never changes one in place. */
  #docs: Doc[] = [];
  readonly #indexes: IndexInfo[] = [{ name: '_id_', key: { _id: 1 }, unique: true, sparse: false }];

  constructor(db: DbDouble, name: string) {
    this.#db = db;
    this.collectionName = name;
  }

  get #ns(): string {
    return `${this.#db.databaseName}.${this.collectionName}`;
  }

  #record(op: string, options: Document | undefined, extra: Partial<RecordedCall> = {}): void {
    const { session: _session, ...rest } = options ?? {};
    this.#db.client.calls.push({ collection: this.collectionName, op, options: rest, ...extra });
  }

  /** Remembers the documents before the first write of an open transaction. */
  #touch(options: Document | undefined): void {
    const session = options?.session as SessionDouble | undefined;
    if (!session?.state.inTransaction) return;
    if (!session.state.undo.has(this)) session.state.undo.set(this, [...this.#docs]);
  }

  /** @internal rollback */
  restore(docs: Doc[]): void {
    this.#docs = docs;
  }

  #matching(filter: Document): Doc[] {
    const query = new Query(bson(filter));
    return this.#docs.filter((doc) => query.test(doc));
  }

  /** The unique index `doc` would break if stored at `position` (-1: new), or null. */
  #violation(doc: Doc, position: number): IndexInfo | null {
    for (const index of this.#indexes) {
      if (!index.unique) continue;
      const fields = Object.keys(index.key);
      const values = fields.map((f) => fieldValue(doc, f));
      if (index.sparse && values.every((v) => v === undefined)) continue;
      const key = keyOf(values.map((v) => v ?? null));
      const clash = this.#docs.some((other, i) => {
        if (i === position) return false;
        const otherValues = fields.map((f) => fieldValue(other, f));
        if (index.sparse && otherValues.every((v) => v === undefined)) return false;
        return keyOf(otherValues.map((v) => v ?? null)) === key;
      });
      if (clash) return index;
    }
    return null;
  }

  #insert(doc: Doc): void {
    const stored = bson(doc);
    if (stored._id === undefined || stored._id === null) {
      // The driver adds an ObjectId; a string does for the double.
      stored._id = `oid-${this.#db.client.nextId++}`;
      doc._id = stored._id;
    }
    const broken = this.#violation(stored, -1);
    if (broken) throw duplicateKeyError(this.#ns, broken, stored);
    this.#docs.push(stored);
  }

  /** Applies an update (operators or a replacement) to the stored document at `i`. */
  #updateAt(i: number, update: Document): boolean {
    const before = this.#docs[i] as Doc;
    let after: Doc;
    if (isReplacement(update)) {
      after = { ...bson(update), _id: before._id };
    } else {
      after = bson(before);
      applyUpdate(after, bson(update));
    }
    if (keyOf([after]) === keyOf([before])) return false;
    const broken = this.#violation(after, i);
    if (broken) throw duplicateKeyError(this.#ns, broken, after);
    this.#docs[i] = after;
    return true;
  }

  #upsert(filter: Document, update: Document): unknown {
    let doc: Doc;
    if (isReplacement(update)) {
      doc = { ...bson(update) };
      const fromFilter = equalityFields(filter)._id;
      if (doc._id === undefined && fromFilter !== undefined) doc._id = fromFilter;
    } else {
      doc = bson(equalityFields(filter));
      applyUpdate(doc, bson(update));
    }
    this.#insert(doc);
    return doc._id;
  }

  #updateOne(filter: Document, update: Document, upsert: boolean) {
    const target = this.#matching(filter)[0];
    if (target) {
      const modified = this.#updateAt(this.#docs.indexOf(target), update);
      return { matchedCount: 1, modifiedCount: modified ? 1 : 0, upsertedId: null };
    }
    if (!upsert) return { matchedCount: 0, modifiedCount: 0, upsertedId: null };
    return { matchedCount: 0, modifiedCount: 0, upsertedId: this.#upsert(filter, update) };
  }

  find(filter: Document = {}, options: Document = {}): CursorDouble {
    this.#record('find', options, { filter });
    return new CursorDouble(() => this.#matching(filter), options);
  }

  async findOne(filter: Document = {}, options: Document = {}): Promise<Doc | null> {
    this.#record('findOne', options, { filter });
    const [doc] = new CursorDouble(() => this.#matching(filter), { ...options, limit: 1 }).all();
    return doc ?? null;
  }

  aggregate(pipeline: Document[], options: Document = {}): CursorDouble {
    this.#record('aggregate', options, { pipeline });
    return new CursorDouble(
      () => new Aggregator(bson(pipeline)).run(this.#docs.map((d) => bson(d))) as Doc[],
      {},
    );
  }

  async countDocuments(filter: Document = {}, options: Document = {}): Promise<number> {
    this.#record('countDocuments', options, { filter });
    return this.#matching(filter).length;
  }

  async insertOne(doc: Doc, options: Document = {}) {
    this.#record('insertOne', options);
    this.#touch(options);
    this.#insert(doc);
    return { acknowledged: true, insertedId: doc._id };
  }

  async insertMany(docs: Doc[], options: Document = {}) {
    this.#record('insertMany', options);
    return this.#bulk(
      docs.map((document) => ({ insertOne: { document } })),
      options,
    ).then((r) => ({ acknowledged: true, insertedCount: r.insertedCount }));
  }

  async updateOne(filter: Document, update: Document, options: Document = {}) {
    this.#record('updateOne', options, { filter });
    this.#touch(options);
    const r = this.#updateOne(filter, update, Boolean(options.upsert));
    return { acknowledged: true, upsertedCount: r.upsertedId === null ? 0 : 1, ...r };
  }

  async updateMany(filter: Document, update: Document, options: Document = {}) {
    this.#record('updateMany', options, { filter });
    this.#touch(options);
    const targets = this.#matching(filter);
    let modified = 0;
    for (const doc of targets) if (this.#updateAt(this.#docs.indexOf(doc), update)) modified++;
    let upsertedId: unknown = null;
    if (targets.length === 0 && options.upsert) upsertedId = this.#upsert(filter, update);
    return {
      acknowledged: true,
      matchedCount: targets.length,
      modifiedCount: modified,
      upsertedCount: upsertedId === null ? 0 : 1,
      upsertedId,
    };
  }

  async findOneAndUpdate(filter: Document, update: Document, options: Document = {}) {
    this.#record('findOneAndUpdate', options, { filter });
    this.#touch(options);
    const target = this.#matching(filter)[0];
    if (!target) {
      if (!options.upsert) return null;
      const id = this.#upsert(filter, update);
      return bson(this.#docs.find((d) => d._id === id) ?? null);
    }
    const i = this.#docs.indexOf(target);
    this.#updateAt(i, update);
    return bson(options.returnDocument === 'after' ? (this.#docs[i] as Doc) : target);
  }

  async deleteMany(filter: Document = {}, options: Document = {}) {
    this.#record('deleteMany', options, { filter });
    this.#touch(options);
    const gone = new Set(this.#matching(filter));
    this.#docs = this.#docs.filter((d) => !gone.has(d));
    return { acknowledged: true, deletedCount: gone.size };
  }

  async bulkWrite(ops: Document[], options: Document = {}) {
    this.#record('bulkWrite', options);
    return this.#bulk(ops, options);
  }

  /** Ordered: stops at the first error, keeping what came before it (outside a transaction). */
  async #bulk(ops: Document[], options: Document) {
    if (options.ordered === false) throw new Error('mongo double: only ordered bulk writes');
    this.#touch(options);
    const result = {
      insertedCount: 0,
      matchedCount: 0,
      modifiedCount: 0,
      deletedCount: 0,
      upsertedCount: 0,
      upsertedIds: {} as Record<number, unknown>,
      insertedIds: {} as Record<number, unknown>,
      isOk: () => true,
    };
    for (const [index, op] of ops.entries()) {
      try {
        if (op.insertOne) {
          this.#insert(op.insertOne.document);
          result.insertedIds[index] = op.insertOne.document._id;
          result.insertedCount++;
        } else if (op.replaceOne || op.updateOne) {
          const spec = op.replaceOne ?? op.updateOne;
          const r = this.#updateOne(
            spec.filter,
            op.replaceOne ? spec.replacement : spec.update,
            Boolean(spec.upsert),
          );
          result.matchedCount += r.matchedCount;
          result.modifiedCount += r.modifiedCount;
          if (r.upsertedId !== null) {
            result.upsertedCount++;
            result.upsertedIds[index] = r.upsertedId;
          }
        } else {
          throw new Error(`mongo double: bulk operation ${Object.keys(op)[0]} not supported`);
        }
      } catch (error) {
        if (!(error instanceof MongoServerError)) throw error;
        const writeError = {
          index,
          code: error.code,
          errmsg: error.message,
          errInfo: undefined,
          op,
        };
        throw new MongoBulkWriteError(
          { message: error.message, code: error.code, writeErrors: [writeError] } as never,
          result as never,
        );
      }
    }
    return result;
  }

  async createIndex(key: Record<string, 1 | -1>, options: Document = {}): Promise<string> {
    this.#record('createIndex', options);
    const name =
      (options.name as string | undefined) ??
      Object.entries(key)
        .map(([f, d]) => `${f}_${d}`)
        .join('_');
    const existing = this.#indexes.find((i) => i.name === name);
    const info: IndexInfo = {
      name,
      key: { ...key },
      unique: Boolean(options.unique),
      sparse: Boolean(options.sparse),
      ...(options.expireAfterSeconds !== undefined
        ? { expireAfterSeconds: Number(options.expireAfterSeconds) }
        : {}),
    };
    if (existing) {
      if (JSON.stringify(existing) !== JSON.stringify(info)) {
        throw new MongoServerError({
          message: `An existing index has the same name as the requested index: ${name}`,
          code: 86,
          codeName: 'IndexKeySpecsConflict',
        });
      }
      return name;
    }
    // The server refuses a unique index the stored documents already break.
    this.#indexes.push(info);
    for (const [i, doc] of this.#docs.entries()) {
      if (this.#violation(doc, i)) {
        this.#indexes.pop();
        throw duplicateKeyError(this.#ns, info, doc);
      }
    }
    return name;
  }

  async createIndexes(specs: { key: Record<string, 1 | -1>; name?: string }[]) {
    const names: string[] = [];
    for (const { key, ...options } of specs) names.push(await this.createIndex(key, options));
    return names;
  }

  /** The indexes, as `listIndexes` would name them. */
  indexInformation(): IndexInfo[] {
    return this.#indexes.map((i) => ({ ...i, key: { ...i.key } }));
  }

  /**
   * One pass of the server's TTL monitor at `now`: removes documents whose date field
   * under a TTL index is at least `expireAfterSeconds` old. Returns how many it removed.
   */
  expireTtl(now: Date): number {
    const before = this.#docs.length;
    for (const index of this.#indexes) {
      if (index.expireAfterSeconds === undefined) continue;
      const field = Object.keys(index.key)[0] as string;
      const limit = now.getTime() - index.expireAfterSeconds * 1000;
      this.#docs = this.#docs.filter((doc) => {
        const value = fieldValue(doc, field);
        return !(value instanceof Date && value.getTime() <= limit);
      });
    }
    return before - this.#docs.length;
  }
}

export class CursorDouble {
  readonly #source: () => Doc[];
  #sort?: Document;
  #limit?: number;
  #skip?: number;
  #projection?: Document;

  constructor(source: () => Doc[], options: Document) {
    this.#source = source;
    if (options.sort) this.#sort = options.sort;
    if (options.limit) this.#limit = options.limit;
    if (options.skip) this.#skip = options.skip;
    if (options.projection) this.#projection = options.projection;
  }

  sort(spec: Document): this {
    this.#sort = spec;
    return this;
  }
  limit(n: number): this {
    // As in the driver, 0 means no limit.
    this.#limit = n === 0 ? undefined : n;
    return this;
  }
  skip(n: number): this {
    this.#skip = n;
    return this;
  }
  project(spec: Document): this {
    this.#projection = spec;
    return this;
  }
  maxTimeMS(_ms: number): this {
    return this;
  }

  all(): Doc[] {
    let cursor = new Query({}).find<Doc>(this.#source(), this.#projection);
    if (this.#sort) cursor = cursor.sort(this.#sort as Record<string, 1 | -1>);
    if (this.#skip) cursor = cursor.skip(this.#skip);
    if (this.#limit !== undefined) cursor = cursor.limit(this.#limit);
    return cursor.all().map((doc) => bson(doc));
  }

  async toArray(): Promise<Doc[]> {
    return this.all();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Doc> {
    for (const doc of this.all()) yield doc;
  }
}

export class SessionDouble {
  readonly state: Session = { inTransaction: false, undo: new Map() };
  readonly #client: MongoDouble;
  ended = false;
  /** The options of the last `withTransaction` call. */
  transactionOptions: Document = {};

  constructor(client: MongoDouble) {
    this.#client = client;
  }

  async withTransaction<T>(fn: () => Promise<T>, options: Document = {}): Promise<T> {
    this.transactionOptions = options;
    if (!this.#client.transactions) {
      throw new MongoServerError({
        message: 'Transaction numbers are only allowed on a replica set member or mongos',
        code: 20,
        codeName: 'IllegalOperation',
      });
    }
    this.state.inTransaction = true;
    this.state.undo = new Map();
    try {
      const result = await fn();
      this.#client.commits++;
      return result;
    } catch (error) {
      for (const [coll, docs] of this.state.undo) coll.restore(docs);
      this.#client.aborts++;
      throw error;
    } finally {
      this.state.inTransaction = false;
      this.state.undo = new Map();
    }
  }

  async endSession(): Promise<void> {
    this.ended = true;
  }
}

export class DbDouble {
  readonly databaseName: string;
  readonly client: MongoDouble;
  readonly #collections = new Map<string, CollectionDouble>();

  constructor(client: MongoDouble, name: string) {
    this.client = client;
    this.databaseName = name;
  }

  collection(name: string): CollectionDouble {
    let coll = this.#collections.get(name);
    if (!coll) {
      coll = new CollectionDouble(this, name);
      this.#collections.set(name, coll);
    }
    return coll;
  }

  admin(): { command(cmd: Document): Promise<Document> } {
    return { command: (cmd) => this.command(cmd) };
  }

  async command(cmd: Document): Promise<Document> {
    if (cmd.hello || cmd.isMaster || cmd.ismaster) {
      if (this.client.helloError) throw this.client.helloError;
      return this.client.hello();
    }
    if (cmd.ping) return { ok: 1 };
    throw new MongoServerError({ message: `no such command: '${Object.keys(cmd)[0]}'`, code: 59 });
  }

  async dropDatabase(): Promise<boolean> {
    this.#collections.clear();
    return true;
  }
}

/** A `MongoClient` stand-in; {@link asClient} gives it the driver's type for the code under test. */
export class MongoDouble {
  readonly topology: Topology;
  readonly calls: RecordedCall[] = [];
  readonly sessions: SessionDouble[] = [];
  commits = 0;
  aborts = 0;
  nextId = 1;
  closed = false;
  /** When set, the `hello` command fails with it (a server that answers badly at start-up). */
  helloError?: Error;
  readonly #dbs = new Map<string, DbDouble>();

  constructor(options: { topology?: Topology } = {}) {
    this.topology = options.topology ?? 'replicaSet';
  }

  get transactions(): boolean {
    return this.topology !== 'standalone';
  }

  /** The `hello` answer of a replica-set primary, a mongos, or a standalone server. */
  hello(): Document {
    const base = { isWritablePrimary: true, maxWireVersion: 25, ok: 1 };
    if (this.topology === 'replicaSet')
      return { ...base, setName: 'rs0', hosts: ['localhost:27017'] };
    if (this.topology === 'sharded') return { ...base, msg: 'isdbgrid' };
    return base;
  }

  async connect(): Promise<this> {
    return this;
  }

  db(name = 'test'): DbDouble {
    let db = this.#dbs.get(name);
    if (!db) {
      db = new DbDouble(this, name);
      this.#dbs.set(name, db);
    }
    return db;
  }

  startSession(): SessionDouble {
    const session = new SessionDouble(this);
    this.sessions.push(session);
    return session;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** This double typed as the driver's client, for code that takes a `MongoClient`. */
  asClient(): MongoClient {
    return this as unknown as MongoClient;
  }
}
