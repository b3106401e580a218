/** agent_id as an agents file's id and team_id as a teams file's, inferred or with --kind. */
import { describe, expect, it } from 'vitest';
import { inferKind } from '../../src/ingest/infer-kind.ts';
import { createMemoryStore, team } from './support/memory-store.ts';
import { importFiles, tempDir, writeFixture } from './support/run.ts';

describe('aliases', () => {
  it('recognises agent_id, name, team_id as an agents file and team_id, name, timezone as teams', () => {
    expect(inferKind(['agent_id', 'name', 'team_id', 'email'])).toEqual({ kind: 'agents' });
    expect(inferKind(['team_id', 'name', 'timezone'])).toEqual({ kind: 'teams' });
  });

  it('still refuses a file whose columns fit two kinds', () => {
    // agents by its alias (agent_id, name, team_id) and kpis (date, agent_id, contacts_handled).
    expect(inferKind(['agent_id', 'name', 'team_id', 'date', 'contacts_handled'])).toEqual({
      problem:
        'its columns (agent_id, name, team_id, date, contacts_handled) fit more than one kind (agents, kpis); pass --kind',
    });
  });

  it.each([[undefined], ['agents' as const]])(
    'imports an agents file keyed agent_id (kind %s)',
    async (kind) => {
      const { store, tables } = createMemoryStore({ teams: [team('T1', 'North')] });
      const dir = await tempDir();
      const file = await writeFixture(dir, 'a.csv', 'agent_id,name,team_id\nA1,Ann,T1\n');
      const { code, out } = await importFiles(store, [file], kind ? { kind } : {});
      expect(code).toBe(0);
      expect(out[0]).toContain('agents (reading agent_id as id): read 1 row, stored 1');
      expect(tables.agents.all()).toEqual([{ id: 'A1', name: 'Ann', team_id: 'T1' }]);
    },
  );

  it.each([[undefined], ['teams' as const]])(
    'imports a teams file keyed team_id (kind %s)',
    async (kind) => {
      const { store, tables } = createMemoryStore();
      const dir = await tempDir();
      const file = await writeFixture(
        dir,
        't.csv',
        'team_id,name,timezone\nT9,South,Europe/Paris\n',
      );
      const { code } = await importFiles(store, [file], kind ? { kind } : {});
      expect(code).toBe(0);
      expect(tables.teams.all().map((t) => [t.id, t.timezone])).toEqual([['T9', 'Europe/Paris']]);
    },
  );

  it('names the alias column in a row problem, as the file has it', async () => {
    const { store } = createMemoryStore({ teams: [team('T1', 'North')] });
    const dir = await tempDir();
    const file = await writeFixture(dir, 'a.csv', 'agent_id,name,team_id\n,Ann,T1\n');
    const { code, err } = await importFiles(store, [file]);
    expect(code).toBe(2);
    expect(err).toContain(`${file}:2: agent_id: required, but empty`);
  });

  it('refuses an agents file with both id and agent_id: either could be the id', async () => {
    const { store, tables } = createMemoryStore({ teams: [team('T1', 'North')] });
    const dir = await tempDir();
    const file = await writeFixture(dir, 'a.csv', 'id,agent_id,name,team_id\nA1,X1,Ann,T1\n');
    const { code, err } = await importFiles(store, [file], { kind: 'agents' });
    expect(code).toBe(1);
    expect(err).toEqual([
      `${file}: it has both id and agent_id, and either could be the agent's id; keep one`,
    ]);
    expect(tables.agents.all()).toEqual([]);
  });
});
