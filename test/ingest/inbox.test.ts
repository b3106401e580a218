/**
 * The inbox, one scan at a time (each `scan()` is what the schedule runs): files are read
 * only once settled, `.part` and dot-files never, the same bytes twice change nothing, a
 * bad file goes to rejected/ beside its .rejected.csv and never stops the others, and
 * the profile is chosen by file name or by a sidecar mapping.
 */
import { appendFile, copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { globMatches } from '../../src/ingest/inbox/choose-profile.ts';
import { createInbox } from '../../src/ingest/inbox/inbox.ts';
import { isInboxCandidate } from '../../src/ingest/inbox/settle.ts';
import { loadShippedProfiles } from '../../src/ingest/profiles/load-profile.ts';
import { createMemoryStore, team } from './support/memory-store.ts';
import { tempDir } from './support/run.ts';

const PROFILES = fileURLToPath(new URL('../fixtures/ingest/profiles/', import.meta.url));
const ORG = {
  teams: [team('T1', 'North')],
  agents: [
    { id: 'A1', name: 'Ann', team_id: 'T1' },
    { id: 'A2', name: 'Bo', team_id: 'T1' },
  ],
};

function quietLog() {
  const lines: string[] = [];
  const record = (_: object, message: string) => lines.push(message);
  return { lines, log: { info: record, warn: record, error: record } };
}

async function setUp(seed = ORG) {
  const dir = await tempDir();
  const memory = createMemoryStore(seed);
  const { lines, log } = quietLog();
  const inbox = createInbox({
    dir,
    store: memory.store,
    log,
    profiles: await loadShippedProfiles(),
  });
  return { dir, memory, lines, inbox };
}

const ls = async (dir: string) => (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();

describe('inbox file names', () => {
  it.each([
    ['kpis.csv', true],
    ['kpis.csv.part', false],
    ['.kpis.csv.swp', false],
    ['kpis.csv.rejected.csv', false],
    ['kpis.csv.mapping.yml', false],
  ])('%s is read: %s', (name, read) => {
    expect(isInboxCandidate(name)).toBe(read);
  });

  it('matches profile patterns on the whole name, ignoring case', () => {
    expect(globMatches('zendesk*', 'Zendesk-2026-11-30.csv')).toBe(true);
    expect(globMatches('zendesk*', 'my-zendesk.csv')).toBe(false);
  });
});

describe('an inbox scan', () => {
  it('does not read a file still being copied: only once its size holds for a scan', async () => {
    const { dir, memory, inbox, lines } = await setUp();
    const file = join(dir, 'kpis.csv');
    await writeFile(file, 'date,agent_id,contacts_handled\n2026-11-30,A1,4\n');
    expect(await inbox.scan()).toBeNull();
    expect(lines).toContain('inbox: waiting for the file to settle (still being written)');
    // The copy goes on between two scans.
    await appendFile(file, '2026-11-30,A2,5\n');
    expect(await inbox.scan()).toBeNull();
    expect(memory.tables.kpis.rows.size).toBe(0);
    const summary = await inbox.scan();
    expect(summary?.files.map((f) => [f.name, f.outcome])).toEqual([['kpis.csv', 'done']]);
    expect(memory.tables.kpis.rows.size).toBe(2);
    expect(await ls(join(dir, 'done'))).toEqual(['kpis.csv']);
    expect(await ls(dir)).toEqual(['done', 'rejected']);
  });

  it('never reads *.part or dot-files', async () => {
    const { dir, memory, inbox } = await setUp();
    const rows = 'date,agent_id,contacts_handled\n2026-11-30,A1,4\n';
    await writeFile(join(dir, 'kpis.csv.part'), rows);
    await writeFile(join(dir, '.kpis.csv'), rows);
    expect(await inbox.scan()).toBeNull();
    expect(await inbox.scan()).toBeNull();
    expect(memory.tables.kpis.calls).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['.kpis.csv', 'done', 'kpis.csv.part', 'rejected']);
  });

  it('changes nothing when the same file is dropped twice, even after the data changed', async () => {
    const { dir, memory, inbox } = await setUp();
    const first = 'date,agent_id,contacts_handled\n2026-11-30,A1,4\n';
    await writeFile(join(dir, 'kpis.csv'), first);
    await inbox.scan();
    await inbox.scan();
    // A correction arrives, then the old export is dropped again by mistake.
    await writeFile(join(dir, 'fix.csv'), 'date,agent_id,contacts_handled\n2026-11-30,A1,6\n');
    await inbox.scan();
    await inbox.scan();
    await writeFile(join(dir, 'kpis.csv'), first);
    await inbox.scan();
    const summary = await inbox.scan();
    expect(summary?.files).toEqual([
      expect.objectContaining({ name: 'kpis.csv', outcome: 'duplicate' }),
    ]);
    expect(summary?.files[0]?.detail).toMatch(
      /^the same bytes as kpis\.csv at .*: nothing imported$/,
    );
    expect(memory.tables.kpis.rows.get('A1|2026-11-30')?.contacts_handled).toBe(6);
    expect(await ls(join(dir, 'done'))).toEqual(['fix.csv', 'kpis.2.csv', 'kpis.csv']);
  });

  it('moves a bad file to rejected/ beside its .rejected.csv, and imports the others', async () => {
    const { dir, memory, inbox } = await setUp();
    await writeFile(join(dir, 'a-unknown.csv'), 'day,who,calls\n2026-11-30,A1,4\n');
    await writeFile(
      join(dir, 'b-partly.csv'),
      'date,agent_id,contacts_handled\n2026-11-30,A1,4\n2026-11-30,A9,5\n',
    );
    await writeFile(join(dir, 'c-good.csv'), 'date,agent_id,contacts_handled\n2026-12-01,A2,7\n');
    await inbox.scan();
    const summary = await inbox.scan();
    expect(summary?.files.map((f) => [f.name, f.outcome])).toEqual([
      ['a-unknown.csv', 'rejected'],
      ['b-partly.csv', 'rejected'],
      ['c-good.csv', 'done'],
    ]);
    expect(summary?.files[0]?.detail).toContain('cannot tell what it holds from its columns');
    expect(summary?.files[1]?.problems).toEqual([
      'b-partly.csv:3: agent_id: unknown agent "A9" (import the agents file first)',
    ]);
    expect(await ls(join(dir, 'rejected'))).toEqual([
      'a-unknown.csv',
      'b-partly.csv',
      'b-partly.csv.rejected.csv',
    ]);
    expect(await ls(join(dir, 'done'))).toEqual(['c-good.csv']);
    // The good rows of the partly rejected file are stored, like `teamhealth import`.
    expect([...memory.tables.kpis.rows.keys()].sort()).toEqual(['A1|2026-11-30', 'A2|2026-12-01']);
  });

  it('imports teams and agents dropped with a KPI file in that order, whatever their names', async () => {
    const { dir, memory, inbox } = await setUp({ teams: [], agents: [] });
    await writeFile(join(dir, '1-kpis.csv'), 'date,agent_id,contacts_handled\n2026-11-30,A1,4\n');
    await writeFile(join(dir, '2-agents.csv'), 'agent_id,name,team_id\nA1,Ann,T1\n');
    await writeFile(join(dir, '3-teams.csv'), 'team_id,name,timezone\nT1,North,Europe/London\n');
    await inbox.scan();
    const summary = await inbox.scan();
    expect(summary?.files.every((f) => f.outcome === 'done')).toBe(true);
    expect(memory.tables.kpis.rows.get('A1|2026-11-30')?.team_id).toBe('T1');
  });

  it('chooses a shipped profile by file name, and a sidecar mapping over it', async () => {
    const { dir, memory, inbox } = await setUp({
      teams: [team('T-LON', 'London')],
      agents: [
        { id: '372001', name: 'Jane', team_id: 'T-LON' },
        { id: '372002', name: 'Ann', team_id: 'T-LON' },
      ],
    });
    await copyFile(join(PROFILES, 'zendesk-tickets.csv'), join(dir, 'zendesk-2026-11-30.csv'));
    await writeFile(join(dir, 'tickets.csv'), 'When,Who\n2026-12-02,372002\n2026-12-02,372002\n');
    await writeFile(
      join(dir, 'tickets.csv.mapping.yml'),
      'group: agent-day\nfields:\n  date: When\n  agent_id: Who\n  contacts_handled: { constant: 1 }\n',
    );
    await inbox.scan();
    const summary = await inbox.scan();
    expect(summary?.files.map((f) => [f.name, f.outcome, f.profile])).toEqual([
      ['tickets.csv', 'done', 'tickets'],
      ['zendesk-2026-11-30.csv', 'done', 'zendesk-tickets'],
    ]);
    expect(memory.tables.kpis.rows.get('372002|2026-12-02')?.contacts_handled).toBe(2);
    expect(memory.tables.kpis.rows.get('372001|2026-11-30')?.csat_responses).toBe(2);
    expect(await ls(join(dir, 'done'))).toEqual([
      'tickets.csv',
      'tickets.csv.mapping.yml',
      'zendesk-2026-11-30.csv',
    ]);
  });

  it('rejects a file whose sidecar mapping is invalid, naming the mapping and field', async () => {
    const { dir, inbox } = await setUp();
    await writeFile(join(dir, 'x.csv'), 'Day,Agent,Score\n2026-11-30,A1,4.2\n');
    await writeFile(
      join(dir, 'x.csv.mapping.yml'),
      'fields:\n  date: Day\n  agent_id: Agent\n  contacts_handled: Day\n  csat_positive: { average: Score, count: Day }\n',
    );
    await inbox.scan();
    const summary = await inbox.scan();
    expect(summary?.files[0]?.outcome).toBe('rejected');
    expect(summary?.files[0]?.detail).toContain('x.csv.mapping.yml: fields.csat_positive:');
    expect(await ls(join(dir, 'rejected'))).toEqual(['x.csv', 'x.csv.mapping.yml']);
    expect(await readFile(join(dir, 'rejected', 'x.csv'), 'utf8')).toContain('4.2');
  });
});
