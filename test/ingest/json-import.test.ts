/**
 * JSON arrays and NDJSON: each object's line is where it opens (fixtures in
 * test/fixtures/ingest, line numbers read off by hand), null or missing fields are
 * "not measured", and a value that is not an object is a rejected row.
 */
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, team } from './support/memory-store.ts';
import { importFiles, tempDir, writeFixture } from './support/run.ts';

const FIXTURES = new URL('../fixtures/ingest/', import.meta.url).pathname;

function seededStore() {
  return createMemoryStore({
    teams: [team('T1', 'Care')],
    agents: [
      { id: 'A1', name: 'Ada', team_id: 'T1' },
      { id: 'A2', name: 'Bo', team_id: 'T1' },
    ],
  });
}

const STORED = [
  {
    date: '2026-03-02',
    agent_id: 'A1',
    team_id: 'T1',
    contacts_handled: 40,
    csat_responses: 10,
    csat_positive: 9,
  },
  { date: '2026-03-02', agent_id: 'A2', team_id: 'T1', contacts_handled: 35 },
];

async function fixture(name: string): Promise<string> {
  const dir = await tempDir();
  const file = join(dir, name);
  await copyFile(join(FIXTURES, name), file);
  return file;
}

describe('importing a JSON array', () => {
  it('reports each bad object at the line where it opens', async () => {
    const { store, tables } = seededStore();
    const file = await fixture('kpis.json');
    const { code, err, out } = await importFiles(store, [file]);
    expect(err).toEqual([
      `${file}:10: csat_positive: 9 is more than csat_responses (8)`,
      `${file}:17: item: is not a JSON object, got 7`,
    ]);
    expect(out).toEqual([
      `${file}: kpis: read 4 rows, stored 2 (2 inserted, 0 updated, 0 unchanged), rejected 2 (see ${file}.rejected.csv)`,
    ]);
    expect(code).toBe(2);
    expect(tables.kpis.all()).toEqual(STORED);
  });

  it('stops at malformed JSON with its line and exit 1', async () => {
    const { store, tables } = seededStore();
    const dir = await tempDir();
    const text =
      '[\n  {"date": "2026-03-02", "agent_id": "A1", "contacts_handled": 40},\n  {"date": "2026-03-03",\n   "agent_id": }\n]\n';
    const file = await writeFixture(dir, 'kpis.json', text);
    const { code, err } = await importFiles(store, [file]);
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^${file}:4: malformed JSON: `));
    // The object before the fault was read whole, and is kept (re-importing is idempotent).
    expect(tables.kpis.rows.size).toBe(1);
  });

  it('says so when the array is never closed', async () => {
    const { store } = seededStore();
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'kpis.json',
      '[\n{"date":"2026-03-02","agent_id":"A1","contacts_handled":4},\n',
    );
    const { code, err } = await importFiles(store, [file]);
    expect(code).toBe(1);
    expect(err).toEqual([
      `${file}:3: malformed JSON: the array is never closed (the valid rows before it were stored; fix the file and import it again)`,
    ]);
  });

  it('takes lead Slack ids as an array', async () => {
    const { store, tables } = seededStore();
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'teams.json',
      '[{"id": "T2", "name": "Billing", "timezone": "Asia/Manila", "lead_slack_ids": ["U0AAA", "U0BBB"]}]',
    );
    const { code } = await importFiles(store, [file]);
    expect(code).toBe(0);
    expect(tables.teams.rows.get('T2')?.lead_slack_ids).toEqual(['U0AAA', 'U0BBB']);
  });
});

describe('importing NDJSON', () => {
  it('reads one object per line, skipping blank lines, with each line’s number', async () => {
    const { store, tables } = seededStore();
    const file = await fixture('kpis.ndjson');
    const { code, err } = await importFiles(store, [file]);
    expect(err).toEqual([
      `${file}:4: csat_positive: 9 is more than csat_responses (8)`,
      `${file}:5: item: is not a JSON object, got "not an object"`,
    ]);
    expect(code).toBe(2);
    expect(tables.kpis.all()).toEqual(STORED);
  });

  it('stops at a line that is not JSON, naming it', async () => {
    const { store } = seededStore();
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'kpis.ndjson',
      '{"date":"2026-03-02","agent_id":"A1","contacts_handled":4}\n{"date":"2026-03-03",\n',
    );
    const { code, err } = await importFiles(store, [file]);
    expect(code).toBe(1);
    expect(err[0]).toMatch(new RegExp(`^${file}:2: malformed JSON: `));
  });

  it('recognises NDJSON saved as .json by its first character', async () => {
    const { store, tables } = seededStore();
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'kpis.json',
      '{"date":"2026-03-02","agent_id":"A1","contacts_handled":4}\n',
    );
    expect((await importFiles(store, [file])).code).toBe(0);
    expect(tables.kpis.rows.size).toBe(1);
  });
});
