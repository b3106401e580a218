/**
 * Importing a CSV with bad rows (test/fixtures/ingest/kpis-with-bad-rows.csv): the good
 * rows are stored, every bad row is reported with the line it starts on (quoted fields
 * spanning lines included), the rejected rows land in <file>.rejected.csv, exit 2.
 * Expected lines and records are read off the fixture by hand (see its line numbers).
 */
import { copyFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStore, team } from './support/memory-store.ts';
import { importFiles, tempDir, writeFixture } from './support/run.ts';

const FIXTURES = new URL('../fixtures/ingest/', import.meta.url).pathname;
const HEADER =
  'date,agent_id,contacts_handled,handle_time_sec,first_contact_resolved,csat_responses,csat_positive,comment';

function seededStore() {
  return createMemoryStore({
    teams: [
      team('T1', 'Care'),
      {
        id: 'T2',
        name: 'Billing',
        channel_id: '',
        lead_slack_ids: [],
        timezone: 'America/New_York',
        site: '',
      },
    ],
    agents: [
      { id: 'A1', name: 'Ada', team_id: 'T1' },
      { id: 'A2', name: 'Bo', team_id: 'T2' },
    ],
  });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

describe('importing a CSV with bad rows', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await tempDir();
    file = join(dir, 'kpis.csv');
    await copyFile(join(FIXTURES, 'kpis-with-bad-rows.csv'), file);
  });

  it('reports every bad row with the line it starts on and exits 2', async () => {
    const { store } = seededStore();
    const { code, err, out } = await importFiles(store, [file]);
    expect(err).toEqual([
      `${file}: ignoring column not used for kpis: comment`,
      `${file}:5: agent_id: unknown agent "A9" (import the agents file first)`,
      `${file}:6: csat_positive: 13 is more than csat_responses (12)`,
      `${file}:11: date: must be a real date written YYYY-MM-DD, got "2026-02-30"`,
      `${file}:12: contacts_handled: must be a whole number 0 or more, got "-1"`,
    ]);
    expect(out).toEqual([
      `${file}: kpis: read 7 rows, stored 3 (3 inserted, 0 updated, 0 unchanged), rejected 4 (see ${file}.rejected.csv)`,
    ]);
    expect(code).toBe(2);
  });

  it('stores the good rows, stamped with the agent’s team, empty cells absent rather than 0', async () => {
    const { store, tables } = seededStore();
    await importFiles(store, [file]);
    expect(tables.kpis.all()).toEqual([
      // line 2: everything measured, so both derived denominators are contacts_handled
      {
        date: '2026-03-02',
        agent_id: 'A1',
        team_id: 'T1',
        contacts_handled: 40,
        handle_time_sec: 12000,
        aht_contacts: 40,
        first_contact_resolved: 30,
        fcr_contacts: 40,
        csat_responses: 10,
        csat_positive: 9,
      },
      // line 3: only contacts handled was measured
      { date: '2026-03-02', agent_id: 'A2', team_id: 'T2', contacts_handled: 35 },
      // line 8: handle time but no FCR, so aht_contacts and no fcr_contacts
      {
        date: '2026-03-03',
        agent_id: 'A2',
        team_id: 'T2',
        contacts_handled: 38,
        handle_time_sec: 11400,
        aht_contacts: 38,
        csat_responses: 8,
        csat_positive: 7,
      },
    ]);
  });

  it('writes the rejected rows with their original cells, line and error', async () => {
    const { store } = seededStore();
    await importFiles(store, [file]);
    const rejected = parse(await readFile(`${file}.rejected.csv`, 'utf8')) as string[][];
    expect(rejected).toEqual([
      [...HEADER.split(','), 'line', 'error'],
      [
        '2026-03-02',
        'A9',
        '20',
        '6000',
        '10',
        '5',
        '4',
        '',
        '5',
        'agent_id: unknown agent "A9" (import the agents file first)',
      ],
      [
        '2026-03-03',
        'A1',
        '42',
        '12600',
        '31',
        '12',
        '13',
        '',
        '6',
        'csat_positive: 13 is more than csat_responses (12)',
      ],
      [
        '2026-02-30',
        'A2',
        '30',
        '9000',
        '20',
        '6',
        '5',
        '',
        '11',
        'date: must be a real date written YYYY-MM-DD, got "2026-02-30"',
      ],
      [
        '2026-03-04',
        'A1',
        '-1',
        '',
        '',
        '',
        '',
        '',
        '12',
        'contacts_handled: must be a whole number 0 or more, got "-1"',
      ],
    ]);
  });

  it('takes the fixed rejected file back as it is, and then removes the stale rejected file', async () => {
    const { store, tables } = seededStore();
    await importFiles(store, [file]);
    // Fix two of the four rows in the rejected file and drop the other two.
    const fixed = join(dir, 'fixed.csv');
    const rejected = await readFile(`${file}.rejected.csv`, 'utf8');
    const lines = rejected.trimEnd().split('\n');
    await writeFile(
      fixed,
      `${[lines[0], lines[2]?.replace(',12,13,', ',12,11,'), lines[3]?.replace('2026-02-30', '2026-02-28')].join('\n')}\n`,
    );
    await writeFile(`${fixed}.rejected.csv`, 'stale\n');
    const { code, err, out } = await importFiles(store, [fixed]);
    expect(err).toEqual([`${fixed}: ignoring column not used for kpis: comment`]);
    expect(code).toBe(0);
    expect(out[0]).toContain(
      'read 2 rows, stored 2 (2 inserted, 0 updated, 0 unchanged), rejected 0',
    );
    expect(await exists(`${fixed}.rejected.csv`)).toBe(false);
    expect(tables.kpis.rows.get('A1|2026-03-03')?.csat_positive).toBe(11);
    expect(tables.kpis.rows.size).toBe(5);
  });
});

describe('importing the same data again', () => {
  const GOOD = `${HEADER}\n2026-03-02,A1,40,12000,30,10,9,\n2026-03-02,A2,35,,,,,\n2026-03-03,A2,38,11400,,8,7,\n`;

  it('changes nothing the second time: every row unchanged', async () => {
    const { store, tables } = seededStore();
    const dir = await tempDir();
    const file = await writeFixture(dir, 'kpis.csv', GOOD);
    await importFiles(store, [file]);
    const before = structuredClone(tables.kpis.all());
    const { code, out } = await importFiles(store, [file]);
    expect(code).toBe(0);
    expect(out[0]).toContain(
      'read 3 rows, stored 3 (0 inserted, 0 updated, 3 unchanged), rejected 0',
    );
    expect(tables.kpis.all()).toEqual(before);
  });

  it('replaces a stored row with its corrected version', async () => {
    const { store, tables } = seededStore();
    const dir = await tempDir();
    await importFiles(store, [await writeFixture(dir, 'kpis.csv', GOOD)]);
    const corrected = GOOD.replace(
      '2026-03-02,A1,40,12000,30,10,9,',
      '2026-03-02,A1,40,12000,30,,,',
    );
    const { out } = await importFiles(store, [await writeFixture(dir, 'kpis-v2.csv', corrected)]);
    expect(out[0]).toContain('stored 3 (0 inserted, 1 updated, 2 unchanged)');
    // The corrected row no longer measures CSAT: the fields are gone, not 0.
    expect(tables.kpis.rows.get('A1|2026-03-02')).toEqual({
      date: '2026-03-02',
      agent_id: 'A1',
      team_id: 'T1',
      contacts_handled: 40,
      handle_time_sec: 12000,
      aht_contacts: 40,
      first_contact_resolved: 30,
      fcr_contacts: 40,
    });
    expect(tables.kpis.rows.size).toBe(3);
  });

  it('lets a later row of the same file win over an earlier one with the same key', async () => {
    const { store, tables } = seededStore();
    const dir = await tempDir();
    const file = await writeFixture(dir, 'kpis.csv', `${GOOD}2026-03-02,A2,36,,,,,\n`);
    const { out } = await importFiles(store, [file]);
    expect(out[0]).toContain('read 4 rows, stored 4 (3 inserted, 1 updated, 0 unchanged)');
    expect(tables.kpis.rows.get('A2|2026-03-02')?.contacts_handled).toBe(36);
  });

  it('stores in batches of the given size', async () => {
    const { store, tables } = seededStore();
    const dir = await tempDir();
    const rows = Array.from(
      { length: 7 },
      (_, i) => `2026-03-${String(i + 1).padStart(2, '0')},A1,10,,,,,`,
    );
    await importFiles(
      store,
      [await writeFixture(dir, 'kpis.csv', `${HEADER}\n${rows.join('\n')}\n`)],
      { batchSize: 3 },
    );
    expect(tables.kpis.calls).toEqual([3, 3, 1]);
  });

  it('keeps one batch for different agents and dates, and flushes only on a repeated agent-day', async () => {
    const { store, tables } = seededStore();
    const dir = await tempDir();
    const rows = [
      '2026-03-02,A1,10,,,,,',
      '2026-03-02,A2,11,,,,,',
      '2026-03-03,A1,12,,,,,',
      '2026-03-03,A2,13,,,,,',
      '2026-03-02,A1,14,,,,,', // A1 on 03-02 again: the four before are stored first
    ];
    const file = await writeFixture(dir, 'kpis.csv', `${HEADER}\n${rows.join('\n')}\n`);
    const { out } = await importFiles(store, [file], { batchSize: 10 });
    expect(tables.kpis.calls).toEqual([4, 1]);
    expect(out[0]).toContain('stored 5 (4 inserted, 1 updated, 0 unchanged)');
    expect(tables.kpis.rows.get('A1|2026-03-02')?.contacts_handled).toBe(14);
  });
});

describe('the printed list of problems', () => {
  it('stops at the cap and says how many more there are', async () => {
    const { store } = seededStore();
    const dir = await tempDir();
    const rows = Array.from({ length: 5 }, () => '2026-03-02,A9,10,,,,,');
    const file = await writeFixture(dir, 'kpis.csv', `${HEADER}\n${rows.join('\n')}\n`);
    const { err } = await importFiles(store, [file], { maxPrinted: 2 });
    expect(err.slice(1)).toEqual([
      `${file}:2: agent_id: unknown agent "A9" (import the agents file first)`,
      `${file}:3: agent_id: unknown agent "A9" (import the agents file first)`,
      `${file}: … and 3 more problems; every rejected row is in ${file}.rejected.csv`,
    ]);
  });
});

describe('line numbers', () => {
  it('counts CRLF line breaks, blank lines and a quoted field spanning three lines', async () => {
    const { store } = seededStore();
    const dir = await tempDir();
    // line 1 blank, 2 header, 3 good, 4 blank, 5-7 one record (quoted note), 8 bad
    const text = [
      '',
      'date,agent_id,contacts_handled,comment',
      '2026-03-02,A1,40,',
      '',
      '2026-03-03,A1,41,"one',
      'two',
      'three"',
      '2026-03-04,A1,x,',
      '',
    ].join('\r\n');
    const file = await writeFixture(dir, 'kpis.csv', text);
    const { err, out } = await importFiles(store, [file]);
    expect(err.slice(1)).toEqual([
      `${file}:8: contacts_handled: must be a whole number 0 or more, got "x"`,
    ]);
    expect(out[0]).toContain('read 3 rows, stored 2');
  });

  it('counts a quoted field holding commas and a line break in the line of a later bad row', async () => {
    const { store, tables } = seededStore();
    const dir = await tempDir();
    // line 1 header, 2–3 one record (its comment holds a comma and a line break),
    // 4 good (doubled quotes in its comment), 5 bad.
    const text = [
      HEADER,
      '2026-03-02,A1,40,,,,,"late, then',
      'early"',
      '2026-03-03,A1,41,,,,,"said ""thanks"""',
      '2026-03-04,A1,-1,,,,,',
      '',
    ].join('\n');
    const file = await writeFixture(dir, 'kpis.csv', text);
    const { code, err } = await importFiles(store, [file]);
    expect(code).toBe(2);
    // err[0] is the notice that the comment column is ignored.
    expect(err.slice(1)).toEqual([
      `${file}:5: contacts_handled: must be a whole number 0 or more, got "-1"`,
    ]);
    expect(tables.kpis.rows.size).toBe(2);
  });

  it('reads a byte-order mark and CRLF, and counts lines across the pieces of a long file', async () => {
    const dir = await tempDir();
    // 3,000 records of two lines each (the comment is quoted over a CRLF), ~170 KB, so
    // records cross the reader's 64 KB pieces. One agent per record, all on 2026-01-01.
    // Record k starts on line 2 + 2k; the last, k = 2,999, is bad: line 6,000.
    const agents = Array.from({ length: 3_000 }, (_, k) => ({
      id: `A${k}`,
      name: `Agent ${k}`,
      team_id: 'T1',
    }));
    const records = agents.map(
      (agent, k) =>
        `2026-01-01,${agent.id},${k === 2_999 ? 'many' : k},,,,,"note ${k},\r\nsecond line"`,
    );
    const { store, tables } = createMemoryStore({ teams: [team('T1', 'Care')], agents });
    const file = await writeFixture(
      dir,
      'kpis.csv',
      `\uFEFF${HEADER}\r\n${records.join('\r\n')}\r\n`,
    );
    const { code, err, out } = await importFiles(store, [file]);
    expect(code).toBe(2);
    expect(err.slice(1)).toEqual([
      `${file}:6000: contacts_handled: must be a whole number 0 or more, got "many"`,
    ]);
    expect(out[0]).toContain('read 3000 rows, stored 2999');
    expect(tables.kpis.rows.get('A2998|2026-01-01')?.contacts_handled).toBe(2998);
  });
});
