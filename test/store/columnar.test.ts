/**
 * The column-wise document map must be indistinguishable from the plain Map it replaces,
 * and its direct aggregation must return exactly what the generic path (bucket-index
 * narrowing + mingo with the fast `$group`) returns on the same writes: same groups, same
 * order, same values. The generic path over a plain Map is the oracle; it is itself
 * checked against mingo's own `$group` in fast-group.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { SUM_FIELDS } from '../../src/domain/metrics.ts';
import type { Doc, Pipeline } from '../../src/store/collection.ts';
import { aggregateColumns } from '../../src/store/embedded/columnar-aggregate.ts';
import { ColumnarDocs } from '../../src/store/embedded/columnar-docs.ts';
import { EmbeddedDatabase } from '../../src/store/embedded/database.ts';
import { EmbeddedCollection } from '../../src/store/embedded/embedded-collection.ts';
import {
  type Batch,
  decodeDocs,
  encodeBatch,
  encodeDocs,
  scanJournal,
} from '../../src/store/embedded/journal.ts';
import {
  agentDailyPipeline,
  teamDailyPipeline,
} from '../../src/store/repositories/kpi-pipelines.ts';
import { agentDayIndexes } from '../../src/store/repositories/kpis.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'teamhealth-columnar-'));
  dirs.push(dir);
  return dir;
}

/** Field values of every kind a document may carry, plus "absent". */
const ABSENT = Symbol('absent');
const value = fc.oneof(
  fc.integer({ min: -5, max: 40 }),
  fc.double({ min: -1e3, max: 1e3, noNaN: true }),
  // The edges of an Int32Array column: the first values past them make it a Float64Array.
  fc.constantFrom(2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1),
  fc.constantFrom<unknown>('x', 'y', null, true, { nested: [1, 'a'] }, [2, 3], -0, ABSENT),
);
const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
/** Writes: puts of documents with varying fields, types and field order; deletes. */
const op = fc.oneof(
  fc
    .record({
      id,
      n: value,
      s: fc.constantFrom<unknown>('p', 'q', 'r', 7, ABSENT),
      t: value,
      reversed: fc.boolean(),
    })
    .map(({ id: _id, reversed, ...fields }) => {
      const entries = Object.entries(fields).filter(([, v]) => v !== ABSENT);
      if (reversed) entries.reverse();
      return { put: { _id, ...Object.fromEntries(entries) } as Doc };
    }),
  id.map((key) => ({ del: key })),
);

/** The value with every -0 (at any depth) replaced by 0, as a JSON round trip does. */
function withoutNegativeZero<T>(value: T): T {
  if (Object.is(value, -0)) return 0 as T;
  if (Array.isArray(value)) return value.map(withoutNegativeZero) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, withoutNegativeZero(v)]),
    ) as T;
  }
  return value;
}

describe('ColumnarDocs', () => {
  it('holds exactly what a Map holds after any sequence of puts and deletes, field order included', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const map = new Map<string, Doc>();
        const columns = new ColumnarDocs();
        for (const o of ops) {
          if ('put' in o) {
            map.set(o.put._id, structuredClone(o.put));
            columns.set(o.put._id, structuredClone(o.put));
          } else {
            expect(columns.delete(o.del)).toBe(map.delete(o.del));
          }
        }
        expect(columns.size).toBe(map.size);
        const got = [...columns.entries()];
        const want = [...map.entries()];
        expect(got).toStrictEqual(want);
        expect(got.map(([, doc]) => Object.keys(doc))).toStrictEqual(
          want.map(([, doc]) => Object.keys(doc)),
        );
        for (const key of ['a', 'b', 'z']) expect(columns.get(key)).toStrictEqual(map.get(key));
      }),
      { numRuns: 300 },
    );
  });

  it('reads back from its snapshot exactly what it held, after any sequence of puts and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 40 }), async (ops) => {
        const dir = tempDir();
        const db = await EmbeddedDatabase.open(dir, { columnar: ['agent_days'] });
        const coll = new EmbeddedCollection(db, 'agent_days');
        for (const o of ops) {
          if ('put' in o) await coll.upsertMany([structuredClone(o.put)]);
          else await coll.deleteMany({ _id: o.del });
        }
        const before = [...(db.collection('agent_days').docs as ColumnarDocs).entries()];
        await db.close(); // writes the snapshot
        const reopened = await EmbeddedDatabase.open(dir, { columnar: ['agent_days'] });
        try {
          const after = [...(reopened.collection('agent_days').docs as ColumnarDocs).entries()];
          // JSON, in which the journal and a snapshot's mixed columns are written, has no
          // -0, so a persisted -0 may come back as 0 (counts are never -0); all else exact.
          expect(withoutNegativeZero(after)).toStrictEqual(withoutNegativeZero(before));
          expect(after.map(([, doc]) => Object.keys(doc))).toStrictEqual(
            before.map(([, doc]) => Object.keys(doc)),
          );
        } finally {
          await reopened.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps a replaced document in its place, as Map does', () => {
    const columns = new ColumnarDocs();
    columns.set('a', { _id: 'a', n: 1 });
    columns.set('b', { _id: 'b', n: 2 });
    columns.set('a', { _id: 'a', n: 3, extra: 'now' });
    expect([...columns.values()]).toStrictEqual([
      { _id: 'a', n: 3, extra: 'now' },
      { _id: 'b', n: 2 },
    ]);
  });
});

describe('journal blocks', () => {
  it('decode to the same documents, field order included', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const docs = ops.flatMap((o) => ('put' in o ? [o.put] : []));
        // The journal is JSON: compare with what JSON keeps (-0 becomes 0).
        const json = JSON.parse(JSON.stringify(docs)) as Doc[];
        const decoded = decodeDocs(JSON.parse(JSON.stringify(encodeDocs(json))));
        expect(decoded).toStrictEqual(json);
        expect(decoded.map((d) => Object.keys(d))).toStrictEqual(json.map((d) => Object.keys(d)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('journal lines', () => {
  it('read back as the batches written, whatever the text, and a torn tail is dropped', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 });
    const batch = fc.record({
      seq: fc.integer({ min: 1, max: 2 ** 40 }),
      c: fc.constantFrom('agent_days', 'tips', 'délivrées'),
      o: fc.array(
        fc.oneof(
          fc.record({ id: text, v: text, n: fc.integer() }).map(({ id, v, n }) => ({
            p: { _id: `k${id}`, v, n } as Doc,
          })),
          text.map((id) => ({ d: `k${id}` })),
        ),
        { minLength: 1, maxLength: 20 },
      ),
    });
    fc.assert(
      fc.property(fc.array(batch, { minLength: 1, maxLength: 5 }), fc.nat(), (generated, cut) => {
        // Plain objects (fast-check's records have no prototype), as a reader gets them.
        const batches = JSON.parse(JSON.stringify(generated)) as Batch[];
        const lines = batches.map(encodeBatch);
        const bytes = Buffer.concat(lines);
        const scan = scanJournal(bytes, 'journal');
        expect(scan.batches).toStrictEqual(batches);
        expect(scan.validBytes).toBe(bytes.length);
        // Cut inside the last line: every earlier batch survives, the torn one is dropped.
        const last = lines.at(-1) as Buffer;
        const torn = bytes.subarray(0, bytes.length - 1 - (cut % last.length));
        const tornScan = scanJournal(torn, 'journal');
        expect(tornScan.batches).toStrictEqual(batches.slice(0, -1));
        expect(tornScan.validBytes).toBe(bytes.length - last.length);
      }),
      { numRuns: 300 },
    );
  });
});

/** Agent-day-like rows: few teams, agents and dates so groups collide; some counts absent. */
const kpiDoc = fc
  .record({
    agent: fc.constantFrom('A1', 'A2', 'A3', 'A4', 'A5'),
    team: fc.constantFrom('T1', 'T2', 'T3'),
    day: fc.integer({ min: 1, max: 9 }),
    contacts: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
    seconds: fc.option(fc.double({ min: 0, max: 5000, noNaN: true }), { nil: undefined }),
  })
  .map((r): Doc => {
    const date = `2026-10-0${r.day}`;
    const doc: Doc = { _id: `${r.agent}|${date}`, date, agent_id: r.agent, team_id: r.team };
    if (r.contacts !== undefined) doc.contacts_handled = r.contacts;
    if (r.seconds !== undefined) doc.handle_time_sec = r.seconds;
    return doc;
  });

const range = { from: '2026-10-02', to: '2026-10-07' };
/** A `$sort` then `$last` window pipeline, the shape the direct path runs. */
function agentWindowPipeline(args: {
  from: string;
  to: string;
  teamIds?: string[];
  agentIds?: string[];
}): Pipeline {
  const match: Record<string, unknown> = { date: { $gte: args.from, $lte: args.to } };
  if (args.teamIds) match.team_id = { $in: args.teamIds };
  if (args.agentIds) match.agent_id = { $in: args.agentIds };
  const sums = Object.fromEntries(SUM_FIELDS.map((f) => [f, { $sum: `$${f}` }]));
  return [
    { $match: match },
    { $sort: { date: 1 } },
    { $group: { _id: '$agent_id', team_id: { $last: '$team_id' }, days: { $sum: 1 }, ...sums } },
  ];
}
const pipelines: Record<string, Pipeline> = {
  'team daily sums': teamDailyPipeline(range),
  'team daily sums for some teams': teamDailyPipeline({ ...range, teamIds: ['T1', 'T3'] }),
  'agent window sums': agentWindowPipeline(range),
  'agent window sums for a team': agentWindowPipeline({ ...range, teamIds: ['T2'] }),
  'agent window sums for some agents': agentWindowPipeline({ ...range, agentIds: ['A1', 'A4'] }),
  'agent daily sums': agentDailyPipeline({ ...range, agentIds: ['A2', 'A3'] }),
  'the date span': [{ $group: { _id: null, from: { $min: '$date' }, to: { $max: '$date' } } }],
  'a group by team with min and max': [
    { $match: { agent_id: { $gt: 'A1' } } },
    {
      $group: {
        _id: '$team_id',
        first: { $min: '$date' },
        last: { $max: '$date' },
        n: { $sum: 1 },
        c: { $first: '$contacts_handled' },
      },
    },
  ],
};

async function loaded(columnar: boolean, dir: string, batches: Doc[][], deletes: string[]) {
  const db = await EmbeddedDatabase.open(dir, columnar ? { columnar: ['agent_days'] } : {});
  const coll = new EmbeddedCollection(db, 'agent_days');
  for (const spec of agentDayIndexes) await coll.createIndex(spec);
  for (const batch of batches) {
    const unique = new Map(batch.map((doc) => [doc._id, doc]));
    await coll.upsertMany([...unique.values()]);
  }
  if (deletes.length > 0) await coll.deleteMany({ agent_id: { $in: deletes } });
  return { db, coll };
}

describe('aggregating column-wise', () => {
  it.each(Object.entries(pipelines))(
    'returns exactly the generic path result for %s, and takes the direct path',
    async (_name, pipeline) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(kpiDoc, { maxLength: 25 }), { maxLength: 4 }),
          fc.subarray(['A1', 'A2', 'A3', 'A4', 'A5'], { maxLength: 2 }),
          async (batches, deletes) => {
            const plain = await loaded(false, tempDir(), batches, deletes);
            const columnar = await loaded(true, tempDir(), batches, deletes);
            try {
              const state = columnar.db.collection('agent_days');
              const direct = aggregateColumns(state, state.docs as ColumnarDocs, pipeline);
              expect(direct).not.toBeNull();
              expect(direct).toStrictEqual(await plain.coll.aggregate(pipeline));
              expect(await columnar.coll.aggregate(pipeline)).toStrictEqual(direct);
            } finally {
              await plain.db.close();
              await columnar.db.close();
            }
          },
        ),
        { numRuns: 40 },
      );
    },
  );

  it('hands a pipeline it cannot reproduce to the generic path, with the same answer', async () => {
    const docs = [
      { _id: 'a', date: '2026-10-01', team_id: 'T1', contacts_handled: 3 },
      { _id: 'b', date: '2026-10-01', team_id: 7, contacts_handled: 4 },
    ];
    const plain = await loaded(false, tempDir(), [docs], []);
    const columnar = await loaded(true, tempDir(), [docs], []);
    const pipeline = [{ $group: { _id: '$team_id', n: { $sum: '$contacts_handled' } } }];
    const state = columnar.db.collection('agent_days');
    // team_id holds a string and a number: a mixed column, which only mingo orders.
    expect(aggregateColumns(state, state.docs as ColumnarDocs, pipeline)).toBeNull();
    expect(await columnar.coll.aggregate(pipeline)).toStrictEqual([
      { _id: 'T1', n: 3 },
      { _id: 7, n: 4 },
    ]);
    expect(await plain.coll.aggregate(pipeline)).toStrictEqual(
      await columnar.coll.aggregate(pipeline),
    );
    await plain.db.close();
    await columnar.db.close();
  });
});

describe('column-wise snapshot', () => {
  it('reopens with the same documents after deletes, replacements and a widened column', async () => {
    const dir = tempDir();
    const { db, coll } = await loaded(
      true,
      dir,
      [
        [
          { _id: 'A1|2026-10-01', date: '2026-10-01', agent_id: 'A1', team_id: 'T1', n: 1 },
          { _id: 'A2|2026-10-01', date: '2026-10-01', agent_id: 'A2', team_id: 'T1', n: 2 },
          { _id: 'A3|2026-10-01', date: '2026-10-01', agent_id: 'A3', team_id: 'T2' },
        ],
        [{ _id: 'A1|2026-10-01', agent_id: 'A1', date: '2026-10-01', team_id: 'T1', n: 'x' }],
      ],
      ['A2'],
    );
    const before = await coll.find({});
    await db.close();
    const reopened = await EmbeddedDatabase.open(dir, { columnar: ['agent_days'] });
    const again = new EmbeddedCollection(reopened, 'agent_days');
    expect(await again.find({})).toStrictEqual(before);
    expect(before).toStrictEqual([
      { _id: 'A1|2026-10-01', agent_id: 'A1', date: '2026-10-01', team_id: 'T1', n: 'x' },
      { _id: 'A3|2026-10-01', date: '2026-10-01', agent_id: 'A3', team_id: 'T2' },
    ]);
    // Writes after a load go on from the loaded rows.
    await again.upsertMany([{ _id: 'A4|2026-10-02', date: '2026-10-02', agent_id: 'A4', n: 5 }]);
    expect(await again.countDocuments()).toBe(3);
    await reopened.close();
  });
});
