/**
 * Collects valid records and stores them in batches (each batch atomic in the store),
 * adding up inserted / updated / unchanged. A record whose natural key is already in
 * the pending batch flushes the batch first, so a file that repeats a key behaves
 * exactly as if its rows were stored one by one: the later row wins.
 *
 * One batch may be in the store while the next one fills: reading and validating go on
 * while the store waits on its disk, which on a million-row import is the difference
 * between the two costs adding up and overlapping. Batches still reach the store one at
 * a time and in order (a batch starts only when the one before it has finished), so at
 * most two batches are held in memory.
 *
 * The natural key may be given in two parts, `groupOf` and `keyOf` (agent-days: date,
 * then agent): the batch then keeps one set of keys per group, which saves building a
 * joined key string per record on million-row files.
 */
import type { UpsertResult } from '../store/types.ts';

export interface BatchWriter<T> {
  /**
   * Returns a promise only when reading must wait (the store still holds the batch
   * before); await it before reading on. A failed store call is thrown here or by flush.
   */
  add(record: T): Promise<void> | undefined;
  /** Stores what is pending and waits until every batch is stored. */
  flush(): Promise<void>;
  readonly totals: UpsertResult;
}

export function createBatchWriter<T>(args: {
  upsert: (records: T[]) => Promise<UpsertResult>;
  /** The natural key, or its second part when groupOf is given. */
  keyOf: (record: T) => string;
  /** The natural key's first part, when it has two. */
  groupOf?: (record: T) => string;
  size: number;
  /** Called after each stored batch (progress, known ids). */
  onStored?: (records: T[]) => void;
}): BatchWriter<T> {
  if (!Number.isInteger(args.size) || args.size < 1) {
    throw new Error(`createBatchWriter requires a batch size of 1 or more, got ${args.size}`);
  }
  const { keyOf, groupOf, size } = args;
  const totals: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
  let batch: T[] = [];
  /** group → keys of the pending batch (one group, '', without groupOf). */
  let groups = new Map<string, Set<string>>();
  /** Batches handed to the store and not yet finished; `tail` settles after the last. */
  let inStore = 0;
  let tail: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | null = null;

  const keysOf = (group: string): Set<string> => {
    let keys = groups.get(group);
    if (keys === undefined) {
      keys = new Set();
      groups.set(group, keys);
    }
    return keys;
  };

  const throwFailure = () => {
    if (failure !== null) throw failure.error;
  };

  /**
   * Queues the pending batch for the store (after the batches before it). Returns a
   * promise when another batch was already in the store: it settles once that one is
   * stored, so at most two batches are ever held.
   */
  const send = (): Promise<void> | undefined => {
    throwFailure();
    if (batch.length === 0) return undefined;
    const records = batch;
    batch = [];
    groups = new Map();
    const before = inStore > 0 ? tail : null;
    inStore++;
    // Never rejects: a failure is kept and thrown by the next add or flush.
    tail = tail.then(async () => {
      try {
        if (failure !== null) return;
        const result = await args.upsert(records);
        totals.inserted += result.inserted;
        totals.updated += result.updated;
        totals.unchanged += result.unchanged;
        args.onStored?.(records);
      } catch (error) {
        failure = { error };
      } finally {
        inStore--;
      }
    });
    return before === null ? undefined : before.then(throwFailure);
  };

  return {
    totals,
    async flush() {
      // Its failure, if any, is thrown below once every batch has settled.
      send()?.catch(() => undefined);
      await tail;
      throwFailure();
    },
    add(record) {
      throwFailure();
      const group = groupOf === undefined ? '' : groupOf(record);
      const key = keyOf(record);
      const keys = keysOf(group);
      if (keys.has(key)) {
        const sent = send();
        batch.push(record);
        keysOf(group).add(key);
        return sent;
      }
      batch.push(record);
      keys.add(key);
      return batch.length >= size ? send() : undefined;
    },
  };
}
