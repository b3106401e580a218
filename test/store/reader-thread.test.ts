/**
 * The SQLite store's reader thread (src/store/sqlite/reader-thread.ts): a read-only
 * connection on a worker thread that takes a query only while idle, so the caller runs
 * the next one itself instead of queueing behind it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUSY_TIMEOUT_MS, DATABASE_FILE, openDatabase } from '../../src/store/sqlite/database.ts';
import { type ReaderThread, startReaderThread } from '../../src/store/sqlite/reader-thread.ts';

// Counts to 3 million in SQL: long enough (tens of ms or more) to find the thread busy.
const SLOW =
  'WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ?) SELECT count(*) FROM c';

let dir: string;
let reader: ReaderThread | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'teamhealth-reader-'));
  const db = openDatabase(dir);
  db.exec("INSERT INTO teams (id, name) VALUES ('T1', 'Alpha'), ('T2', 'Beta')");
  db.close();
});
afterEach(async () => {
  await reader?.close();
  reader = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const start = () =>
  startReaderThread({
    file: join(dir, DATABASE_FILE),
    busyTimeoutMs: BUSY_TIMEOUT_MS,
    cacheKib: 2048,
  });

describe('the reader thread', () => {
  it('answers a query with its first column of the first row, with parameters', async () => {
    reader = start();
    await expect(reader.tryRun('SELECT name FROM teams WHERE id = ?', ['T2'])).resolves.toBe(
      'Beta',
    );
    await expect(
      reader.tryRun('SELECT json_group_array(id) FROM (SELECT id FROM teams ORDER BY id)', []),
    ).resolves.toBe('["T1","T2"]');
  });

  it('takes no second query while it runs one, and takes one again once done', async () => {
    reader = start();
    const first = reader.tryRun(SLOW, [3_000_000]);
    expect(first).toBeInstanceOf(Promise);
    expect(reader.tryRun('SELECT 1', [])).toBeUndefined();
    await expect(first).resolves.toBe(3_000_000);
    await expect(reader.tryRun('SELECT 1', [])).resolves.toBe(1);
  });

  it('rejects with SQLite’s message and code for a bad query, and stays usable', async () => {
    reader = start();
    const error = await reader.tryRun('SELECT nope FROM teams', [])?.catch((e: unknown) => e);
    expect((error as Error).message).toContain('no such column: nope');
    expect((error as { code?: string }).code).toBe('SQLITE_ERROR');
    await expect(reader.tryRun('SELECT count(*) FROM teams', [])).resolves.toBe(2);
  });

  it('cannot write: its connection is read-only', async () => {
    reader = start();
    const error = await reader
      .tryRun("INSERT INTO teams (id, name) VALUES ('T3', 'Gamma') RETURNING id", [])
      ?.catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('SQLITE_READONLY');
  });

  it('is not used once closed: the caller runs its queries itself', async () => {
    reader = start();
    await reader.close();
    expect(reader.tryRun('SELECT 1', [])).toBeUndefined();
  });
});
