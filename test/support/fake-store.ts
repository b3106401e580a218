/**
 * A minimal in-memory Store honouring src/store/types.ts for the parts Slack-side tests
 * touch: deliveries (the ledger), leases, settings, tips, teams and agents. The analytics
 * collections (kpis, contacts, enablement) throw a clear error: tests that need them use
 * the real embedded store (`openStore`). Records are copied in and out, as a database
 * would, so a test cannot pass by mutating a returned object.
 */
import type { Agent, Team } from '../../src/domain/records.ts';
import type { Delivery, Settings, Tip } from '../../src/domain/surfaces.ts';
import type { Store, UpsertResult } from '../../src/store/types.ts';

const copy = <T>(value: T): T => structuredClone(value);

function unsupported(area: string): never {
  throw new Error(
    `FakeStore does not implement ${area}; use openStore({ dataDir }) for analytics data`,
  );
}

function upsertBy<T>(map: Map<string, T>, rows: T[], keyOf: (row: T) => string): UpsertResult {
  const result = { inserted: 0, updated: 0, unchanged: 0 };
  for (const row of rows) {
    const key = keyOf(row);
    const before = map.get(key);
    if (!before) result.inserted += 1;
    else if (JSON.stringify(before) === JSON.stringify(row)) result.unchanged += 1;
    else result.updated += 1;
    map.set(key, copy(row));
  }
  return result;
}

export interface FakeStore extends Store {
  /** The ledger's records, for assertions. */
  readonly deliveryRecords: Map<string, Delivery>;
}

export function createFakeStore(): FakeStore {
  const deliveries = new Map<string, Delivery>();
  const leases = new Map<string, { holder: string; since: number; until: number }>();
  const settings = new Map<string, Settings>();
  const tips: Tip[] = [];
  const teams = new Map<string, Team>();
  const agents = new Map<string, Agent>();

  return {
    kind: 'sqlite',
    deliveryRecords: deliveries,
    async init() {},
    async close() {},
    teams: {
      upsertMany: async ({ teams: rows }) => upsertBy(teams, rows, (t) => t.id),
      list: async () => [...teams.values()].map(copy),
      get: async ({ id }) => copy(teams.get(id) ?? null),
    },
    agents: {
      upsertMany: async ({ agents: rows }) => upsertBy(agents, rows, (a) => a.id),
      list: async (args) =>
        [...agents.values()].filter((a) => !args?.teamId || a.team_id === args.teamId).map(copy),
      get: async ({ id }) => copy(agents.get(id) ?? null),
      bySlackUser: async ({ slackUserId }) =>
        copy([...agents.values()].find((a) => a.slack_user_id === slackUserId) ?? null),
    },
    kpis: {
      upsertMany: async () => unsupported('kpis'),
      teamDailySums: async () => unsupported('kpis'),
      agentWindowSums: async () => unsupported('kpis'),
      agentDailySums: async () => unsupported('kpis'),
      dateSpan: async () => unsupported('kpis'),
      count: async () => unsupported('kpis'),
    },
    contacts: {
      upsertMany: async () => unsupported('contacts'),
      reasonCounts: async () => unsupported('contacts'),
    },
    enablement: {
      upsertMany: async () => unsupported('enablement'),
      list: async () => unsupported('enablement'),
      initiatives: async () => unsupported('enablement'),
    },
    tips: {
      add: async ({ tip }) => {
        tips.push(copy(tip));
      },
      list: async ({ teamId, metric, agentId }) =>
        tips
          .filter(
            (t) =>
              (!teamId || t.team_id === teamId) &&
              (!metric || t.metric === metric) &&
              (!agentId || t.agent_id === agentId),
          )
          .map(copy),
      markHelpful: async ({ tipId }) => {
        const tip = tips.find((t) => t.id === tipId);
        if (!tip) return null;
        tip.helpful_count += 1;
        return copy(tip);
      },
    },
    deliveries: {
      claim: async ({ delivery }) => {
        const existing = deliveries.get(delivery.key);
        if (existing) return { delivery: copy(existing), created: false };
        deliveries.set(delivery.key, copy(delivery));
        return { delivery: copy(delivery), created: true };
      },
      update: async ({ key, set }) => {
        const existing = deliveries.get(key);
        if (!existing) throw new Error(`FakeStore: no delivery ${key} to update`);
        // As the real store: a field given as undefined is removed.
        const next: Record<string, unknown> = { ...existing, ...copy(set) };
        for (const [field, value] of Object.entries(set))
          if (value === undefined) delete next[field];
        deliveries.set(key, next as unknown as Delivery);
      },
      takeOver: async ({ key, expect, now, set }) => {
        const existing = deliveries.get(key);
        if (
          !existing ||
          existing.status !== expect.status ||
          existing.attempts !== expect.attempts ||
          (existing.claimed_until !== undefined && existing.claimed_until > now)
        ) {
          return false;
        }
        const next: Record<string, unknown> = { ...existing, ...copy(set) };
        for (const [field, value] of Object.entries(set))
          if (value === undefined) delete next[field];
        deliveries.set(key, next as unknown as Delivery);
        return true;
      },
      get: async ({ key }) => copy(deliveries.get(key) ?? null),
      list: async ({ job, period, status }) =>
        [...deliveries.values()]
          .filter(
            (d) =>
              (!job || d.job === job) &&
              (!period || d.period === period) &&
              (!status || d.status === status),
          )
          .map(copy),
      countSentSince: async ({ job, target, since }) =>
        [...deliveries.values()].filter(
          (d) =>
            d.job === job && d.target === target && d.status === 'sent' && d.updated_at >= since,
        ).length,
    },
    leases: {
      acquire: async ({ name, holder, ttlMs, now }) => {
        const lease = leases.get(name);
        if (lease && lease.holder !== holder && lease.until > now.getTime()) return false;
        leases.set(name, { holder, since: now.getTime(), until: now.getTime() + ttlMs });
        return true;
      },
      release: async ({ name, holder }) => {
        if (leases.get(name)?.holder === holder) leases.delete(name);
      },
      get: async ({ name }) => {
        const lease = leases.get(name);
        return lease
          ? {
              name,
              holder: lease.holder,
              acquired_at: new Date(lease.since),
              expires_at: new Date(lease.until),
            }
          : null;
      },
    },
    settings: {
      get: async ({ slackUserId }) => copy(settings.get(slackUserId) ?? null),
      upsert: async ({ settings: row }) => {
        settings.set(row.slack_user_id, copy(row));
      },
    },
  };
}
