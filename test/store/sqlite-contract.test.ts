import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import { describeStoreContract } from './contract.ts';

describeStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'teamhealth-store-'));
  const store = await openStore({ dataDir: dir });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

// The same store with its reader thread (open-sqlite.ts): reads the thread takes while
// idle must come back exactly as the store's own connection gives them.
describeStoreContract('sqlite with a reader thread', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'teamhealth-store-'));
  const store = await openStore({ dataDir: dir }, { readerThread: true });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
