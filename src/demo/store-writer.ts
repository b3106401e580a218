/**
 * Writes a demo organisation into a Store through the repositories' upserts, in
 * batches, so that running the demo twice leaves the same store (every record has a
 * natural key; a second run finds them all unchanged). Tips have no upsert in the
 * Store interface, so a tip is added only when its id is not stored yet.
 */
import type { Store, UpsertResult } from '../store/types.ts';
import type { DemoOrganisation } from './organisation.ts';

/** Rows per upsertMany call: big enough to be quick, small enough to keep memory flat. */
export const DEMO_BATCH_SIZE = 5000;

export interface DemoWriteResult {
  teams: UpsertResult;
  agents: UpsertResult;
  agentDays: UpsertResult;
  contacts: UpsertResult;
  enablement: UpsertResult;
  tips: UpsertResult;
  /** Agents already in the store that this organisation does not have (another seed). */
  foreignAgents: string[];
}

/**
 * @param args.onBatch called after each batch, for progress output
 * @returns per collection how many records were inserted, updated or already equal
 */
export async function writeDemoToStore(args: {
  store: Store;
  org: DemoOrganisation;
  batchSize?: number;
  onBatch?: (collection: string, done: number, total: number) => void;
}): Promise<DemoWriteResult> {
  const { store, org, onBatch } = args;
  const batchSize = args.batchSize ?? DEMO_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`writeDemoToStore: batchSize must be a whole number above 0, got ${batchSize}`);
  }
  const known = new Set(org.agents.map((a) => a.id));
  const foreignAgents = (await store.agents.list()).map((a) => a.id).filter((id) => !known.has(id));

  const inBatches = async <T>(
    collection: string,
    rows: readonly T[],
    upsert: (batch: T[]) => Promise<UpsertResult>,
  ): Promise<UpsertResult> => {
    const total: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
    for (let i = 0; i < rows.length; i += batchSize) {
      const result = await upsert(rows.slice(i, i + batchSize));
      total.inserted += result.inserted;
      total.updated += result.updated;
      total.unchanged += result.unchanged;
      onBatch?.(collection, Math.min(i + batchSize, rows.length), rows.length);
    }
    return total;
  };

  // Teams and agents first: the other records refer to them.
  const teams = await inBatches('teams', org.teams, (teams) => store.teams.upsertMany({ teams }));
  const agents = await inBatches('agents', org.agents, (agents) =>
    store.agents.upsertMany({ agents }),
  );
  const agentDays = await inBatches('agent-days', org.agentDays, (rows) =>
    store.kpis.upsertMany({ rows }),
  );
  const contacts = await inBatches('contact volumes', org.contacts, (rows) =>
    store.contacts.upsertMany({ rows }),
  );
  const enablement = await inBatches('enablement', org.enablement, (rows) =>
    store.enablement.upsertMany({ rows }),
  );

  const storedTips = new Set((await store.tips.list({})).map((t) => t.id));
  const tips: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
  for (const tip of org.tips) {
    if (storedTips.has(tip.id)) {
      tips.unchanged += 1;
      continue;
    }
    await store.tips.add({ tip });
    tips.inserted += 1;
  }
  return { teams, agents, agentDays, contacts, enablement, tips, foreignAgents };
}
