/**
 * End to end: `node bin/teamhealth.mjs import …` as a child process against the real
 * embedded store (openStore) in a temp folder, then the store opened again here to see
 * what it holds. Includes the crash test: SIGKILL mid-import, import again, and the
 * store holds exactly the file's rows.
 */
import type { ChildProcess } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { generateFiles } from '../../support/import-files.ts';
import { type Exit, embeddedEnv, startNode } from '../support/child-process.ts';
import { tempDir } from './support/run.ts';

const BIN = fileURLToPath(new URL('../../bin/teamhealth.mjs', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));

function childEnv(dataDir: string): NodeJS.ProcessEnv {
  return embeddedEnv(dataDir, { LOG_LEVEL: 'warn' });
}

function startImport(
  dataDir: string,
  args: string[],
): { child: ChildProcess; done: Promise<Exit> } {
  return startNode([BIN, 'import', ...args, '--no-progress'], childEnv(dataDir));
}

const runImport = (dataDir: string, args: string[]) => startImport(dataDir, args).done;

async function withStore<T>(
  dataDir: string,
  use: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>,
): Promise<T> {
  const store = await openStore({ dataDir });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

// Each child process pays tsx start-up (seconds on a busy CI box), hence the long timeouts.
describe('teamhealth import (child process, embedded store)', { timeout: 120_000 }, () => {
  it('stores the good rows, reports the bad ones by line, exits 2, and changes nothing on a second run', async () => {
    const dir = await tempDir();
    const dataDir = join(dir, 'data');
    for (const name of ['kpis-with-bad-rows.csv', 'teams.csv', 'agents.json']) {
      await copyFile(join(FIXTURES, name), join(dir, name));
    }
    const kpis = join(dir, 'kpis-with-bad-rows.csv');
    const first = await runImport(dataDir, [
      kpis,
      join(dir, 'agents.json'),
      join(dir, 'teams.csv'),
    ]);
    expect(first.code).toBe(2);
    expect(first.stderr.split('\n').filter((line) => line.startsWith(`${kpis}:`))).toEqual([
      `${kpis}: ignoring column not used for kpis: comment`,
      `${kpis}:5: agent_id: unknown agent "A9" (import the agents file first)`,
      `${kpis}:6: csat_positive: 13 is more than csat_responses (12)`,
      `${kpis}:11: date: must be a real date written YYYY-MM-DD, got "2026-02-30"`,
      `${kpis}:12: contacts_handled: must be a whole number 0 or more, got "-1"`,
    ]);
    expect(first.stdout).toContain(
      `${kpis}: kpis: read 7 rows, stored 3 (3 inserted, 0 updated, 0 unchanged), rejected 4`,
    );
    expect((await readFile(`${kpis}.rejected.csv`, 'utf8')).trimEnd().split('\n')).toHaveLength(5);

    const second = await runImport(dataDir, [
      kpis,
      join(dir, 'agents.json'),
      join(dir, 'teams.csv'),
    ]);
    expect(second.code).toBe(2);
    expect(second.stdout).toContain(
      'read 7 rows, stored 3 (0 inserted, 0 updated, 3 unchanged), rejected 4',
    );
    expect(second.stdout).toContain(
      'teams: read 2 rows, stored 2 (0 inserted, 0 updated, 2 unchanged)',
    );

    await withStore(dataDir, async (store) => {
      expect(await store.kpis.count()).toBe(3);
      const sums = await store.kpis.agentDailySums({
        from: '2026-03-01',
        to: '2026-03-31',
        agentIds: ['A1', 'A2'],
      });
      const byKey = new Map(sums.map((s) => [`${s.agent_id}|${s.date}`, s]));
      // Line 3 of the fixture: A2 measured contacts only, so no FCR or AHT denominator.
      expect(byKey.get('A2|2026-03-02')).toMatchObject({
        contacts_handled: 35,
        fcr_contacts: 0,
        aht_contacts: 0,
        csat_responses: 0,
      });
      // Line 8: handle time measured, FCR not.
      expect(byKey.get('A2|2026-03-03')).toMatchObject({
        contacts_handled: 38,
        handle_time_sec: 11400,
        aht_contacts: 38,
        fcr_contacts: 0,
      });
      const a1 = await store.kpis.agentWindowSums({
        from: '2026-03-01',
        to: '2026-03-31',
        agentIds: ['A2'],
      });
      // A2 is in team T2 (agents.json), stamped on its rows.
      expect(a1).toMatchObject([{ agent_id: 'A2', team_id: 'T2', days: 2, contacts_handled: 73 }]);
    });
  });

  it('exits 1 naming an unreadable file', async () => {
    const dir = await tempDir();
    const missing = join(dir, 'missing.csv');
    const result = await runImport(join(dir, 'data'), [missing]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${missing}: cannot read: no such file`);
  });

  it('prints a bad setting as one line and exits 1', async () => {
    const dir = await tempDir();
    const { done } = startNode([BIN, 'import', join(FIXTURES, 'teams.csv')], {
      ...childEnv(join(dir, 'data')),
      MONGODB_URI: 'not a url',
    });
    const { code, stderr } = await done;
    expect(code).toBe(1);
    expect(stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^teamhealth import: Invalid configuration: MONGODB_URI /),
    ]);
  });

  it('recovers from kill -9 mid-import: importing again leaves exactly the file’s rows', async () => {
    const ROWS = 300_000;
    const dir = await tempDir();
    const dataDir = join(dir, 'data');
    const files = await generateFiles(dir, ROWS);
    const kpis = files[2] as string;

    // Teams and agents first, then the big file in a process we kill once a batch is in.
    expect((await runImport(dataDir, files.slice(0, 2))).code).toBe(0);
    const { child, done } = startImport(dataDir, [kpis]);
    // Watch from here (another process on the same SQLite folder) until a batch is in.
    await withStore(dataDir, async (store) => {
      while ((await store.kpis.count()) === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');

    const partial = await withStore(dataDir, (store) => store.kpis.count());
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(ROWS);

    const again = await runImport(dataDir, [kpis]);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`read ${ROWS} rows, stored ${ROWS}`);

    // Independent expectations, read straight from the generated file.
    let contacts = 0;
    const picks = new Map<number, string[]>([
      [1, []],
      [150_000, []],
      [ROWS, []],
    ]);
    let n = 0;
    const lines = createInterface({ input: createReadStream(kpis) });
    for await (const line of lines) {
      if (n > 0) {
        const cells = line.split(',');
        contacts += Number(cells[2]);
        if (picks.has(n)) picks.set(n, cells);
      }
      n++;
    }
    await withStore(dataDir, async (store) => {
      expect(await store.kpis.count()).toBe(ROWS);
      const span = await store.kpis.dateSpan();
      const all = await store.kpis.agentWindowSums({ from: span?.from ?? '', to: span?.to ?? '' });
      expect(all.reduce((sum, agent) => sum + agent.contacts_handled, 0)).toBe(contacts);
      for (const cells of picks.values()) {
        const [date, agentId, handled, handleTime, resolved, responses, positive] =
          cells as string[];
        const [day] = await store.kpis.agentDailySums({
          from: date as string,
          to: date as string,
          agentIds: [agentId as string],
        });
        expect(day).toMatchObject({
          contacts_handled: Number(handled),
          handle_time_sec: Number(handleTime),
          first_contact_resolved: Number(resolved),
          csat_responses: Number(responses),
          csat_positive: Number(positive),
        });
      }
    });
  }, 300_000);
});
