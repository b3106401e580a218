/** Teams, keyed by id. */
import type { Team } from '../../domain/records.ts';
import { naturalKey } from '../../domain/records.ts';
import type { DocCollection, IndexSpec } from '../collection.ts';
import type { TeamStore } from '../types.ts';
import { checkId, fromDoc, toDoc } from './documents.ts';

export const TEAMS = 'teams';
export const teamIndexes: IndexSpec[] = [];

export function makeTeamStore(coll: DocCollection): TeamStore {
  return {
    upsertMany: async ({ teams }) => {
      teams.forEach((team, i) => {
        checkId(team.id, `teams.upsertMany: teams[${i}].id`);
      });
      return coll.upsertMany(
        teams.map((t) =>
          toDoc(naturalKey.team(t), {
            id: t.id,
            name: t.name,
            channel_id: t.channel_id,
            lead_slack_ids: t.lead_slack_ids,
            timezone: t.timezone,
            site: t.site,
          }),
        ),
      );
    },
    list: async () => (await coll.find({}, { sort: { _id: 1 } })).map((d) => fromDoc<Team>(d)),
    get: async ({ id }) => {
      const [doc] = await coll.find({ _id: id }, { limit: 1 });
      return doc ? fromDoc<Team>(doc) : null;
    },
  };
}
