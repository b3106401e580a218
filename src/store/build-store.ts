/**
 * Assembles a {@link Store} from a backend's collections: every repository is the same
 * code on both backends; only `collection(name)` differs. `init()` creates each
 * repository's declared indexes.
 */
import type { DocCollection, IndexSpec } from './collection.ts';
import { AGENTS, agentIndexes, makeAgentStore } from './repositories/agents.ts';
import { CONTACT_VOLUMES, contactIndexes, makeContactStore } from './repositories/contacts.ts';
import { DELIVERIES, deliveryIndexes, makeDeliveryStore } from './repositories/deliveries.ts';
import { ENABLEMENT, enablementIndexes, makeEnablementStore } from './repositories/enablement.ts';
import { AGENT_DAYS, agentDayIndexes, makeKpiStore } from './repositories/kpis.ts';
import { LEASES, leaseIndexes, makeLeaseStore } from './repositories/leases.ts';
import { makeSettingsStore, SETTINGS, settingsIndexes } from './repositories/settings.ts';
import { makeTeamStore, TEAMS, teamIndexes } from './repositories/teams.ts';
import { makeTipStore, TIPS, tipIndexes } from './repositories/tips.ts';
import type { Store } from './types.ts';

/** Every collection with the indexes its repository declares. */
export const COLLECTION_INDEXES: Readonly<Record<string, IndexSpec[]>> = {
  [TEAMS]: teamIndexes,
  [AGENTS]: agentIndexes,
  [AGENT_DAYS]: agentDayIndexes,
  [CONTACT_VOLUMES]: contactIndexes,
  [ENABLEMENT]: enablementIndexes,
  [TIPS]: tipIndexes,
  [DELIVERIES]: deliveryIndexes,
  [LEASES]: leaseIndexes,
  [SETTINGS]: settingsIndexes,
};

export interface Backend {
  kind: Store['kind'];
  collection(name: string): DocCollection;
  close(): Promise<void>;
}

export function buildStore(backend: Backend): Store {
  const c = (name: string) => backend.collection(name);
  return {
    kind: backend.kind,
    init: async () => {
      for (const [name, specs] of Object.entries(COLLECTION_INDEXES)) {
        for (const spec of specs) await c(name).createIndex(spec);
      }
    },
    close: () => backend.close(),
    teams: makeTeamStore(c(TEAMS)),
    agents: makeAgentStore(c(AGENTS)),
    kpis: makeKpiStore(c(AGENT_DAYS)),
    contacts: makeContactStore(c(CONTACT_VOLUMES)),
    enablement: makeEnablementStore(c(ENABLEMENT)),
    tips: makeTipStore(c(TIPS)),
    deliveries: makeDeliveryStore(c(DELIVERIES)),
    leases: makeLeaseStore(c(LEASES)),
    settings: makeSettingsStore(c(SETTINGS)),
  };
}
