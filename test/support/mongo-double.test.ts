/** The driver double behaves as the driver and server do where the repositories rely on it. */
import { MongoBulkWriteError, MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { MongoDouble } from './mongo-double.ts';

function people(topology?: 'replicaSet' | 'standalone') {
  const client = new MongoDouble(topology ? { topology } : {});
  return { client, coll: client.db('t').collection('people') };
}

describe('mongo double', () => {
  it('raises E11000 as a MongoServerError naming the key on a unique index', async () => {
    const { coll } = people();
    await coll.createIndex({ email: 1 }, { unique: true, sparse: true });
    await coll.insertOne({ _id: 'a', email: 'x@y' });
    await coll.insertOne({ _id: 'b' });
    await coll.insertOne({ _id: 'c' }); // sparse: two documents without the field are fine
    const error = await coll.insertOne({ _id: 'd', email: 'x@y' }).catch((e) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error.code).toBe(11000);
    expect(error.keyValue).toEqual({ email: 'x@y' });
    await expect(coll.insertOne({ _id: 'a' })).rejects.toMatchObject({ code: 11000 });
  });

  it('keeps the writes before the failing one of an ordered bulk write outside a transaction', async () => {
    const { coll } = people();
    await coll.insertOne({ _id: 'b', n: 0 });
    const error = await coll
      .bulkWrite([
        { insertOne: { document: { _id: 'a', n: 1 } } },
        { insertOne: { document: { _id: 'b', n: 2 } } },
        { insertOne: { document: { _id: 'c', n: 3 } } },
      ])
      .catch((e) => e);
    expect(error).toBeInstanceOf(MongoBulkWriteError);
    expect(error.writeErrors[0]).toMatchObject({ index: 1, code: 11000 });
    expect((await coll.find({}).sort({ _id: 1 }).toArray()).map((d) => d._id)).toEqual(['a', 'b']);
  });

  it('undoes a transaction whose callback throws, and keeps one that returns', async () => {
    const { client, coll } = people();
    const session = client.startSession();
    await session.withTransaction(async () => {
      await coll.insertOne({ _id: 'kept' }, { session });
    });
    const failed = session.withTransaction(async () => {
      await coll.insertOne({ _id: 'gone' }, { session });
      await coll.updateOne({ _id: 'kept' }, { $set: { n: 1 } }, { session });
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow('boom');
    expect(await coll.find({}).toArray()).toEqual([{ _id: 'kept' }]);
  });

  it('refuses transactions on a standalone server, as the server does', async () => {
    const { client } = people('standalone');
    expect((await client.db('t').admin().command({ hello: 1 })).setName).toBeUndefined();
    await expect(client.startSession().withTransaction(async () => 1)).rejects.toMatchObject({
      code: 20,
    });
  });

  it('turns undefined into null, so { field: undefined } matches documents without it', async () => {
    const { coll } = people();
    await coll.insertOne({ _id: 'no-slack' });
    await coll.insertOne({ _id: 'slack', slack: 'U1' });
    expect(await coll.find({ slack: undefined }).toArray()).toEqual([{ _id: 'no-slack' }]);
  });

  it('upserts a document built from the filter equality fields and the update', async () => {
    const { coll } = people();
    const result = await coll.updateOne(
      { _id: 'L', $or: [{ until: { $lte: 5 } }, { holder: 'h' }] },
      { $set: { holder: 'h', until: 9 } },
      { upsert: true },
    );
    expect(result.upsertedId).toBe('L');
    expect(await coll.findOne({ _id: 'L' })).toEqual({ _id: 'L', holder: 'h', until: 9 });
  });

  it('removes documents past a TTL index when its monitor runs', async () => {
    const { coll } = people();
    await coll.createIndex({ at: 1 }, { expireAfterSeconds: 0 });
    await coll.insertOne({ _id: 'old', at: new Date('2024-01-01T00:00:00Z') });
    await coll.insertOne({ _id: 'new', at: new Date('2024-01-03T00:00:00Z') });
    expect(coll.expireTtl(new Date('2024-01-02T00:00:00Z'))).toBe(1);
    expect((await coll.find({}).toArray()).map((d) => d._id)).toEqual(['new']);
  });
});

describe('mongo double, the rest of the driver subset', () => {
  it('finds with a projection, skip and limit, one document, and by async iteration', async () => {
    const { coll } = people();
    await coll.insertMany([
      { _id: 'a', n: 3, x: 1 },
      { _id: 'b', n: 1, x: 2 },
      { _id: 'c', n: 2, x: 3 },
    ]);
    expect(
      await coll
        .find({}, { projection: { n: 1 } })
        .sort({ n: -1 })
        .skip(1)
        .limit(1)
        .toArray(),
    ).toEqual([{ _id: 'c', n: 2 }]);
    expect(await coll.findOne({ n: { $gt: 2 } })).toEqual({ _id: 'a', n: 3, x: 1 });
    const seen: unknown[] = [];
    for await (const doc of coll.find({ n: { $lt: 3 } }).sort({ _id: 1 })) seen.push(doc._id);
    expect(seen).toEqual(['b', 'c']);
  });

  it('updates many, upserts through findOneAndUpdate, and counts', async () => {
    const { coll } = people();
    await coll.insertMany([
      { _id: 'a', team: 'T1' },
      { _id: 'b', team: 'T1' },
      { _id: 'c', team: 'T2' },
    ]);
    const many = await coll.updateMany({ team: 'T1' }, { $set: { done: true } });
    expect(many).toMatchObject({ matchedCount: 2, modifiedCount: 2, upsertedCount: 0 });
    expect(await coll.countDocuments({ done: true })).toBe(2);
    const made = await coll.findOneAndUpdate(
      { _id: 'd' },
      { $inc: { votes: 1 } },
      { upsert: true, returnDocument: 'after' },
    );
    expect(made).toEqual({ _id: 'd', votes: 1 });
    expect(await coll.findOneAndUpdate({ _id: 'zz' }, { $inc: { votes: 1 } })).toBeNull();
  });

  it('refuses a unique index the stored documents already break, and a changed index under an old name', async () => {
    const { coll } = people();
    await coll.insertMany([
      { _id: 'a', email: 'x' },
      { _id: 'b', email: 'x' },
    ]);
    await expect(coll.createIndex({ email: 1 }, { unique: true })).rejects.toMatchObject({
      code: 11000,
    });
    await coll.createIndexes([{ key: { email: 1 }, name: 'by_email' }]);
    await expect(
      coll.createIndex({ email: 1 }, { name: 'by_email', unique: true }),
    ).rejects.toMatchObject({
      code: 86,
    });
    expect(coll.indexInformation().map((i) => i.name)).toEqual(['_id_', 'by_email']);
  });
});
