/**
 * What the SQLite store does beyond the contract: the file it keeps and its WAL mode,
 * the refusal of a folder written by the old engine (one line, through the real CLI),
 * the team-day rollup always equal to grouping the raw rows, and a batch that fails
 * half-way inside its transaction leaving nothing behind.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import seedrandom from 'seedrandom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SUM_FIELDS } from '../../src/domain/metrics.ts';
import type { AgentDay } from '../../src/domain/records.ts';
import { StoreError } from '../../src/errors.ts';
import { openStore } from '../../src/store/open.ts';
import { DATABASE_FILE } from '../../src/store/sqlite/database.ts';
import type { Store } from '../../src/store/types.ts';
import { embeddedEnv, startNode } from '../support/child-process.ts';

const BIN = fileURLToPath(new URL('../../bin/teamhealth.mjs', import.meta.url));

let dir: string;
let store: Store | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'teamhealth-sqlite-'));
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite file', () => {
  it('lives in the data folder as teamhealth.sqlite, in WAL mode', async () => {
    store = await openStore({ dataDir: dir });
    expect(store.kind).toBe('sqlite');
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);
    const raw = new Database(join(dir, DATABASE_FILE), { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('opens again with its data (schema creation is idempotent)', async () => {
    store = await openStore({ dataDir: dir });
    await store.teams.upsertMany({
      teams: [
        { id: 'T1', name: 'A', channel_id: '', lead_slack_ids: [], timezone: 'UTC', site: 'X' },
      ],
    });
    await store.close();
    store = await openStore({ dataDir: dir });
    await store.init();
    expect((await store.teams.list()).map((t) => t.id)).toEqual(['T1']);
  });
});

describe('a folder written by the old embedded engine', () => {
  beforeEach(() => {
    writeFileSync(join(dir, 'snapshot.jsonl'), '{"collection":"teams"}\n');
    writeFileSync(join(dir, 'journal.log'), '');
  });

  it('is refused with a message that says to import again, and left as it was', async () => {
    const error = await openStore({ dataDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toContain(dir);
    expect((error as Error).message).toMatch(/old store .*teamhealth import again/);
    expect(readdirSync(dir).sort()).toEqual(['journal.log', 'snapshot.jsonl']);
  });

  it('makes `teamhealth report` print that one line and fail', async () => {
    const { done } = startNode([BIN, 'report'], embeddedEnv(dir, { LOG_LEVEL: 'warn' }));
    const exit = await done;
    expect(exit.code).not.toBe(0);
    const lines = exit.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('teamhealth import again');
    expect(exit.stdout).toBe('');
  }, 60_000);
});

/** Σ per (team, date) of the latest version of each (agent, date) row, in plain code. */
function expectedTeamDays(rows: Map<string, AgentDay>): Record<string, unknown>[] {
  const groups = new Map<string, Record<string, number | string>>();
  for (const row of rows.values()) {
    const key = `${row.team_id} ${row.date}`;
    let group = groups.get(key);
    if (!group) {
      group = { team_id: row.team_id, date: row.date };
      for (const f of SUM_FIELDS) group[f] = 0;
      groups.set(key, group);
    }
    for (const f of SUM_FIELDS) (group[f] as number) += row[f] ?? 0;
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, g]) => g);
}

describe('the team-day rollup', () => {
  it('equals grouping the stored rows after inserts, corrections and team moves across batches', async () => {
    store = await openStore({ dataDir: dir });
    const rng = seedrandom('rollup');
    const latest = new Map<string, AgentDay>();
    const dates = ['2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04'];
    for (let batch = 0; batch < 8; batch++) {
      const rows: AgentDay[] = [];
      for (let i = 0; i < 40; i++) {
        const agent = `A${Math.floor(rng() * 12)}`;
        const row: AgentDay = {
          date: dates[Math.floor(rng() * dates.length)] as string,
          agent_id: agent,
          // agents move between three teams from batch to batch
          team_id: `T${Math.floor(rng() * 3)}`,
          contacts_handled: Math.floor(rng() * 50),
        };
        if (rng() < 0.5) row.csat_responses = Math.floor(rng() * 10);
        if (rng() < 0.3) row.handle_time_sec = Math.floor(rng() * 9000);
        rows.push(row);
        latest.set(`${row.agent_id}|${row.date}`, row);
      }
      await store.kpis.upsertMany({ rows });
    }
    const range = { from: '2024-03-01', to: '2024-03-04' };
    const fromRollup = await store.kpis.teamDailySums(range);
    expect(fromRollup).toEqual(expectedTeamDays(latest));

    // and the same as SQL grouping of the raw rows, read by a second connection
    const raw = new Database(join(dir, DATABASE_FILE), { readonly: true });
    try {
      const grouped = raw
        .prepare(
          `SELECT team_id, date, ${SUM_FIELDS.map((f) => `TOTAL(${f}) AS ${f}`).join(', ')} ` +
            'FROM agent_days GROUP BY team_id, date ORDER BY team_id, date',
        )
        .all();
      expect(fromRollup).toEqual(grouped);
    } finally {
      raw.close();
    }
  });
});

describe('a batch that fails inside its transaction', () => {
  it('leaves no row of it, and the rollup as it was', async () => {
    store = await openStore({ dataDir: dir });
    const day = (agent: string, contacts: number): AgentDay => ({
      date: '2024-03-01',
      agent_id: agent,
      team_id: 'T1',
      contacts_handled: contacts,
    });
    await store.kpis.upsertMany({ rows: [day('A1', 10)] });
    // A row the store accepts but the database refuses, after two good rows were written.
    const raw = new Database(join(dir, DATABASE_FILE));
    raw.exec(
      "CREATE TRIGGER poison BEFORE INSERT ON agent_days WHEN NEW.agent_id = 'POISON' " +
        "BEGIN SELECT RAISE(ABORT, 'poisoned row'); END",
    );
    raw.close();
    await expect(
      store.kpis.upsertMany({ rows: [day('A1', 99), day('A2', 5), day('POISON', 1)] }),
    ).rejects.toThrow('poisoned row');
    expect(await store.kpis.count()).toBe(1);
    const [t1] = await store.kpis.teamDailySums({ from: '2024-03-01', to: '2024-03-01' });
    expect(t1?.contacts_handled).toBe(10);
    expect(await store.kpis.upsertMany({ rows: [day('A1', 99), day('A2', 5)] })).toEqual({
      inserted: 1,
      updated: 1,
      unchanged: 0,
    });
  });
});
