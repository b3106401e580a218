/**
 * Where each kind of record goes in the store, its natural key (re-importing replaces,
 * never duplicates), and what a validated record teaches the rest of the run (a team
 * or agent id later files may refer to).
 */
import { naturalKey } from '../domain/records.ts';
import type { Store, UpsertResult } from '../store/types.ts';
import type { ImportKind } from './kinds.ts';
import type { KnownIds } from './known-ids.ts';
import type { RecordOf } from './rows/check-row.ts';

export interface KindSink<T> {
  upsert(store: Store, records: T[]): Promise<UpsertResult>;
  /** The natural key, or its second part when groupOf is given (see batch-writer.ts). */
  keyOf(record: T): string;
  /** The natural key's first part, for kinds whose key is two ids. */
  groupOf?(record: T): string;
  remember?(known: KnownIds, record: T): void;
}

export const KIND_SINKS: { [K in ImportKind]: KindSink<RecordOf[K]> } = {
  teams: {
    upsert: (store, teams) => store.teams.upsertMany({ teams }),
    keyOf: naturalKey.team,
    remember: (known, team) => {
      known.teams.add(team.id);
      known.teamZones.set(team.id, team.timezone);
    },
  },
  agents: {
    upsert: (store, agents) => store.agents.upsertMany({ agents }),
    keyOf: naturalKey.agent,
    remember: (known, agent) => known.agentTeams.set(agent.id, agent.team_id),
  },
  kpis: {
    upsert: (store, rows) => store.kpis.upsertMany({ rows }),
    // naturalKey.agentDay in two parts: no joined string per row of a million-row file.
    groupOf: (row) => row.date,
    keyOf: (row) => row.agent_id,
  },
  contacts: {
    upsert: (store, rows) => store.contacts.upsertMany({ rows }),
    keyOf: naturalKey.contactVolume,
  },
  enablement: {
    upsert: (store, rows) => store.enablement.upsertMany({ rows }),
    keyOf: naturalKey.enablement,
  },
};
