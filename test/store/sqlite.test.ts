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

describe('the team-day rollup of whole and fractional counts', () => {
  it('stays equal to SQL grouping when whole counts are added onto a sum that is not whole', async () => {
    store = await openStore({ dataDir: dir });
    const day = (agent: string, handle: number): AgentDay => ({
      date: '2024-03-01',
      agent_id: agent,
      team_id: 'T1',
      contacts_handled: 1,
      handle_time_sec: handle,
    });
    // 1e16 + 0.5 + 1: adding 1 onto the stored 1e16 + 0.5 gives 1e16, while SQL's SUM
    // of the three rows gives 10000000000000002.
    await store.kpis.upsertMany({ rows: [day('A1', 1e16), day('A2', 0.5)] });
    await store.kpis.upsertMany({ rows: [day('A3', 1)] });
    // and whole counts onto whole sums, added on across batches
    await store.kpis.upsertMany({ rows: [{ ...day('B1', 7), team_id: 'T2' }] });
    await store.kpis.upsertMany({ rows: [{ ...day('B2', 5), team_id: 'T2' }] });
    const sums = await store.kpis.teamDailySums({ from: '2024-03-01', to: '2024-03-01' });
    const raw = new Database(join(dir, DATABASE_FILE), { readonly: true });
    try {
      const grouped = raw
        .prepare(
          'SELECT team_id, SUM(handle_time_sec) AS handle, SUM(contacts_handled) AS contacts ' +
            'FROM agent_days GROUP BY team_id ORDER BY team_id',
        )
        .all();
      expect(grouped).toEqual([
        { team_id: 'T1', handle: 10000000000000002, contacts: 3 },
        { team_id: 'T2', handle: 12, contacts: 2 },
      ]);
      expect(
        sums.map((s) => ({
          team_id: s.team_id,
          handle: s.handle_time_sec,
          contacts: s.contacts_handled,
        })),
      ).toEqual(grouped);
    } finally {
      raw.close();
    }
  });
});

describe('a file written by schema version 1', () => {
  const SUMS = SUM_FIELDS.map((f) => `${f} NUMERIC`).join(', ');

  it('is brought to this version on open, keeping every agent-day', async () => {
    // A v1 file: the same tables, but agent-days keyed (date, team_id, agent_id) with a
    // unique (agent_id, date) index, as schema version 1 declared them.
    (await openStore({ dataDir: dir })).close();
    const raw = new Database(join(dir, DATABASE_FILE));
    raw.exec('DROP TABLE agent_days');
    raw.exec('DROP TABLE team_days');
    raw.exec(
      `CREATE TABLE team_days (date TEXT NOT NULL, team_id TEXT NOT NULL, ${SUMS}, ` +
        'PRIMARY KEY (team_id, date)) WITHOUT ROWID',
    );
    raw.exec(
      `CREATE TABLE agent_days (date TEXT NOT NULL, agent_id TEXT NOT NULL, team_id TEXT NOT NULL, ${SUMS}, ` +
        'PRIMARY KEY (date, team_id, agent_id)) WITHOUT ROWID',
    );
    raw.exec('CREATE UNIQUE INDEX agent_days_agent_id_date ON agent_days (agent_id, date)');
    const insert = raw.prepare(
      'INSERT INTO agent_days (date, agent_id, team_id, contacts_handled) VALUES (?, ?, ?, ?)',
    );
    insert.run('2024-03-01', 'A1', 'T1', 10);
    insert.run('2024-03-01', 'A2', 'T1', 6);
    insert.run('2024-03-02', 'A1', 'T2', 8);
    raw.exec(
      "INSERT INTO team_days (date, team_id, contacts_handled) VALUES ('2024-03-01', 'T1', 16), ('2024-03-02', 'T2', 8)",
    );
    raw.pragma('user_version = 1');
    raw.close();

    store = await openStore({ dataDir: dir });
    expect(await store.kpis.count()).toBe(3);
    const window = await store.kpis.agentWindowSums({ from: '2024-03-01', to: '2024-03-02' });
    expect(window.map((a) => [a.agent_id, a.team_id, a.days, a.contacts_handled])).toEqual([
      ['A1', 'T2', 2, 18],
      ['A2', 'T1', 1, 6],
    ]);
    const rollup = () =>
      store?.kpis
        .teamDailySums({ from: '2024-03-01', to: '2024-03-02' })
        .then((days) => days.map((d) => [d.team_id, d.date, d.contacts_handled]));
    expect(await rollup()).toEqual([
      ['T1', '2024-03-01', 16],
      ['T2', '2024-03-02', 8],
    ]);
    // a new agent-day on a v1 rollup row (its make-up unknown) recomputes it
    await store.kpis.upsertMany({
      rows: [{ date: '2024-03-01', agent_id: 'A3', team_id: 'T1', contacts_handled: 4 }],
    });
    expect(await rollup()).toEqual([
      ['T1', '2024-03-01', 20],
      ['T2', '2024-03-02', 8],
    ]);
    // the same rows again are unchanged: the natural key still holds
    const again = await store.kpis.upsertMany({
      rows: [{ date: '2024-03-01', agent_id: 'A1', team_id: 'T1', contacts_handled: 10 }],
    });
    expect(again).toEqual({ inserted: 0, updated: 0, unchanged: 1 });

    const check = new Database(join(dir, DATABASE_FILE), { readonly: true });
    try {
      expect(check.pragma('user_version', { simple: true })).toBe(2);
      const indexes = check
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'agent_days'")
        .pluck()
        .all();
      expect(indexes).toEqual(['agent_days_team_id_date']);
      expect(
        check.prepare("SELECT name FROM sqlite_master WHERE name = 'agent_days_v1'").get(),
      ).toBeUndefined();
    } finally {
      check.close();
    }
  });

  it('refuses a file of a newer version, naming both versions, and leaves it as it was', async () => {
    (await openStore({ dataDir: dir })).close();
    const raw = new Database(join(dir, DATABASE_FILE));
    raw.pragma('user_version = 9');
    raw.close();
    const error = await openStore({ dataDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toContain('schema 9, this one reads 2');
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
