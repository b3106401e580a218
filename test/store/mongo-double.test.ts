/**
 * The store contract over the MongoDB repositories and adapter (src/store/mongo/), with
 * the driver replaced by the mingo-backed double: the Mongo code path, run in CI.
 */
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.ts';
import { DuplicateKeyError } from '../../src/store/collection.ts';
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
