/** Enablement events, keyed by (initiative, agent, stage). */
import { type EnablementEvent, naturalKey } from '../../domain/records.ts';
import type { DocCollection, IndexSpec } from '../collection.ts';
import type { EnablementStore } from '../types.ts';
import { byText, checkDate, checkEnablementEvent, fromDoc, toDoc } from './documents.ts';

export const ENABLEMENT = 'enablement_events';
export const enablementIndexes: IndexSpec[] = [{ key: { initiative_id: 1, agent_id: 1 } }];

export function makeEnablementStore(coll: DocCollection): EnablementStore {
  return {
    upsertMany: async ({ rows }) =>
      coll.upsertMany(
        rows.map((r, i) => {
          const where = `enablement.upsertMany: rows[${i}]`;
          checkEnablementEvent(r, where);
          return toDoc(naturalKey.enablement(r), {
            initiative_id: r.initiative_id,
            agent_id: r.agent_id,
            stage: r.stage,
            date: r.date,
            passed: r.passed,
            applicable_contacts: r.applicable_contacts,
            applied_contacts: r.applied_contacts,
          });
        }),
      ),
    /** Events matching every given filter (`to` inclusive), by date, then initiative, agent, stage. */
    list: async ({ initiativeId, agentIds, to }) => {
      const filter: Record<string, unknown> = {};
      if (initiativeId !== undefined) filter.initiative_id = initiativeId;
      if (agentIds !== undefined) filter.agent_id = { $in: agentIds };
      if (to !== undefined) {
        checkDate(to, 'enablement.list: to');
        filter.date = { $lte: to };
      }
      const docs = await coll.find(filter, { sort: { date: 1, _id: 1 } });
      return docs.map((d) => fromDoc<EnablementEvent>(d));
    },
    initiatives: async () => {
      const groups = await coll.aggregate([{ $group: { _id: '$initiative_id' } }]);
      return groups.map((g) => String(g._id)).sort(byText);
    },
  };
}
