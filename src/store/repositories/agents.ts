/** Agents, keyed by id; a Slack user maps to at most one agent (unique, sparse). */
import type { Agent } from '../../domain/records.ts';
import { naturalKey } from '../../domain/records.ts';
import type { DocCollection, IndexSpec } from '../collection.ts';
import type { AgentStore } from '../types.ts';
import { checkId, fromDoc, toDoc } from './documents.ts';

export const AGENTS = 'agents';
export const agentIndexes: IndexSpec[] = [
  { key: { team_id: 1 } },
  { key: { slack_user_id: 1 }, unique: true, sparse: true },
];

export function makeAgentStore(coll: DocCollection): AgentStore {
  const one = async (filter: Record<string, unknown>) => {
    const [doc] = await coll.find(filter, { limit: 1 });
    return doc ? fromDoc<Agent>(doc) : null;
  };
  return {
    upsertMany: async ({ agents }) => {
      agents.forEach((agent, i) => {
        checkId(agent.id, `agents.upsertMany: agents[${i}].id`);
        checkId(agent.team_id, `agents.upsertMany: agents[${i}].team_id`);
      });
      return coll.upsertMany(
        agents.map((a) =>
          toDoc(naturalKey.agent(a), {
            id: a.id,
            name: a.name,
            team_id: a.team_id,
            slack_user_id: a.slack_user_id,
            email: a.email,
            hire_date: a.hire_date,
            site: a.site,
          }),
        ),
      );
    },
    list: async (args = {}) => {
      const filter = args.teamId !== undefined ? { team_id: args.teamId } : {};
      return (await coll.find(filter, { sort: { _id: 1 } })).map((d) => fromDoc<Agent>(d));
    },
    // An id that is not a string must not reach the driver: it sends `undefined` as
    // null, and `{ slack_user_id: null }` matches the first agent without a Slack id.
    get: async ({ id }) => {
      checkId(id, 'agents.get: id');
      return one({ _id: id });
    },
    bySlackUser: async ({ slackUserId }) => {
      checkId(slackUserId, 'agents.bySlackUser: slackUserId');
      return one({ slack_user_id: slackUserId });
    },
  };
}
