/** A Store on the MongoDB repositories and adapter over a fresh driver double. */
import { buildStore } from '../../src/store/build-store.ts';
import { openMongo } from '../../src/store/mongo/open-mongo.ts';
import type { Store } from '../../src/store/types.ts';
import { MongoDouble, type Topology } from './mongo-double.ts';

/** Opened as `openStore` opens MongoDB (hello checked, indexes created). */
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
