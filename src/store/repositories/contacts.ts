/** Contact volumes by (team, date, reason). */
import { type ContactVolume, naturalKey } from '../../domain/records.ts';
import type { DocCollection, IndexSpec } from '../collection.ts';
import type { ContactCount, ContactStore } from '../types.ts';
import { byText, checkContactVolume, checkRange } from './documents.ts';
import { reasonCountPipeline } from './kpi-pipelines.ts';

export const CONTACT_VOLUMES = 'contact_volumes';
export const contactIndexes: IndexSpec[] = [{ key: { date: 1 } }, { key: { team_id: 1, date: 1 } }];

export function makeContactStore(coll: DocCollection): ContactStore {
  return {
    upsertMany: async ({ rows }) =>
      coll.upsertMany(
        rows.map((r, i) => {
          const where = `contacts.upsertMany: rows[${i}]`;
          checkContactVolume(r, where);
          const row: ContactVolume = {
            date: r.date,
            team_id: r.team_id,
            reason: r.reason,
            count: r.count,
          };
          return { _id: naturalKey.contactVolume(row), ...row };
        }),
      ),
    reasonCounts: async (args) => {
      checkRange(args, 'contacts.reasonCounts');
      const groups = await coll.aggregate(reasonCountPipeline(args));
      return groups
        .map((g): ContactCount => {
          const id = g._id as Record<string, string>;
          return {
            team_id: id.team_id as string,
            reason: id.reason as string,
            count: Number(g.count ?? 0),
          };
        })
        .sort((a, b) => byText(a.team_id, b.team_id) || byText(a.reason, b.reason));
    },
  };
}
