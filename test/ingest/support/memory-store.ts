/**
 * A tiny in-memory Store for the import's unit tests: only the upserts and lists the
 * import uses, with the real store's upsert counting (unchanged when the stored record
 * is deep-equal). Every other method throws, so a test that strays is noticed.
 */

import type {
  Agent,
  AgentDay,
  ContactVolume,
  EnablementEvent,
  Team,
} from '../../../src/domain/records.ts';
import { naturalKey } from '../../../src/domain/records.ts';
import type { Store, UpsertResult } from '../../../src/store/types.ts';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export class MemoryTable<T> {
  readonly rows = new Map<string, T>();
  /** Sizes of the upsertMany calls, to check batching. */
  readonly calls: number[] = [];
  constructor(private readonly keyOf: (record: T) => string) {}
  upsert(records: T[]): UpsertResult {
    this.calls.push(records.length);
    const result = { inserted: 0, updated: 0, unchanged: 0 };
    for (const record of records) {
      const key = this.keyOf(record);
      const before = this.rows.get(key);
      if (before === undefined) result.inserted++;
      else if (canonical(before) === canonical(record)) result.unchanged++;
      else result.updated++;
      this.rows.set(key, structuredClone(record));
    }
    return result;
  }
  all(): T[] {
    return [...this.rows.values()];
  }
}

const notUsed = () => {
  throw new Error('not part of the import; the memory store does not implement it');
};

export function createMemoryStore(seed: { teams?: Team[]; agents?: Agent[] } = {}) {
  const teams = new MemoryTable<Team>(naturalKey.team);
  const agents = new MemoryTable<Agent>(naturalKey.agent);
  const kpis = new MemoryTable<AgentDay>(naturalKey.agentDay);
  const contacts = new MemoryTable<ContactVolume>(naturalKey.contactVolume);
  const enablement = new MemoryTable<EnablementEvent>(naturalKey.enablement);
  teams.upsert(seed.teams ?? []);
  agents.upsert(seed.agents ?? []);
  teams.calls.length = 0;
  agents.calls.length = 0;
  const store = {
    kind: 'sqlite',
    init: async () => {},
    close: async () => {},
    teams: {
      upsertMany: async ({ teams: rows }: { teams: Team[] }) => teams.upsert(rows),
      list: async () => teams.all(),
      get: async ({ id }: { id: string }) => teams.rows.get(id) ?? null,
    },
    agents: {
      upsertMany: async ({ agents: rows }: { agents: Agent[] }) => agents.upsert(rows),
      list: async () => agents.all(),
      get: async ({ id }: { id: string }) => agents.rows.get(id) ?? null,
      bySlackUser: notUsed,
    },
    kpis: {
      upsertMany: async ({ rows }: { rows: AgentDay[] }) => kpis.upsert(rows),
      teamDailySums: notUsed,
      agentWindowSums: notUsed,
      agentDailySums: notUsed,
      dateSpan: notUsed,
      count: async () => kpis.rows.size,
    },
    contacts: {
      upsertMany: async ({ rows }: { rows: ContactVolume[] }) => contacts.upsert(rows),
      reasonCounts: notUsed,
    },
    enablement: {
      upsertMany: async ({ rows }: { rows: EnablementEvent[] }) => enablement.upsert(rows),
      list: notUsed,
      initiatives: notUsed,
    },
    tips: { add: notUsed, list: notUsed, markHelpful: notUsed },
    deliveries: {
      claim: notUsed,
      update: notUsed,
      get: notUsed,
      list: notUsed,
      countSentSince: notUsed,
    },
    leases: { acquire: notUsed, release: notUsed },
    settings: { get: notUsed, upsert: notUsed },
  } as unknown as Store;
  return { store, tables: { teams, agents, kpis, contacts, enablement } };
}

/** A team as most ingest tests need it: London time, no channel or leads yet. */
export function team(id: string, name: string): Team {
  return { id, name, channel_id: '', lead_slack_ids: [], timezone: 'Europe/London', site: '' };
}
