/**
 * Connects to MongoDB and hands out {@link MongoCollection}s. The only place besides
 * mongo-collection.ts that imports the driver.
 */
import { MongoClient } from 'mongodb';
import { ConfigError, StoreError } from '../../errors.ts';
import type { Doc, DocCollection } from '../collection.ts';
import { MongoCollection } from './mongo-collection.ts';

export interface MongoHandle {
  collection(name: string): DocCollection;
  close(): Promise<void>;
  /** Drops the database (tests). */
  dropDatabase(): Promise<void>;
}

/** Host part and database path of a `mongodb://` or `mongodb+srv://` URI (credentials dropped). */
function splitUri(uri: string): { hosts: string; path: string } {
  const rest = uri.replace(/^mongodb(\+srv)?:\/\//, '');
  const slash = rest.indexOf('/');
  const authority = slash < 0 ? (rest.split('?')[0] ?? '') : rest.slice(0, slash);
  const hosts = authority.slice(authority.lastIndexOf('@') + 1);
  const path = slash < 0 ? '' : (rest.slice(slash + 1).split('?')[0] ?? '');
  return { hosts, path: decodeURIComponent(path) };
}

/**
 * The database to use: the URI's path, else `fallback` (TEAMHEALTH_DB), else `teamhealth`.
 * @example databaseFromUri('mongodb://u:p@h1,h2/ops?replicaSet=rs') // 'ops'
 */
export function databaseFromUri(uri: string, fallback?: string): string {
  return splitUri(uri).path || fallback || 'teamhealth';
}

/**
 * The driver's client for the URI; the driver parses it (without connecting).
 * @throws ConfigError naming MONGODB_URI and the driver's reason, on one line (the
 * driver's messages never repeat the URI, so no password is printed).
 */
export function parseUri(uri: string): MongoClient {
  try {
    return new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new ConfigError(
      `MONGODB_URI is not a MongoDB connection string the driver accepts: ${reason}`,
      error,
    );
  }
}

/**
 * Connects and checks the deployment: a replica set or a sharded cluster, never a
 * standalone server, which has no transactions. `options.client` replaces the driver's client
 * (tests pass the in-memory double from test/support/mongo-double.ts).
 * @throws StoreError naming the hosts when the server cannot be reached or answered badly.
 */
export async function openMongo(
  uri: string,
  dbName?: string,
  options: { client?: MongoClient } = {},
): Promise<MongoHandle> {
  const client = options.client ?? parseUri(uri);
  const name = databaseFromUri(uri, dbName);
  const host = splitUri(uri).hosts;
  const db = client.db(name);
  let hello: Record<string, unknown>;
  try {
    await client.connect();
    hello = await db.admin().command({ hello: 1 });
  } catch (error) {
    await client.close().catch(() => undefined);
    throw new StoreError(
      `cannot connect to MongoDB at ${host}: ${(error as Error).message}`,
      error,
    );
  }
  // Every upsertMany is one transaction (all rows or none), and only a replica set or a
  // sharded cluster (mongos) has transactions.
  if (!hello.setName && hello.msg !== 'isdbgrid') {
    await client.close().catch(() => undefined);
    throw new StoreError(
      `MongoDB at ${host} is a standalone server; teamhealth needs a replica set for transactions (a single-node replica set is enough: start mongod with --replSet rs0 and run rs.initiate() once)`,
    );
  }
  return {
    collection: (collectionName) => new MongoCollection(client, db.collection<Doc>(collectionName)),
    close: () => client.close(),
    dropDatabase: async () => {
      await db.dropDatabase();
    },
  };
}
