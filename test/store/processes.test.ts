/**
 * Several real processes on one SQLite data folder at once, as an operator runs them:
 * two processes racing for the same leases, two `teamhealth import`s of the same files
 * with a `teamhealth report` reading meanwhile, and `teamhealth report` while another
 * process holds a write transaction open (then is killed with it open).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentDay } from '../../src/domain/records.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { generateFiles } from '../../support/import-files.ts';
import { type Exit, embeddedEnv, startNode } from '../support/child-process.ts';

const BIN = fileURLToPath(new URL('../../bin/teamhealth.mjs', import.meta.url));
const RACER = fileURLToPath(new URL('./support/lease-racer.ts', import.meta.url));
const HOLDER = fileURLToPath(new URL('./support/write-holder.ts', import.meta.url));

let dir: string;
let dataDir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'teamhealth-processes-'));
  dataDir = join(dir, 'data');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) =>
  embeddedEnv(dataDir, { LOG_LEVEL: 'warn', ...extra });

async function withStore<T>(use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ dataDir });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** Two teams of two agents with a week of data, before the import benchmark's dates. */
async function fillSmallOrganisation(store: Store): Promise<void> {
  await store.teams.upsertMany({
    teams: ['T0', 'T1'].map((id) => ({
      id,
      name: `Team ${id}`,
      channel_id: '',
      lead_slack_ids: [],
      timezone: 'Europe/London',
      site: 'Leeds',
    })),
  });
  await store.agents.upsertMany({
    agents: ['A0', 'A1', 'A50', 'A51'].map((id, i) => ({
      id,
      name: `Agent ${id}`,
      team_id: i < 2 ? 'T0' : 'T1',
    })),
  });
  const rows: AgentDay[] = [];
  for (let d = 1; d <= 7; d++) {
    for (const [agent, team] of [
      ['A0', 'T0'],
      ['A1', 'T0'],
      ['A50', 'T1'],
      ['A51', 'T1'],
    ] as const) {
      rows.push({
        date: `2024-12-2${d}`,
        agent_id: agent,
        team_id: team,
        contacts_handled: 20 + d,
        csat_positive: 4,
        csat_responses: 5,
      });
    }
  }
  await store.kpis.upsertMany({ rows });
}

/** "…: kpis: read N rows, stored N (I inserted, U updated, S unchanged)" → the counts. */
function kpiCounts(exit: Exit): { inserted: number; updated: number; unchanged: number } {
  const match =
    /kpis: read \d+ rows, stored \d+ \((\d+) inserted, (\d+) updated, (\d+) unchanged\)/.exec(
      exit.stdout,
    );
  if (!match) throw new Error(`no kpis summary in:\n${exit.stdout}\n${exit.stderr}`);
  return { inserted: Number(match[1]), updated: Number(match[2]), unchanged: Number(match[3]) };
}

// Each child pays tsx start-up (seconds on a busy machine), hence the long timeouts.
describe('several processes on one SQLite folder', { timeout: 180_000 }, () => {
  it('gives each lease to exactly one of two processes racing for it', async () => {
    await withStore(async () => undefined); // create the file before the race
    const leases = 40;
    const at = String(Date.now() + 4_000);
    const racers = ['one', 'two'].map(
      (holder) =>
        startNode(
          ['--import', 'tsx', RACER],
          env({ RACE_HOLDER: holder, RACE_AT: at, RACE_LEASES: String(leases) }),
        ).done,
    );
    const [one, two] = await Promise.all(racers);
    expect(one?.code, one?.stderr).toBe(0);
    expect(two?.code, two?.stderr).toBe(0);
    const wonByOne: string[] = JSON.parse(one?.stdout ?? '');
    const wonByTwo: string[] = JSON.parse(two?.stdout ?? '');
    // every lease has exactly one winner: none won twice, none left untaken
    expect(wonByOne.filter((name) => wonByTwo.includes(name))).toEqual([]);
    expect([...wonByOne, ...wonByTwo].sort()).toEqual(
      Array.from({ length: leases }, (_, i) => `job-${i}`).sort(),
    );
  });

  it('runs two imports of the same files at once, each row stored once, while a report reads', async () => {
    await withStore(fillSmallOrganisation);
    const rows = 60_000;
    const files = await generateFiles(dir, rows);
    const imports = [1, 2].map(
      () => startNode([BIN, 'import', ...files, '--no-progress'], env()).done,
    );
    const report = startNode([BIN, 'report', '--json'], env()).done;
    const [first, second] = await Promise.all(imports);
    const reading = await report;
    expect(first?.code, first?.stderr).toBe(0);
    expect(second?.code, second?.stderr).toBe(0);
    expect(reading.code, reading.stderr).toBe(0);
    expect(JSON.parse(reading.stdout).teams.length).toBeGreaterThan(0);

    // Each batch is one transaction: whichever process stored a row first inserted it,
    // and the other found it unchanged.
    const a = kpiCounts(first as Exit);
    const b = kpiCounts(second as Exit);
    expect(a.inserted + b.inserted).toBe(rows);
    expect(a.unchanged + b.unchanged).toBe(rows);
    expect(a.updated + b.updated).toBe(0);
    await withStore(async (store) => {
      expect(await store.kpis.count()).toBe(rows + 28);
    });
  });

  it('gives the same report after a kill -9 mid-import and an import again as after one clean import', async () => {
    const files = await generateFiles(dir, 100_000);
    const kpis = files[2] as string;
    const cleanDir = join(dir, 'clean');
    const clean = await startNode(
      [BIN, 'import', ...files, '--no-progress'],
      embeddedEnv(cleanDir, { LOG_LEVEL: 'warn' }),
    ).done;
    expect(clean.code, clean.stderr).toBe(0);

    const org = await startNode([BIN, 'import', ...files.slice(0, 2), '--no-progress'], env()).done;
    expect(org.code, org.stderr).toBe(0);
    const killed = startNode([BIN, 'import', kpis, '--no-progress'], env());
    const partial = await withStore(async (store) => {
      let stored = 0;
      while (stored === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        stored = await store.kpis.count();
      }
      return stored;
    });
    killed.child.kill('SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');
    expect(partial).toBeLessThan(100_000);
    const again = await startNode([BIN, 'import', kpis, '--no-progress'], env()).done;
    expect(again.code, again.stderr).toBe(0);

    const [afterCrash, afterClean] = await Promise.all([
      startNode([BIN, 'report', '--json'], env()).done,
      startNode([BIN, 'report', '--json'], embeddedEnv(cleanDir, { LOG_LEVEL: 'warn' })).done,
    ]);
    expect(afterCrash.code, afterCrash.stderr).toBe(0);
    expect(JSON.parse(afterCrash.stdout).teams).toHaveLength(50);
    expect(afterCrash.stdout).toBe(afterClean.stdout);
  });

  it('answers `teamhealth report` while another process holds a write transaction open', async () => {
    await withStore(fillSmallOrganisation);
    const holder = startNode(['--import', 'tsx', HOLDER], env());
    await new Promise<void>((resolve, reject) => {
      holder.child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('holding')) resolve();
      });
      holder.done.then((exit) => reject(new Error(`holder exited early: ${exit.stderr}`)));
    });
    try {
      const report = await startNode([BIN, 'report', '--json'], env()).done;
      expect(report.code, report.stderr).toBe(0);
      // the committed teams, not the one still inside the other process's transaction
      expect(JSON.parse(report.stdout).teams.map((t: { id: string }) => t.id)).toEqual([
        'T0',
        'T1',
      ]);
    } finally {
      holder.child.kill('SIGKILL');
      await holder.done;
    }
    // Killed mid-transaction: its write is gone and the write lock went with it.
    await withStore(async (store) => {
      expect(await store.teams.get({ id: 'HELD' })).toBeNull();
      await store.agents.upsertMany({ agents: [{ id: 'A9', name: 'New', team_id: 'T0' }] });
      expect((await store.agents.list({ teamId: 'T0' })).map((a) => a.id)).toContain('A9');
    });
  });
});
