/**
 * Opens the configured store, ready to use: MongoDB when a URI is given, else SQLite in
 * `dataDir` (the file `teamhealth.sqlite`), which several processes may open at once.
 * @example const store = await openStore({ dataDir: './data' }); await store.teams.list();
 */
import type { Logger } from '../log.ts';
import { buildStore } from './build-store.ts';
import type { Store } from './types.ts';

export interface StoreSettings {
  mongoUri?: string;
  /** Database when the URI names none (TEAMHEALTH_DB); default `teamhealth`. */
  mongoDb?: string;
  dataDir: string;
}

/**
 * @throws StoreError when MongoDB is unreachable, or the data folder cannot hold the
 *   SQLite store (e.g. it holds the old store's files: the message says to re-import).
 */
export async function openStore(
  settings: StoreSettings,
  options: {
    logger?: Logger;
    /** SQLite: read on a second thread too (open-sqlite.ts); for report-building commands. */
    readerThread?: boolean;
  } = {},
): Promise<Store> {
  let store: Store;
  if (settings.mongoUri) {
    // The driver is loaded only when MongoDB is configured: it is a large import that
    // every SQLite command would otherwise pay for at start-up.
    const { openMongo } = await import('./mongo/open-mongo.ts');
    const mongo = await openMongo(settings.mongoUri, settings.mongoDb);
    store = buildStore({ kind: 'mongo', collection: mongo.collection, close: mongo.close });
  } else {
    const { openSqliteStore } = await import('./sqlite/open-sqlite.ts');
    store = openSqliteStore(settings.dataDir, { readerThread: options.readerThread === true });
  }
  try {
    await store.init();
  } catch (error) {
    await store.close();
    throw error;
  }
  options.logger?.debug({ kind: store.kind }, 'store opened');
  return store;
}
