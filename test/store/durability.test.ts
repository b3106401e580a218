import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreLockedError } from '../../src/errors.ts';
import { JOURNAL_FILE, SNAPSHOT_FILE } from '../../src/store/embedded/database.ts';
import { LOCK_FILE } from '../../src/store/embedded/lock.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { BATCH_ROWS } from './durability-rows.ts';

const WRITER = join(import.meta.dirname, 'durability-writer.ts');
const whole = { from: '2023-01-01', to: '2023-12-31' };

/** Starts the writer; resolves with the batches it acknowledged once `stopAfter` have been, killing it with SIGKILL. */
function runWriter(dir: string, mode: string, killAfter?: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, mode], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const done: number[] = [];
    let stderr = '';
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) done.push(Number(line.split(' ')[1]));
      if (killAfter !== undefined && done.length >= killAfter) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve(done);
      else reject(new Error(`writer exited with ${code}: ${stderr}`));
    });
  });
}

/** Batch number → rows stored for it. */
async function batchesIn(store: Store): Promise<Map<number, { days: number; contacts: number }>> {
  const sums = await store.kpis.agentWindowSums(whole);
  return new Map(
    sums.map((s) => [Number(s.agent_id.slice(1)), { days: s.days, contacts: s.contacts_handled }]),
  );
}

// Each test spawns Node with tsx; on a loaded two-core machine that alone can take 10 s.
describe('embedded store durability', { timeout: 120_000 }, () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'teamhealth-durable-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('after kill -9 mid-write, holds every batch wholly or not at all, and every acknowledged one', async () => {
    const acknowledged = await runWriter(dir, 'forever', 8);
    const store = await openStore({ dataDir: dir });
    const batches = await batchesIn(store);
    for (const i of acknowledged) expect(batches.has(i)).toBe(true);
    for (const [i, batch] of batches) {
      // batch i: 200 rows, each with contacts_handled i + 1
      expect(batch).toEqual({ days: BATCH_ROWS, contacts: BATCH_ROWS * (i + 1) });
    }
    expect(await store.kpis.count()).toBe(batches.size * BATCH_ROWS);
    await store.close();
  });

  it('keeps a finished write after kill -9 (and takes over the dead process lock)', async () => {
    await runWriter(dir, 'forever', 1);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    const store = await openStore({ dataDir: dir });
    expect((await batchesIn(store)).get(0)).toEqual({ days: BATCH_ROWS, contacts: BATCH_ROWS });
    await store.close();
  });

  it('drops a torn last journal line and reopens with the complete batches', async () => {
    expect(await runWriter(dir, '3')).toEqual([0, 1, 2]);
    const journal = join(dir, JOURNAL_FILE);
    const bytes = readFileSync(journal);
    const lastLineStart = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
    // cut the third batch's line in the middle, as a crash during its write() would
    truncateSync(journal, lastLineStart + Math.floor((bytes.length - lastLineStart) / 2));
    const store = await openStore({ dataDir: dir });
    expect([...(await batchesIn(store)).keys()]).toEqual([0, 1]);
    expect(statSync(journal).size).toBe(lastLineStart);
    // the store keeps working after the repair
    await store.kpis.upsertMany({
      rows: [{ date: '2023-06-01', agent_id: 'W9', team_id: 'T', contacts_handled: 1 }],
    });
    await store.close();
    const again = await openStore({ dataDir: dir });
    expect([...(await batchesIn(again)).keys()]).toEqual([0, 1, 9]);
    await again.close();
  });

  it('refuses a journal damaged before its last line instead of dropping acknowledged batches', async () => {
    await runWriter(dir, '3');
    const journal = join(dir, JOURNAL_FILE);
    const bytes = readFileSync(journal);
    bytes[10] = bytes[10] === 0x41 ? 0x42 : 0x41; // corrupt the first batch's checksummed text
    writeFileSync(journal, bytes);
    await expect(openStore({ dataDir: dir })).rejects.toThrow(/journal .* is damaged at byte 0/);
  });

  it('round-trips through a snapshot: close compacts, reopen restores the same answers', async () => {
    const store = await openStore({ dataDir: dir });
    await store.kpis.upsertMany({
      rows: [
        { date: '2023-01-01', agent_id: 'A', team_id: 'T', contacts_handled: 3, csat_positive: 1 },
      ],
    });
    await store.teams.upsertMany({
      teams: [
        { id: 'T', name: 'T', channel_id: '', lead_slack_ids: ['U1'], timezone: 'UTC', site: '' },
      ],
    });
    const before = await store.kpis.teamDailySums(whole);
    await store.close();
    expect(existsSync(join(dir, SNAPSHOT_FILE))).toBe(true);
    expect(statSync(join(dir, JOURNAL_FILE)).size).toBe(0);
    const reopened = await openStore({ dataDir: dir });
    expect(await reopened.kpis.teamDailySums(whole)).toEqual(before);
    expect((await reopened.teams.list()).map((t) => t.lead_slack_ids)).toEqual([['U1']]);
    await reopened.close();
  });

  it('does not re-apply journal batches that the snapshot already holds (crash between rename and truncation)', async () => {
    const row = { date: '2023-01-01', agent_id: 'A', team_id: 'T', contacts_handled: 1 };
    let store = await openStore({ dataDir: dir });
    await store.kpis.upsertMany({ rows: [row] });
    await store.close(); // snapshot now holds batch 1
    store = await openStore({ dataDir: dir });
    await store.kpis.upsertMany({ rows: [{ ...row, contacts_handled: 2 }] });
    const stale = join(dir, 'journal.stale');
    copyFileSync(join(dir, JOURNAL_FILE), stale); // batch 2 only
    await store.kpis.upsertMany({ rows: [{ ...row, contacts_handled: 3 }] });
    await store.close(); // snapshot holds batches 1–3, journal emptied
    copyFileSync(stale, join(dir, JOURNAL_FILE)); // as if truncation never happened
    store = await openStore({ dataDir: dir });
    // replaying batch 2 would wrongly bring back 2
    expect((await store.kpis.teamDailySums(whole))[0]?.contacts_handled).toBe(3);
    await store.close();
  });

  it('gives a second opener of the folder a StoreLockedError naming the holder pid', async () => {
    const store = await openStore({ dataDir: dir });
    const error = await openStore({ dataDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreLockedError);
    expect((error as Error).message).toContain(`pid ${process.pid}`);
    expect((error as Error).message).toContain('MongoDB');
    await store.close();
    // released on close
    const next = await openStore({ dataDir: dir });
    await next.close();
  });
});
