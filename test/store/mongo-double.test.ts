/**
 * The store contract over the MongoDB repositories and adapter (src/store/mongo/), with
 * the driver replaced by the mingo-backed double: the Mongo code path, run in CI.
 */

import { buildStore } from '../../src/store/build-store.ts';
import { openMongo } from '../../src/store/mongo/open-mongo.ts';
import type { Store } from '../../src/store/types.ts';
import { MongoDouble, type Topology } from '../support/mongo-double.ts';
import { describeStoreContract } from './contract.ts';

/** A store on a fresh double, opened as `openStore` opens MongoDB (indexes created). */
export async function openDoubleStore(
  options: { topology?: Topology } = {},
): Promise<{ store: Store; double: MongoDouble }> {
  const double = new MongoDouble(options);
  const mongo = await openMongo('mongodb://double.invalid/teamhealth_test', undefined, {
    client: double.asClient(),
  });
  const store = buildStore({ kind: 'mongo', collection: mongo.collection, close: mongo.close });
  await store.init();
  return { store, double };
}

describeStoreContract('mongo (in-memory driver double)', async () => {
  const { store } = await openDoubleStore();
  return { store, cleanup: () => store.close() };
});
