/**
 * The off-heap id table must answer exactly as a Map<id, row> would: through growth
 * (many rows, several rehashes), deletes and re-inserts (tombstones), non-ASCII ids, a
 * lookup table built lazily after rows were loaded, and a round trip through its parts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdTable } from '../../src/store/embedded/id-table.ts';

const idArb = fc.oneof(
  fc.constantFrom('A1|2026-10-01', 'A2|2026-10-01', 'é|x', '日本|1', '', '🙂'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);

describe('IdTable', () => {
  it('finds what a Map finds after any sequence of appends and removes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ remove: fc.boolean(), id: idArb }), { maxLength: 300 }),
        (ops) => {
          const table = new IdTable();
          const oracle = new Map<string, number>();
          for (const { remove, id } of ops) {
            if (remove) {
              expect(table.remove(id)).toBe(oracle.get(id) ?? -1);
              oracle.delete(id);
            } else if (!oracle.has(id)) {
              oracle.set(id, table.append(id));
            }
          }
          for (const { id } of ops) expect(table.find(id)).toBe(oracle.get(id) ?? -1);
          for (const [id, row] of oracle) expect(table.idAt(row)).toBe(id);
        },
      ),
    );
  });

  it('grows through many rows and rebuilds its lookup from parts', () => {
    const table = new IdTable();
    const ids = Array.from({ length: 50_000 }, (_, i) => `A${i}|2026-${(i % 12) + 1}`);
    ids.forEach((id, i) => {
      expect(table.append(id)).toBe(i);
    });
    for (let i = 0; i < ids.length; i += 997) expect(table.find(ids[i] as string)).toBe(i);
    for (let i = 0; i < ids.length; i += 3) table.remove(ids[i] as string);
    expect(table.find(ids[3] as string)).toBe(-1);
    expect(table.find(ids[4] as string)).toBe(4);

    // The snapshot's view: only the live rows, in order; a fresh table over them builds
    // its lookup on first use.
    const live = Int32Array.from(ids.keys()).filter((i) => i % 3 !== 0);
    const { arena, starts } = table.parts(live);
    const reloaded = new IdTable({ arena, starts, rows: live.length });
    expect(reloaded.idAt(0)).toBe(ids[1]);
    expect(reloaded.find(ids[5] as string)).toBe(3);
    expect(reloaded.find(ids[6] as string)).toBe(-1);
    expect(reloaded.append('new')).toBe(live.length);
    expect(reloaded.find('new')).toBe(live.length);
  });
});
