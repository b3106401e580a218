/**
 * The operator's own mapping files: validated with zod before any row is read (errors
 * name the file and the field), derivations computed exactly, what cannot be derived
 * refused with its reason, bad cells named by file, line and column, and a dry run
 * that writes nothing.
 */
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { durationSeconds, numberOf, percentOf } from '../../src/ingest/profiles/cells.ts';
import { loadMappingFile } from '../../src/ingest/profiles/mapping.ts';
import { createMemoryStore, team } from './support/memory-store.ts';
import { importFiles, tempDir, writeFixture } from './support/run.ts';

const ORG = {
  teams: [team('T1', 'North'), { ...team('T2', 'Manila'), timezone: 'Asia/Manila' }],
  agents: [
    { id: 'A1', name: 'Ann', team_id: 'T1' },
    { id: 'A2', name: 'Bo', team_id: 'T2' },
  ],
};

async function mappingFrom(yaml: string) {
  const dir = await tempDir();
  const path = await writeFixture(dir, 'mine.yml', yaml);
  return { path, load: () => loadMappingFile(path) };
}

describe('a mapping file', () => {
  it('refuses CSAT given as an average score: it gives no count of positive answers', async () => {
    const { path, load } = await mappingFrom(`
fields:
  date: Day
  agent_id: Agent
  contacts_handled: Handled
  csat_responses: Surveys
  csat_positive: { average: CSAT score, count: Surveys }
`);
    await expect(load()).rejects.toThrow(
      `${path}: fields.csat_positive: an average score (such as CSAT 1–5) cannot be derived into a count of positive answers`,
    );
  });

  it('names every problem with its field: an unknown column, a bad shape, a missing required one', async () => {
    const { path, load } = await mappingFrom(`
fields:
  agent_id: Agent
  contacts_handled: { average: AHT, count: Handled }
  csat: Score
  first_contact_resolved: { percent: FCR }
`);
    const error = await load().catch((e: Error) => e);
    const lines = (error as Error).message.split('\n');
    expect(lines).toContain(
      `${path}: fields.contacts_handled: an average becomes a sum only for handle_time_sec and qa_score_total (average × count); contacts_handled is a count`,
    );
    expect(lines.some((l) => l.startsWith(`${path}: fields.csat: kpis has no column csat`))).toBe(
      true,
    );
    expect(lines.some((l) => l.startsWith(`${path}: fields.first_contact_resolved.of:`))).toBe(
      true,
    );
    expect(lines).toContain(`${path}: fields: must give date (kpis needs it)`);
  });

  it('names the file and line of YAML that does not parse', async () => {
    const { path, load } = await mappingFrom('fields:\n  date: [unclosed\n');
    await expect(load()).rejects.toThrow(new RegExp(`^${path}:\\d+: not valid YAML`));
  });

  it('renames columns, reads 30.11.2026, turns a percentage of a given count into a count and fills constants', async () => {
    const { load } = await mappingFrom(`
fields:
  date: { column: Tag, format: dd.MM.yyyy }
  agent_id: Mitarbeiter
  contacts_handled: Kontakte
  handle_time_sec: { column: Bearbeitungszeit, unit: minutes }
  first_contact_resolved: { percent: FCR-Quote, of: Kontakte }
  qa_evaluations: { constant: 1 }
  qa_score_total: QA
`);
    const { store, tables } = createMemoryStore(ORG);
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'export.csv',
      'Tag;Mitarbeiter;Kontakte;Bearbeitungszeit;FCR-Quote;QA\n30.11.2026;A1;42;175.5;85.7 %;88\n',
    );
    const { code, err } = await importFiles(store, [file], { mapping: await load() });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    // 175.5 min = 10530 s; 85.7% of 42 = 35.99 → 36.
    expect(tables.kpis.all()).toEqual([
      {
        date: '2026-11-30',
        agent_id: 'A1',
        team_id: 'T1',
        contacts_handled: 42,
        handle_time_sec: 10530,
        aht_contacts: 42,
        first_contact_resolved: 36,
        fcr_contacts: 42,
        qa_evaluations: 1,
        qa_score_total: 88,
      },
    ]);
  });

  it('reads an empty average or percentage over a count of 0 as a sum or part of 0', async () => {
    const { load } = await mappingFrom(`
fields:
  date: Day
  agent_id: Agent
  contacts_handled: Handled
  csat_responses: Surveys
  csat_positive: { percent: Positive, of: Surveys }
  qa_evaluations: Reviews
  qa_score_total: { average: QA, count: Reviews }
`);
    const { store, tables } = createMemoryStore(ORG);
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'x.csv',
      'Day,Agent,Handled,Surveys,Positive,Reviews,QA\n2026-11-30,A1,9,0,,0,\n2026-11-30,A2,9,4,,2,80\n',
    );
    const { code, err } = await importFiles(store, [file], { mapping: await load() });
    expect(tables.kpis.rows.get('A1|2026-11-30')).toMatchObject({
      csat_responses: 0,
      csat_positive: 0,
      qa_evaluations: 0,
      qa_score_total: 0,
    });
    // Over 4 surveys an empty percentage is missing, not 0: refused.
    expect(code).toBe(2);
    expect(err).toEqual([
      `${file}:3: csat_positive (Positive of Surveys): empty while csat_responses is given (give both or neither)`,
    ]);
  });

  it("places a UTC timestamp in the agent's team's local day", async () => {
    const { load } = await mappingFrom(`
fields:
  date: { column: Ended, format: "yyyy-MM-dd HH:mm:ss", zone: UTC }
  agent_id: Agent
  contacts_handled: Handled
`);
    const { store, tables } = createMemoryStore(ORG);
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'x.csv',
      'Ended,Agent,Handled\n2026-11-30 20:00:00,A1,5\n2026-11-30 20:00:00,A2,7\n',
    );
    await importFiles(store, [file], { mapping: await load() });
    // 20:00 UTC is 20:00 in London (30 Nov) and 04:00 on 1 Dec in Manila.
    expect(tables.kpis.all().map((r) => [r.agent_id, r.date])).toEqual([
      ['A1', '2026-11-30'],
      ['A2', '2026-12-01'],
    ]);
  });

  it('names file, line and export column for a bad cell, and keeps the good rows', async () => {
    const { load } = await mappingFrom(`
fields:
  date: { column: Day, format: MM/dd/yyyy }
  agent_id: Agent
  contacts_handled: Handled
  handle_time_sec: { average: AHT, count: Handled, unit: "hh:mm:ss" }
`);
    const { store, tables } = createMemoryStore(ORG);
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'x.csv',
      'Day,Agent,Handled,AHT\n11/30/2026,A1,10,00:05:00\n11/31/2026,A1,10,00:05:00\n12/01/2026,A1,10,4 min\n12/02/2026,A1,,00:05:00\n',
    );
    const { code, err } = await importFiles(store, [file], { mapping: await load() });
    expect(code).toBe(2);
    expect(err).toEqual([
      `${file}:3: Day: must be a date written MM/dd/yyyy, got "11/31/2026"`,
      `${file}:4: AHT: must be a duration written hh:mm:ss, got "4 min"`,
      `${file}:5: Handled: empty while AHT is given (an average needs its count)`,
    ]);
    expect(tables.kpis.all().map((r) => [r.date, r.handle_time_sec])).toEqual([
      ['2026-11-30', 3000],
    ]);
  });

  it('stores no agent-day of grouped rows when one row of that day is rejected', async () => {
    const { load } = await mappingFrom(`
group: agent-day
fields:
  date: Day
  agent_id: Agent
  contacts_handled: { constant: 1 }
  csat_responses: { count_if: Rating, in: [Good, Bad] }
  csat_positive: { count_if: Rating, in: [Good] }
`);
    const { store, tables } = createMemoryStore(ORG);
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      't.csv',
      'Day,Agent,Rating\n2026-11-30,A1,Good\n2026-11-30,A1,Bad\n2026-11-30,A2,Good\n2026-11-30,A9,Good\n2026-11-30,A2,Good\n',
    );
    // Line 5's agent is unknown, but its day is A9's, not A2's: A2's day stays whole.
    const { code, out } = await importFiles(store, [file], { mapping: await load() });
    expect(code).toBe(2);
    expect(out[0]).toContain('stored 2 (2 inserted');
    expect(tables.kpis.all().map((r) => [r.agent_id, r.contacts_handled])).toEqual([
      ['A1', 2],
      ['A2', 2],
    ]);

    // A1's second row on 1 Dec has a count that is not a number: A1's whole day is held back.
    const counted = await mappingFrom(`
group: agent-day
fields:
  date: Day
  agent_id: Agent
  contacts_handled: Count
`);
    const poisoned = await writeFixture(
      dir,
      'p.csv',
      'Day,Agent,Count\n2026-12-01,A1,3\n2026-12-01,A1,x\n2026-12-01,A2,4\n',
    );
    const second = await importFiles(store, [poisoned], { mapping: await counted.load() });
    expect(second.code).toBe(2);
    expect(second.err).toContain(`${poisoned}:3: Count: must be a number 0 or more, got "x"`);
    expect(second.err.join('\n')).toContain(
      `${poisoned}: agent-day A1 2026-12-01 not stored: line 3 of it was rejected, so its 1 valid row (line 2) would make a short day`,
    );
    expect(second.out[0]).toContain('stored 1 (1 inserted');
    expect(second.out[0]).toContain('withheld 1');
    expect(tables.kpis.rows.has('A1|2026-12-01')).toBe(false);
    expect(tables.kpis.rows.get('A2|2026-12-01')?.contacts_handled).toBe(4);
  });

  it('--dry-run: validates through the profile, reports what it would store, and writes nothing', async () => {
    const { load } = await mappingFrom(`
fields:
  date: Day
  agent_id: Agent
  contacts_handled: Handled
`);
    const { store, tables } = createMemoryStore(ORG);
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'x.csv',
      'Day,Agent,Handled\n2026-11-30,A1,4\n2026-12-01,A2,5\n2026-12-02,A9,6\n',
    );
    const { code, out, err } = await importFiles(store, [file], {
      mapping: await load(),
      dryRun: true,
    });
    expect(code).toBe(2);
    expect(out).toEqual([
      `${file}: kpis (profile mine): dry run, nothing written: read 3 rows, would store 2 records for 2026-11-30 to 2026-12-01, 2 agents, would reject 1`,
    ]);
    expect(err).toEqual([`${file}:4: Agent: unknown agent "A9" (import the agents file first)`]);
    expect(tables.kpis.calls).toEqual([]);
    // No .rejected.csv beside it.
    expect(await readdir(dir)).toEqual(['x.csv']);
  });
});

describe('export cells', () => {
  it.each([
    ['00:04:10', 250],
    ['4:10', 250],
    ['26:00:00', 93600],
    ['250', 250],
    ['4 min', 'must be a duration written hh:mm:ss, got "4 min"'],
    ['00:4x:10', 'must be a duration written hh:mm:ss, got "00:4x:10"'],
  ])('reads the duration %s as %s', (text, expected) => {
    expect(durationSeconds(text, 'hh:mm:ss')).toBe(expected);
  });

  it.each([
    ['85.5%', 0.855],
    ['85.5 %', 0.855],
    ['100%', 1],
    ['85', 0.85],
    [
      '0.9',
      'is ambiguous: "0.9" could be a fraction or a percentage; write it with % (such as 90%)',
    ],
    ['101%', 'must be a percentage from 0% to 100%, got "101%"'],
    ['n/a', 'must be a percentage such as 85.5%, got "n/a"'],
  ])('reads the percentage %s as %s', (text, expected) => {
    expect(percentOf(text)).toBe(expected);
  });

  it.each([
    ['1,234', 1234],
    ['1 234.5', 1234.5],
    ['42', 42],
    ['-3', 'must be a number 0 or more, got "-3"'],
    ['1,23', 'must be a number 0 or more, got "1,23"'],
  ])('reads the number %s as %s', (text, expected) => {
    expect(numberOf(text)).toBe(expected);
  });
});

describe('a grouped file that stops part-way', () => {
  it('stores no agent-day: the last one read may be short', async () => {
    const dir = await tempDir();
    const mappingPath = await writeFixture(
      dir,
      'g.yml',
      'group: agent-day\nfields:\n  date: Day\n  agent_id: Agent\n  contacts_handled: { constant: 1 }\n',
    );
    const { store, tables } = createMemoryStore(ORG);
    const file = await writeFixture(
      dir,
      'g.csv',
      'Day,Agent\n2026-11-30,A1\n2026-11-30,A2\n"2026-11-30,A1\n',
    );
    const { code, err } = await importFiles(store, [file], {
      mapping: await loadMappingFile(mappingPath),
    });
    expect(code).toBe(1);
    expect(err.join('\n')).toContain(`${file}:4: malformed CSV`);
    expect(err.join('\n')).toContain(
      '(no agent-day of it was stored: a grouped file is stored only when read whole;',
    );
    expect(tables.kpis.calls).toEqual([]);
  });
});
