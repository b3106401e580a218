/**
 * The {@link Store} on SQLite: one database file in the data folder, shared by every
 * process that opens it (serve, import, report, run) at the same time.
 */
import type { Store } from '../types.ts';
import { BUSY_TIMEOUT_MS, MMAP_BYTES, openDatabase } from './database.ts';
import { makeKpiStore } from './kpis.ts';
import { makeDeliveryStore, makeLeaseStore } from './ledger.ts';
import { startReaderThread } from './reader-thread.ts';
import { makeAgentStore, makeContactStore, makeEnablementStore, makeTeamStore } from './records.ts';
import { makeSettingsStore, makeTipStore } from './surfaces.ts';

export interface SqliteStoreOptions {
  /**
   * A second, read-only connection on a worker thread, which takes one of the big reads
   * while this thread runs another (reader-thread.ts): for commands that build the
   * organisation report (`report`, `serve`).
   */
  readerThread?: boolean;
}

/** @throws StoreError when the folder cannot hold the store (see openDatabase). */
export function openSqliteStore(dataDir: string, options: SqliteStoreOptions = {}): Store {
  const db = openDatabase(dataDir);
  const reader =
    options.readerThread && !process.env.TH_NO_READER
      ? startReaderThread({ file: db.name, busyTimeoutMs: BUSY_TIMEOUT_MS, mmapBytes: MMAP_BYTES })
      : undefined;
  return {
    kind: 'sqlite',
    // openDatabase already created the schema (idempotently): nothing is left to do.
    init: async () => {},
    close: async () => {
      await reader?.close();
      if (db.open) db.close();
    },
    teams: makeTeamStore(db),
    agents: makeAgentStore(db),
    kpis: makeKpiStore(db, reader),
    contacts: makeContactStore(db),
    enablement: makeEnablementStore(db),
    tips: makeTipStore(db),
    deliveries: makeDeliveryStore(db),
    leases: makeLeaseStore(db),
    settings: makeSettingsStore(db),
  };
}
