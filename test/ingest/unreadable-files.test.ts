/** A file that cannot be read at all: exit 1, one line naming the file and where. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, team } from './support/memory-store.ts';
import { importFiles, tempDir, writeFixture } from './support/run.ts';

describe('a file that cannot be read', () => {
  it('names a missing file', async () => {
    const { store } = createMemoryStore();
    const dir = await tempDir();
    const file = join(dir, 'nope.csv');
    const { code, err } = await importFiles(store, [file]);
    expect(code).toBe(1);
    expect(err).toEqual([`${file}: cannot read: no such file`]);
  });

  it('names a folder given as a file', async () => {
    const { store } = createMemoryStore();
    const dir = await tempDir();
    await mkdir(join(dir, 'sub'));
    const { code, err } = await importFiles(store, [join(dir, 'sub')]);
    expect(code).toBe(1);
    expect(err).toEqual([`${join(dir, 'sub')}: is a folder, not a file`]);
  });

  it('refuses binary content', async () => {
    const { store } = createMemoryStore();
    const dir = await tempDir();
    const file = join(dir, 'export.xlsx');
    await writeFile(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]));
    const { code, err } = await importFiles(store, [file]);
    expect(code).toBe(1);
    expect(err).toEqual([`${file}: not a CSV or JSON file (it holds binary data)`]);
  });

  it('refuses an empty file', async () => {
    const { store } = createMemoryStore();
    const dir = await tempDir();
    const file = await writeFixture(dir, 'kpis.csv', '');
    const { code, err } = await importFiles(store, [file]);
    expect(code).toBe(1);
    expect(err).toEqual([`${file}: the file is empty`]);
  });

  it('refuses a .json file that is not JSON, at line 1', async () => {
    const { store } = createMemoryStore();
    const dir = await tempDir();
    const file = await writeFixture(dir, 'kpis.json', 'date,agent_id,contacts_handled\n');
    const { code, err } = await importFiles(store, [file]);
    expect(code).toBe(1);
    expect(err).toEqual([
      `${file}:1: not JSON: expected an array ([{…}, …]) or one object per line ({…})`,
    ]);
  });

  it('stops at a quote never closed, naming the line, after storing the rows before it', async () => {
    const { store, tables } = createMemoryStore({
      teams: [team('T1', 'Care')],
    });
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'contacts.csv',
      'date,team_id,reason,count\n2026-03-02,T1,billing,4\n2026-03-02,T1,"refunds,5\n2026-03-03,T1,billing,6\n',
    );
    const { code, err, out } = await importFiles(store, [file]);
    expect(code).toBe(1);
    // The quote opens on line 3 and swallows the rest of the file.
    expect(err).toEqual([
      `${file}:3: malformed CSV: a quoted field opened in the record starting here is never closed (the valid rows before it were stored; fix the file and import it again)`,
    ]);
    expect(out[0]).toContain('read 1 row, stored 1');
    expect(tables.contacts.rows.size).toBe(1);
  });

  it('stops at a quote inside an unquoted field, naming its line, after storing the rows before it', async () => {
    const { store, tables } = createMemoryStore({ teams: [team('T1', 'Care')] });
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'contacts.csv',
      'date,team_id,reason,count\n2026-03-02,T1,billing,4\n2026-03-02,T1,5" screen,5\n',
    );
    const { code, err, out } = await importFiles(store, [file]);
    expect(code).toBe(1);
    expect(err).toEqual([
      `${file}:3: malformed CSV: a quote inside an unquoted field (quote the whole field and double the quotes in it) (the valid rows before it were stored; fix the file and import it again)`,
    ]);
    expect(out[0]).toContain('read 1 row, stored 1');
    expect(tables.contacts.rows.size).toBe(1);
  });

  it('stops when a column the kind needs is missing, listing the columns seen', async () => {
    const { store } = createMemoryStore();
    const dir = await tempDir();
    const file = await writeFixture(dir, 'kpis.csv', 'date,agent_id,handled\n2026-03-02,A1,4\n');
    const { code, err } = await importFiles(store, [file], { kind: 'kpis' });
    expect(code).toBe(1);
    expect(err).toEqual([
      `${file}:1: missing column for kpis: contacts_handled (columns seen: date, agent_id, handled)`,
    ]);
  });

  it('still imports the other files of the run, and exits 1', async () => {
    const { store, tables } = createMemoryStore();
    const dir = await tempDir();
    const teams = await writeFixture(dir, 'teams.csv', 'id,name,timezone\nT1,Care,Europe/London\n');
    const { code, out } = await importFiles(store, [join(dir, 'missing.csv'), teams]);
    expect(code).toBe(1);
    expect(out).toHaveLength(1);
    expect(tables.teams.rows.size).toBe(1);
  });
});
