/** Tips shared by agents, keyed by tip id. */
import type { Tip } from '../../domain/surfaces.ts';
import type { DocCollection, IndexSpec } from '../collection.ts';
import type { TipStore } from '../types.ts';
import { checkId, fromDoc, toDoc } from './documents.ts';

export const TIPS = 'tips';
export const tipIndexes: IndexSpec[] = [{ key: { team_id: 1, metric: 1 } }];

export function makeTipStore(coll: DocCollection): TipStore {
  return {
    /** @throws DuplicateKeyError when a tip with this id exists. */
    add: async ({ tip }) => {
      checkId(tip.id, 'tips.add: tip.id');
      await coll.insertOne(toDoc(tip.id, { ...tip }));
    },
    /** Matching tips, most helpful first, then newest. */
    list: async ({ teamId, metric, agentId }) => {
      const filter: Record<string, unknown> = {};
      if (teamId !== undefined) filter.team_id = teamId;
      if (metric !== undefined) filter.metric = metric;
      if (agentId !== undefined) filter.agent_id = agentId;
      const docs = await coll.find(filter, { sort: { helpful_count: -1, created_at: -1, _id: 1 } });
      return docs.map((d) => fromDoc<Tip>(d));
    },
    markHelpful: async ({ tipId }) => {
      const doc = await coll.findOneAndUpdate({ _id: tipId }, { $inc: { helpful_count: 1 } });
      return doc ? fromDoc<Tip>(doc) : null;
    },
  };
}
