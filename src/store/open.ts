/**
 * Opens the configured store, ready to use (indexes created): MongoDB when a URI is
 * given, else the embedded store in `dataDir`. The embedded store allows one process per
 * folder; run several app instances against MongoDB.
 * @example const store = await openStore({ dataDir: './data' }); await store.teams.list();
 */
import type { Logger } from '../log.ts';
import { buildStore, COLUMNAR_COLLECTIONS } from './build-store.ts';
import { EmbeddedDatabase } from './embedded/database.ts';
import { EmbeddedCollection } from './embedded/embedded-collection.ts';
import type { Store } from './types.ts';

export interface StoreSettings {
  mongoUri?: string;
  /** Database when the URI names none (TEAMHEALTH_DB); default `teamhealth`. */
  mongoDb?: string;
  dataDir: string;
}

/**
 * @throws StoreLockedError when another process has the embedded folder open.
 * @throws StoreError when MongoDB is unreachable or the folder's files are damaged.
 */
export async function openStore(
  settings: StoreSettings,
  options: { logger?: Logger } = {},
): Promise<Store> {
  let store: Store;
  if (settings.mongoUri) {
    // The driver is loaded only when MongoDB is configured: it is a large import that
    // every embedded-store command would otherwise pay for at start-up.
    const { openMongo } = await import('./mongo/open-mongo.ts');
    const mongo = await openMongo(settings.mongoUri, settings.mongoDb);
    store = buildStore({ kind: 'mongo', collection: mongo.collection, close: mongo.close });
  } else {
    const db = await EmbeddedDatabase.open(settings.dataDir, {
      ...options,
      columnar: COLUMNAR_COLLECTIONS,
    });
    const collections = new Map<string, EmbeddedCollection>();
    store = buildStore({
      kind: 'embedded',
      collection: (name) => {
        let coll = collections.get(name);
        if (!coll) {
          coll = new EmbeddedCollection(db, name);
          collections.set(name, coll);
        }
        return coll;
      },
      close: () => db.close(),
    });
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
