/**
 * The team and agent ids a row may refer to, loaded from the store once per import
 * and grown as teams and agents files of the same run are validated. Agents map to
 * their current team, which agent-day rows are stamped with; teams map to their time
 * zone, which turns a profile's timestamps into the team's local day.
 */
import type { Store } from '../store/types.ts';

export interface KnownIds {
  teams: Set<string>;
  /** agent id → current team id */
  agentTeams: Map<string, string>;
  /** team id → IANA time zone */
  teamZones: Map<string, string>;
}

export async function loadKnownIds(store: Pick<Store, 'teams' | 'agents'>): Promise<KnownIds> {
  const [teams, agents] = await Promise.all([store.teams.list(), store.agents.list()]);
  return {
    teams: new Set(teams.map((team) => team.id)),
    agentTeams: new Map(agents.map((agent) => [agent.id, agent.team_id])),
    teamZones: new Map(teams.map((team) => [team.id, team.timezone])),
  };
}

/** The time zone of the agent's team, when both are known. */
export function agentZone(known: KnownIds, agentId: string): string | undefined {
  const teamId = known.agentTeams.get(agentId);
  return teamId === undefined ? undefined : known.teamZones.get(teamId);
}
