/** Which kind a file holds, from its columns, and the order a run imports its files in. */
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inferKind } from '../../src/ingest/infer-kind.ts';
import { createMemoryStore, team } from './support/memory-store.ts';
import { importFiles, tempDir, writeFixture } from './support/run.ts';

const FIXTURES = new URL('../fixtures/ingest/', import.meta.url).pathname;

describe('inferKind', () => {
  it.each([
    [['date', 'agent_id', 'contacts_handled', 'csat_responses'], 'kpis'],
    [['date', 'team_id', 'reason', 'count'], 'contacts'],
    [['initiative_id', 'agent_id', 'stage', 'date', 'passed'], 'enablement'],
    [['id', 'name', 'team_id', 'email'], 'agents'],
    [['id', 'name', 'timezone', 'site'], 'teams'],
  ])('recognises %j as %s', (columns, kind) => {
    expect(inferKind(columns)).toEqual({ kind });
  });

  it('names the columns seen and the kinds expected when none fits', () => {
    expect(inferKind(['day', 'who', 'calls'])).toEqual({
      problem:
        'cannot tell what it holds from its columns (day, who, calls); expected the columns of one of: ' +
        'teams (id, name, timezone); agents (id, name, team_id); kpis (date, agent_id, contacts_handled); ' +
        'contacts (date, team_id, reason, count); enablement (initiative_id, agent_id, stage); or pass --kind',
    });
  });

  it('asks for --kind when the columns fit two kinds', () => {
    expect(inferKind(['id', 'name', 'team_id', 'timezone'])).toEqual({
      problem:
        'its columns (id, name, team_id, timezone) fit more than one kind (teams, agents); pass --kind',
    });
  });
});

describe('a run of several files', () => {
  it('imports teams, then agents, then the rest, whatever order they were given in', async () => {
    const { store, tables } = createMemoryStore();
    const dir = await tempDir();
    const kpis = await writeFixture(
      dir,
      'day.csv',
      'date,agent_id,contacts_handled\n2026-03-02,A1,40\n2026-03-02,A2,35\n',
    );
    const agents = join(dir, 'agents.json');
    const teams = join(dir, 'teams.csv');
    await copyFile(join(FIXTURES, 'agents.json'), agents);
    await copyFile(join(FIXTURES, 'teams.csv'), teams);

    const { code, out, err } = await importFiles(store, [kpis, agents, teams]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out.map((line) => line.split(': ')[1])).toEqual(['teams', 'agents', 'kpis']);
    // Each agent-day carries its agent's team: A1 is in T1, A2 in T2 (fixtures).
    expect(tables.kpis.all().map((row) => [row.agent_id, row.team_id])).toEqual([
      ['A1', 'T1'],
      ['A2', 'T2'],
    ]);
    expect(tables.teams.rows.get('T1')?.lead_slack_ids).toEqual(['U0AAA', 'U0BBB']);
  });

  it('stamps new rows with the agent’s current team, leaving earlier rows with the old one', async () => {
    const { store, tables } = createMemoryStore({
      teams: [team('T1', 'Care'), team('T2', 'Billing')],
      agents: [{ id: 'A1', name: 'Ada', team_id: 'T1' }],
    });
    const dir = await tempDir();
    await importFiles(store, [
      await writeFixture(dir, 'k1.csv', 'date,agent_id,contacts_handled\n2026-03-02,A1,40\n'),
    ]);
    await importFiles(store, [await writeFixture(dir, 'a.csv', 'id,name,team_id\nA1,Ada,T2\n')]);
    await importFiles(store, [
      await writeFixture(dir, 'k2.csv', 'date,agent_id,contacts_handled\n2026-03-03,A1,41\n'),
    ]);
    expect(tables.kpis.rows.get('A1|2026-03-02')?.team_id).toBe('T1');
    expect(tables.kpis.rows.get('A1|2026-03-03')?.team_id).toBe('T2');
  });

  it('exits 1 with the message when a file’s kind cannot be told', async () => {
    const { store } = createMemoryStore();
    const dir = await tempDir();
    const file = await writeFixture(dir, 'x.csv', 'day,who,calls\n2026-03-02,A1,4\n');
    const { code, err } = await importFiles(store, [file]);
    expect(code).toBe(1);
    expect(err[0]).toMatch(
      new RegExp(`^${file}: cannot tell what it holds from its columns \\(day, who, calls\\)`),
    );
  });

  it('reads semicolon-separated CSV, with lead ids separated by spaces', async () => {
    const { store, tables } = createMemoryStore();
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'teams.csv',
      'id;name;timezone;lead_slack_ids\nT1;Care;Europe/Berlin;U0AAA U0BBB\n',
    );
    expect((await importFiles(store, [file])).code).toBe(0);
    expect(tables.teams.rows.get('T1')?.lead_slack_ids).toEqual(['U0AAA', 'U0BBB']);
  });
});
