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

  it('with a key in two parts, flushes only when both parts repeat', async () => {
    const calls: string[][] = [];
    const writer = createBatchWriter<string>({
      upsert: async (records) => {
        calls.push(records);
        return { inserted: records.length, updated: 0, unchanged: 0 };
      },
      // 'd1:a1' is agent a1 on day d1
      groupOf: (r) => r.split(':')[0] as string,
      keyOf: (r) => r.split(':')[1] as string,
      size: 10,
    });
    for (const r of ['d1:a1', 'd1:a2', 'd2:a1', 'd1:a1', 'd2:a2']) await writer.add(r);
    await writer.flush();
    expect(calls).toEqual([
      ['d1:a1', 'd1:a2', 'd2:a1'],
      ['d1:a1', 'd2:a2'],
    ]);
  });

  it('reads on while one batch is in the store, and makes reading wait for a second', async () => {
    const calls: string[][] = [];
    const release: (() => void)[] = [];
    const writer = createBatchWriter<string>({
      upsert: (records) => {
        calls.push(records);
        return new Promise((resolve) =>
          release.push(() => resolve({ inserted: records.length, updated: 0, unchanged: 0 })),
        );
      },
      keyOf: (r) => r,
      size: 1,
    });
    expect(writer.add('a')).toBeUndefined(); // 'a' goes to the store; reading goes on
    const waiting = writer.add('b'); // 'b' is full too, but 'a' is still in the store
    expect(waiting).toBeInstanceOf(Promise);
    let resumed = false;
    waiting?.then(() => {
      resumed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(calls).toEqual([['a']]);
    expect(resumed).toBe(false);
    release[0]?.();
    await waiting;
    expect(calls).toEqual([['a'], ['b']]);
    const flushed = writer.flush();
    release[1]?.();
    await flushed;
    expect(writer.totals).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
  });

  it('throws a failed store call from flush, and stores nothing after it', async () => {
    const calls: string[][] = [];
    const writer = createBatchWriter<string>({
      upsert: async (records) => {
        calls.push(records);
        throw new Error('disk full');
      },
      keyOf: (r) => r,
      size: 1,
    });
    writer.add('a');
    await writer.add('b')?.catch(() => undefined);
    await expect(writer.flush()).rejects.toThrow('disk full');
    expect(calls).toEqual([['a']]);
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
