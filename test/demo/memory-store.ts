/**
 * An in-memory stand-in for the Store: the upserts the demo writes through (keyed by the
 * natural keys of src/domain/records.ts) and the reads `buildOrgReport` makes, each
 * summed with plain loops, independent of the real stores' aggregation pipelines. Lets
 * the demo command and the planted patterns be tested without a database. Other Store
 * methods are absent on purpose: calling one fails loudly.
 */
import { addSums, emptySums } from '../../src/domain/metrics.ts';
import {
  type Agent,
  type AgentDay,
  type ContactVolume,
  type EnablementEvent,
  naturalKey,
  type Team,
} from '../../src/domain/records.ts';
import type { Tip } from '../../src/domain/surfaces.ts';
import type {
  AgentWindowSums,
  ContactCount,
  DateRange,
  Store,
  TeamDaySums,
  UpsertResult,
} from '../../src/store/types.ts';

const inRange = (date: string, r: DateRange) => date >= r.from && date <= r.to;

function keyed<T>(key: (row: T) => string) {
  const rows = new Map<string, T>();
  return {
    rows,
    upsert: async (batch: T[]): Promise<UpsertResult> => {
      const result = { inserted: 0, updated: 0, unchanged: 0 };
      for (const row of batch) {
        const old = rows.get(key(row));
        if (!old) result.inserted += 1;
        else if (JSON.stringify(old) === JSON.stringify(row)) result.unchanged += 1;
        else result.updated += 1;
        rows.set(key(row), structuredClone(row));
      }
      return result;
    },
  };
}

export interface MemoryStore extends Store {
  /** Times close() was called. */
  closed: number;
}

export function memoryStore(): MemoryStore {
  const teams = keyed<Team>(naturalKey.team);
  const agents = keyed<Agent>(naturalKey.agent);
  const kpis = keyed<AgentDay>(naturalKey.agentDay);
  const contacts = keyed<ContactVolume>(naturalKey.contactVolume);
  const enablement = keyed<EnablementEvent>(naturalKey.enablement);
  const tips = new Map<string, Tip>();
  const days = () => [...kpis.rows.values()];
  const stand = {
    kind: 'sqlite',
    closed: 0,
    init: async () => {},
    close: async () => {
      stand.closed += 1;
    },
    teams: {
      upsertMany: (a: { teams: Team[] }) => teams.upsert(a.teams),
      list: async () => [...teams.rows.values()],
    },
    agents: {
      upsertMany: (a: { agents: Agent[] }) => agents.upsert(a.agents),
      list: async () => [...agents.rows.values()],
    },
    kpis: {
      upsertMany: (a: { rows: AgentDay[] }) => kpis.upsert(a.rows),
      count: async () => kpis.rows.size,
      dateSpan: async () => {
        const dates = days()
          .map((r) => r.date)
          .sort();
        return dates.length ? { from: dates[0] as string, to: dates.at(-1) as string } : null;
      },
      teamDailySums: async (args: DateRange & { teamIds?: string[] }) => {
        const byKey = new Map<string, TeamDaySums>();
        for (const row of days()) {
          if (!inRange(row.date, args) || (args.teamIds && !args.teamIds.includes(row.team_id)))
            continue;
          const key = `${row.team_id}|${row.date}`;
          const sums = byKey.get(key) ?? { team_id: row.team_id, date: row.date, ...emptySums() };
          addSums(sums, row);
          byKey.set(key, sums);
        }
        return [...byKey.values()];
      },
      agentWindowSums: async (args: DateRange) => {
        const byAgent = new Map<string, AgentWindowSums>();
        for (const row of days()) {
          if (!inRange(row.date, args)) continue;
          const sums = byAgent.get(row.agent_id) ?? {
            agent_id: row.agent_id,
            team_id: row.team_id,
            days: 0,
            ...emptySums(),
          };
          addSums(sums, row);
          sums.days += 1;
          byAgent.set(row.agent_id, sums);
        }
        return [...byAgent.values()];
      },
    },
    contacts: {
      upsertMany: (a: { rows: ContactVolume[] }) => contacts.upsert(a.rows),
      reasonCounts: async (args: DateRange & { teamIds?: string[] }) => {
        const byKey = new Map<string, ContactCount>();
        for (const row of contacts.rows.values()) {
          if (!inRange(row.date, args) || (args.teamIds && !args.teamIds.includes(row.team_id)))
            continue;
          const key = `${row.team_id}|${row.reason}`;
          const c = byKey.get(key) ?? { team_id: row.team_id, reason: row.reason, count: 0 };
          c.count += row.count;
          byKey.set(key, c);
        }
        return [...byKey.values()];
      },
    },
    enablement: {
      upsertMany: (a: { rows: EnablementEvent[] }) => enablement.upsert(a.rows),
      list: async (args: { to?: string }) =>
        [...enablement.rows.values()].filter((e) => !args.to || e.date <= args.to),
    },
    tips: {
      add: async (a: { tip: Tip }) => {
        if (tips.has(a.tip.id)) throw new Error(`duplicate tip id ${a.tip.id}`);
        tips.set(a.tip.id, a.tip);
      },
      list: async () => [...tips.values()],
    },
  };
  return stand as unknown as MemoryStore;
}
