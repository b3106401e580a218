/**
 * The store contract over the MongoDB repositories and adapter (src/store/mongo/), with
 * the driver replaced by the mingo-backed double: the Mongo code path, run in CI.
 */
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.ts';
import { DuplicateKeyError } from '../../src/store/collection.ts';
import { OPERATION_TIME_LIMIT_MS } from '../../src/store/mongo/mongo-collection.ts';
import { openMongo } from '../../src/store/mongo/open-mongo.ts';
import { MongoDouble } from '../support/mongo-double.ts';
import { openDoubleStore } from '../support/mongo-double-store.ts';
import { describeStoreContract } from './contract.ts';

describeStoreContract('mongo (in-memory driver double)', async () => {
  const { store } = await openDoubleStore();
  return { store, cleanup: () => store.close() };
});

describe('opening MongoDB', () => {
  it('refuses a standalone server in one line saying a replica set is needed, and closes the client', async () => {
    const double = new MongoDouble({ topology: 'standalone' });
    const error = await openMongo('mongodb://db1.example.com:27017/ops', undefined, {
      client: double.asClient(),
    }).catch((e) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error.message).toBe(
      'MongoDB at db1.example.com:27017 is a standalone server; teamhealth needs a replica set for transactions (a single-node replica set is enough: start mongod with --replSet rs0 and run rs.initiate() once)',
    );
    expect(double.closed).toBe(true);
  });

  it('opens a sharded cluster (mongos), which has transactions', async () => {
    const { store } = await openDoubleStore({ topology: 'sharded' });
    expect(await store.kpis.count()).toBe(0);
    await store.close();
  });

  it('closes the client when the server answers hello with an error', async () => {
    const double = new MongoDouble();
    double.helloError = new Error('not authorized on admin');
    const error = await openMongo('mongodb://app:pw@db1.example.com/ops', undefined, {
      client: double.asClient(),
    }).catch((e) => e);
    expect(error.message).toBe(
      'cannot connect to MongoDB at db1.example.com: not authorized on admin',
    );
    expect(double.closed).toBe(true);
  });

  it('writes each upsertMany in one transaction, so a batch failing at its last document stores none', async () => {
    const { store, double } = await openDoubleStore();
    const agent = (id: string, slack: string) => ({
      id,
      name: id,
      team_id: 'T1',
      slack_user_id: slack,
    });
    const error = await store.agents
      .upsertMany({ agents: [agent('A1', 'U1'), agent('A2', 'U2'), agent('A3', 'U1')] })
      .catch((e) => e);
    expect(error).toBeInstanceOf(DuplicateKeyError);
    expect(await store.agents.list()).toEqual([]);
    expect(double.aborts).toBe(1);
    await store.agents.upsertMany({ agents: [agent('A1', 'U1')] });
    expect(double.commits).toBe(1);
    expect(double.sessions.every((s) => s.ended)).toBe(true);
  });
});

describe('what the Mongo repositories ask the driver', () => {
  const row = (agent: string, date: string, team: string) => ({
    agent_id: agent,
    date,
    team_id: team,
    contacts_handled: 1,
  });

  it('gives every operation a server time limit, and every commit one', async () => {
    const { store, double } = await openDoubleStore();
    await store.kpis.upsertMany({ rows: [row('A1', '2024-03-01', 'T1')] });
    await store.kpis.teamDailySums({ from: '2024-03-01', to: '2024-03-01' });
    await store.kpis.dateSpan();
    await store.kpis.count();
    await store.leases.acquire({ name: 'L', holder: 'h', ttlMs: 1000, now: new Date(0) });
    await store.leases.release({ name: 'L', holder: 'h' });
    await store.tips.markHelpful({ tipId: 'none' });
    await store.deliveries.claim({
      delivery: {
        key: 'k',
        job: 'j',
        period: 'p',
        target: 'U1',
        status: 'pending',
        attempts: 0,
        created_at: '2024-03-04T09:00:00.000Z',
        updated_at: '2024-03-04T09:00:00.000Z',
      },
    });
    const operations = double.calls.filter((c) => c.op !== 'createIndex');
    expect(new Set(operations.map((c) => c.op))).toEqual(
      new Set([
        'bulkWrite',
        'aggregate',
        'find',
        'countDocuments',
        'updateOne',
        'deleteMany',
        'findOneAndUpdate',
        'insertOne',
      ]),
    );
    for (const call of operations) expect(call.options.maxTimeMS).toBe(OPERATION_TIME_LIMIT_MS);
    expect(double.sessions[0]?.transactionOptions.maxCommitTimeMS).toBe(OPERATION_TIME_LIMIT_MS);
  });

  it('finds the date span with two one-document finds on the date index, not an aggregate', async () => {
    const { store, double } = await openDoubleStore();
    await store.kpis.upsertMany({
      rows: [
        row('A1', '2024-03-02', 'T1'),
        row('A2', '2024-02-28', 'T1'),
        row('A1', '2024-03-05', 'T1'),
      ],
    });
    const before = double.calls.length;
    expect(await store.kpis.dateSpan()).toEqual({ from: '2024-02-28', to: '2024-03-05' });
    const calls = double.calls.slice(before);
    expect(calls.map((c) => c.op)).toEqual(['find', 'find']);
    const indexes = double.db('teamhealth_test').collection('agent_days').indexInformation();
    expect(indexes.some((i) => JSON.stringify(i.key) === '{"date":1}')).toBe(true);
  });

  it('names the team of the latest day with no sort stage and no disk use, whatever the stored order', async () => {
    const { store, double } = await openDoubleStore();
    // A2 moved from T1 to T2; its rows are stored latest first, then one in between.
    await store.kpis.upsertMany({
      rows: [
        row('A2', '2024-03-03', 'T2'),
        row('A2', '2024-03-01', 'T1'),
        row('A2', '2024-03-02', 'T3'),
      ],
    });
    const before = double.calls.length;
    const [a2] = await store.kpis.agentWindowSums({ from: '2024-03-01', to: '2024-03-03' });
    expect(a2).toMatchObject({ agent_id: 'A2', team_id: 'T2', days: 3, contacts_handled: 3 });
    const [call] = double.calls.slice(before);
    expect(call?.pipeline?.some((stage) => '$sort' in stage)).toBe(false);
    expect(call?.options.allowDiskUse).toBeUndefined();
  });

  it('stores lease expiry as a Date under a TTL index, so the server deletes expired leases', async () => {
    const { store, double } = await openDoubleStore();
    const now = new Date('2024-03-04T09:00:00.000Z');
    await store.leases.acquire({ name: 'jobs|x', holder: 'a', ttlMs: 60_000, now });
    const leases = double.db('teamhealth_test').collection('leases');
    const [doc] = await leases.find({}).toArray();
    expect(doc?.expires_at).toEqual(new Date('2024-03-04T09:01:00.000Z'));
    expect(leases.indexInformation()).toContainEqual(
      expect.objectContaining({ key: { expires_at: 1 }, expireAfterSeconds: 0 }),
    );
    expect(leases.expireTtl(new Date('2024-03-04T09:00:59.000Z'))).toBe(0);
    expect(leases.expireTtl(new Date('2024-03-04T09:01:00.000Z'))).toBe(1);
    expect(await store.leases.get({ name: 'jobs|x' })).toBeNull();
  });

  it('still expires a lease written with a string expiry before expiry became a Date', async () => {
    const { store, double } = await openDoubleStore();
    await double
      .db('teamhealth_test')
      .collection('leases')
      .insertOne({ _id: 'old', holder: 'a', expires_at: '2024-03-04T09:01:00.000Z' });
    const at = (iso: string) => new Date(iso);
    expect(
      await store.leases.acquire({
        name: 'old',
        holder: 'b',
        ttlMs: 1000,
        now: at('2024-03-04T09:00:30.000Z'),
      }),
    ).toBe(false);
    expect(
      await store.leases.acquire({
        name: 'old',
        holder: 'b',
        ttlMs: 1000,
        now: at('2024-03-04T09:01:00.000Z'),
      }),
    ).toBe(true);
  });
});
