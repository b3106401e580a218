/**
 * The {@link Store} on SQLite: one database file in the data folder, shared by every
 * process that opens it (serve, import, report, run) at the same time.
 */
import type { Store } from '../types.ts';
import { openDatabase } from './database.ts';
import { makeKpiStore } from './kpis.ts';
import { makeDeliveryStore, makeLeaseStore } from './ledger.ts';
import { makeAgentStore, makeContactStore, makeEnablementStore, makeTeamStore } from './records.ts';
import { makeSettingsStore, makeTipStore } from './surfaces.ts';

/** @throws StoreError when the folder cannot hold the store (see openDatabase). */
export function openSqliteStore(dataDir: string): Store {
  const db = openDatabase(dataDir);
  return {
    kind: 'sqlite',
    // openDatabase already created the schema (idempotently): nothing is left to do.
    init: async () => {},
    close: async () => {
      if (db.open) db.close();
    },
    teams: makeTeamStore(db),
    agents: makeAgentStore(db),
    kpis: makeKpiStore(db),
    contacts: makeContactStore(db),
    enablement: makeEnablementStore(db),
    tips: makeTipStore(db),
    deliveries: makeDeliveryStore(db),
    leases: makeLeaseStore(db),
    settings: makeSettingsStore(db),
  };
}
