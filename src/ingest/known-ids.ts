/**
 * The team and agent ids a row may refer to, loaded from the store once per import
 * and grown as teams and agents files of the same run are validated. Agents map to
 * their current team, which agent-day rows are stamped with.
 */
import type { Store } from '../store/types.ts';

export interface KnownIds {
  teams: Set<string>;
  /** agent id → current team id */
  agentTeams: Map<string, string>;
}

export async function loadKnownIds(store: Pick<Store, 'teams' | 'agents'>): Promise<KnownIds> {
  const [teams, agents] = await Promise.all([store.teams.list(), store.agents.list()]);
  return {
    teams: new Set(teams.map((team) => team.id)),
    agentTeams: new Map(agents.map((agent) => [agent.id, agent.team_id])),
  };
}
