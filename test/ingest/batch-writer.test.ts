/** Batching: full batches stored as they fill, and a repeated key flushes first. */
import { describe, expect, it } from 'vitest';
import { createBatchWriter } from '../../src/ingest/batch-writer.ts';

describe('createBatchWriter', () => {
  it('stores a batch when it fills, the rest on flush, and adds up the counts', async () => {
    const calls: string[][] = [];
    const writer = createBatchWriter<string>({
      upsert: async (records) => {
        calls.push(records);
        return { inserted: records.length, updated: 0, unchanged: 0 };
      },
      keyOf: (r) => r,
      size: 2,
    });
    for (const r of ['a', 'b', 'c']) await writer.add(r);
    await writer.flush();
    expect(calls).toEqual([['a', 'b'], ['c']]);
    expect(writer.totals).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
  });

  it('stores the pending batch before taking a key it already holds', async () => {
    const calls: string[][] = [];
    const writer = createBatchWriter<string>({
      upsert: async (records) => {
        calls.push(records);
        return { inserted: records.length, updated: 0, unchanged: 0 };
      },
      keyOf: (r) => r.slice(0, 1),
      size: 10,
    });
    for (const r of ['a1', 'b1', 'a2']) await writer.add(r);
    await writer.flush();
    expect(calls).toEqual([['a1', 'b1'], ['a2']]);
  });

  it('refuses a batch size below 1', () => {
    expect(() =>
      createBatchWriter({
        upsert: async () => ({ inserted: 0, updated: 0, unchanged: 0 }),
        keyOf: String,
        size: 0,
      }),
    ).toThrow('createBatchWriter requires a batch size of 1 or more, got 0');
  });
});
