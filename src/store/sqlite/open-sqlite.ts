/**
 * The {@link Store} on SQLite: one database file in the data folder, shared by every
 * process that opens it (serve, import, report, run) at the same time.
 */
import type { Store } from '../types.ts';
import { BUSY_TIMEOUT_MS, openDatabase } from './database.ts';
import { makeKpiStore } from './kpis.ts';
import { makeDeliveryStore, makeLeaseStore } from './ledger.ts';
import { type ReaderThread, startReaderThread } from './reader-thread.ts';
import { makeAgentStore, makeContactStore, makeEnablementStore, makeTeamStore } from './records.ts';
import { makeSettingsStore, makeTipStore } from './surfaces.ts';

/** The page cache of each connection of a store with a reader thread, in KiB. */
const SCAN_CACHE_KIB = 2048;

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
  let reader: ReaderThread | undefined;
  if (options.readerThread) {
    // The report's reads are range scans, each page read once: a small page cache per
    // connection does as well as better-sqlite3's default of 16 MB, which two connections
    // would each fill (the OS caches the file for both).
    db.pragma(`cache_size = -${SCAN_CACHE_KIB}`);
    reader = startReaderThread({
      file: db.name,
      busyTimeoutMs: BUSY_TIMEOUT_MS,
      cacheKib: SCAN_CACHE_KIB,
    });
  }
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
