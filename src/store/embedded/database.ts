/**
 * The embedded database: a folder holding `snapshot.jsonl` and `journal.log`, loaded
 * into memory on open. Writes are serialised through one queue; each batch is appended
 * to the journal and fsync'd, then applied to memory, so a write that resolved survives
 * kill -9 and one that did not is wholly absent after a crash. The journal is folded
 * into a new snapshot when it outgrows the snapshot (and on close).
 */
import { existsSync, mkdirSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { StoreError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import type { Doc } from '../collection.ts';
import { CollectionState } from './collection-state.ts';
import { ColumnarDocs } from './columnar-docs.ts';
import { encodeBatch, type Op, scanJournal } from './journal.ts';
import { lockFolder } from './lock.ts';
import { fsyncDir, readSnapshot, writeSnapshot } from './snapshot.ts';

export const SNAPSHOT_FILE = 'snapshot.jsonl';
export const JOURNAL_FILE = 'journal.log';
/** Compact once the journal is larger than this and larger than the snapshot. */
const MIN_COMPACT_BYTES = 64 * 1024 * 1024;

export class EmbeddedDatabase {
  readonly dir: string;
  readonly collections = new Map<string, CollectionState>();
  readonly #logger: Logger | undefined;
  readonly #columnar: ReadonlySet<string>;
  #journal: FileHandle;
  #journalBytes: number;
  #snapshotBytes: number;
  #seq: number;
  #queue: Promise<unknown> = Promise.resolve();
  #release: () => void;
  #broken: Error | null = null;
  #closed = false;

  private constructor(
    dir: string,
    journal: FileHandle,
    state: { seq: number; journalBytes: number; snapshotBytes: number },
    release: () => void,
    columnar: ReadonlySet<string>,
    logger?: Logger,
  ) {
    this.dir = dir;
    this.#columnar = columnar;
    this.#journal = journal;
    this.#seq = state.seq;
    this.#journalBytes = state.journalBytes;
    this.#snapshotBytes = state.snapshotBytes;
    this.#release = release;
    this.#logger = logger;
  }

  /**
   * Opens (creating if needed) the folder: takes its lock, loads the snapshot, replays
   * the journal and truncates a torn last line.
   * @throws StoreLockedError when another process has the folder open.
   * @throws StoreError when the files are damaged beyond a torn tail.
   */
  static async open(
    dirArg: string,
    options: {
      logger?: Logger;
      /** Collections kept column-wise (columnar-docs.ts): the ones with a row per agent-day. */
      columnar?: Iterable<string>;
    } = {},
  ): Promise<EmbeddedDatabase> {
    const columnar = new Set(options.columnar ?? []);
    const dir = resolve(dirArg);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new StoreError(
        `cannot create the data folder ${dir}: ${(error as Error).message}`,
        error,
      );
    }
    const release = lockFolder(dir);
    try {
      const collections = new Map<string, CollectionState>();
      const stateOf = (name: string) => {
        let state = collections.get(name);
        if (!state) {
          state = new CollectionState(name, { columnar: columnar.has(name) });
          collections.set(name, state);
        }
        return state;
      };
      const snapshotPath = join(dir, SNAPSHOT_FILE);
      let seq = 0;
      let snapshotBytes = 0;
      if (existsSync(snapshotPath)) {
        const snapshot = readSnapshot(snapshotPath);
        seq = snapshot.seq;
        for (const [name, docs] of snapshot.collections) {
          const state = stateOf(name);
          if (docs instanceof ColumnarDocs && state.docs instanceof ColumnarDocs) state.load(docs);
          else for (const doc of docs.values()) state.docs.set(doc._id, doc);
        }
        snapshotBytes = statSync(snapshotPath).size;
      }
      const journalPath = join(dir, JOURNAL_FILE);
      let journalBytes = 0;
      if (existsSync(journalPath)) {
        const bytes = readFileSync(journalPath);
        const scan = scanJournal(bytes, journalPath);
        for (const batch of scan.batches) {
          if (batch.seq <= seq) continue; // already in the snapshot
          const state = stateOf(batch.c);
          for (const op of batch.o) state.apply(op);
          seq = batch.seq;
        }
        if (scan.validBytes < bytes.length) {
          options.logger?.warn(
            { file: journalPath, dropped: bytes.length - scan.validBytes },
            'dropping the torn last journal line (a write interrupted by a crash; it was never acknowledged)',
          );
          truncateSync(journalPath, scan.validBytes);
        }
        journalBytes = scan.validBytes;
      }
      const journal = await open(journalPath, 'a');
      await journal.sync();
      fsyncDir(dir);
      const db = new EmbeddedDatabase(
        dir,
        journal,
        { seq, journalBytes, snapshotBytes },
        release,
        columnar,
        options.logger,
      );
      for (const [name, state] of collections) db.collections.set(name, state);
      return db;
    } catch (error) {
      release();
      throw error;
    }
  }

  collection(name: string): CollectionState {
    let state = this.collections.get(name);
    if (!state) {
      state = new CollectionState(name, { columnar: this.#columnar.has(name) });
      this.collections.set(name, state);
    }
    return state;
  }

  /**
   * Runs `fn` alone among writers: reads it makes and the batch it commits see no
   * interleaved write, which is what makes claims and leases atomic in this process.
   */
  exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.#queue.then(() => {
      if (this.#closed) throw new StoreError(`the embedded store at ${this.dir} is closed`);
      if (this.#broken) throw this.#broken;
      return fn();
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Journals one batch (fsync'd), then applies it. Call only inside {@link exclusive}. */
  async commit(collection: string, ops: Op[]): Promise<void> {
    if (ops.length === 0) return;
    const seq = this.#seq + 1;
    const line = encodeBatch({ seq, c: collection, o: ops });
    try {
      await this.#journal.write(line);
      await this.#journal.datasync();
    } catch (error) {
      await this.#rollBack(error);
      throw new StoreError(
        `could not write to the journal ${join(this.dir, JOURNAL_FILE)}: ${(error as Error).message}`,
        error,
      );
    }
    this.#seq = seq;
    this.#journalBytes += line.length;
    const state = this.collection(collection);
    for (const op of ops) state.apply(op);
    if (this.#journalBytes > MIN_COMPACT_BYTES && this.#journalBytes > this.#snapshotBytes) {
      await this.#compactNow();
    }
  }

  /** Cuts a partly written line off, so the next batch does not follow garbage. */
  async #rollBack(cause: unknown): Promise<void> {
    try {
      await this.#journal.truncate(this.#journalBytes);
      await this.#journal.sync();
    } catch {
      this.#broken = new StoreError(
        `the journal ${join(this.dir, JOURNAL_FILE)} could not be repaired after a failed write; reopen the store`,
        cause,
      );
    }
  }

  /** Folds the journal into a new snapshot. */
  compact(): Promise<void> {
    return this.exclusive(() => this.#compactNow());
  }

  async #compactNow(): Promise<void> {
    const path = join(this.dir, SNAPSHOT_FILE);
    const all = new Map<string, Iterable<Doc> | ColumnarDocs>();
    for (const [name, state] of this.collections) {
      all.set(name, state.docs instanceof ColumnarDocs ? state.docs : state.docs.values());
    }
    try {
      writeSnapshot(path, this.dir, this.#seq, all);
    } catch (error) {
      throw new StoreError(
        `could not write the snapshot ${path}: ${(error as Error).message}`,
        error,
      );
    }
    // A crash here leaves journal batches the snapshot already holds; their seq ≤ the
    // snapshot's seq, so replay skips them.
    await this.#journal.truncate(0);
    await this.#journal.sync();
    this.#journalBytes = 0;
    this.#snapshotBytes = statSync(path).size;
    this.#logger?.debug({ dir: this.dir, seq: this.#seq }, 'embedded store compacted');
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    await this.exclusive(async () => {
      if (this.#journalBytes > 0 && !this.#broken) await this.#compactNow();
      await this.#journal.close();
      this.#closed = true;
    });
    this.#release();
  }
}
