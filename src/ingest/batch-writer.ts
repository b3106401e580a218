/**
 * Collects valid records and stores them in batches (each batch atomic in the store),
 * adding up inserted / updated / unchanged. A record whose natural key is already in
 * the pending batch flushes the batch first, so a file that repeats a key behaves
 * exactly as if its rows were stored one by one: the later row wins.
 */
import type { UpsertResult } from '../store/types.ts';

export interface BatchWriter<T> {
  /** Returns a promise only when the batch had to be stored; await it before reading on. */
  add(record: T): Promise<void> | undefined;
  flush(): Promise<void>;
  readonly totals: UpsertResult;
}

export function createBatchWriter<T>(args: {
  upsert: (records: T[]) => Promise<UpsertResult>;
  keyOf: (record: T) => string;
  size: number;
  /** Called after each stored batch (progress, known ids). */
  onStored?: (records: T[]) => void;
}): BatchWriter<T> {
  if (!Number.isInteger(args.size) || args.size < 1) {
    throw new Error(`createBatchWriter requires a batch size of 1 or more, got ${args.size}`);
  }
  const totals: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
  let batch: T[] = [];
  let keys = new Set<string>();

  const flush = async () => {
    if (batch.length === 0) return;
    const records = batch;
    batch = [];
    keys = new Set();
    const result = await args.upsert(records);
    totals.inserted += result.inserted;
    totals.updated += result.updated;
    totals.unchanged += result.unchanged;
    args.onStored?.(records);
  };

  return {
    totals,
    flush,
    add(record) {
      const key = args.keyOf(record);
      if (keys.has(key)) {
        return flush().then(() => {
          batch.push(record);
          keys.add(key);
        });
      }
      batch.push(record);
      keys.add(key);
      return batch.length >= args.size ? flush() : undefined;
    },
  };
}
