import { randomUUID } from 'node:crypto';
import { describe } from 'vitest';
import { openMongo } from '../../src/store/mongo/open-mongo.ts';
import { openStore } from '../../src/store/open.ts';
import { describeStoreContract } from './contract.ts';

const uri = process.env.MONGODB_URI;

/** The URI with its database path replaced, so each store gets a fresh database. */
function withDatabase(base: string, db: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]*)(?:\/[^?]*)?(\?.*)?$/.exec(base);
  if (!match) throw new Error(`MONGODB_URI is not a mongodb:// URI: ${base}`);
  return `${match[1]}/${db}${match[2] ?? ''}`;
}

describe.skipIf(!uri)('MongoDB store (MONGODB_URI)', () => {
  describeStoreContract('mongo', async () => {
    const dbUri = withDatabase(uri as string, `teamhealth_test_${randomUUID().slice(0, 8)}`);
    const store = await openStore({ mongoUri: dbUri, dataDir: 'unused' });
    return {
      store,
      cleanup: async () => {
        await store.close();
        const handle = await openMongo(dbUri);
        await handle.dropDatabase();
        await handle.close();
      },
    };
  });
});
