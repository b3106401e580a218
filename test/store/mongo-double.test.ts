/**
 * The store contract over the MongoDB repositories and adapter (src/store/mongo/), with
 * the driver replaced by the mingo-backed double: the Mongo code path, run in CI.
 */
import { openDoubleStore } from '../support/mongo-double-store.ts';
import { describeStoreContract } from './contract.ts';

describeStoreContract('mongo (in-memory driver double)', async () => {
  const { store } = await openDoubleStore();
  return { store, cleanup: () => store.close() };
});
