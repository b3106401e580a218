/**
 * Loads what authorization needs from the store: the viewer's roles and the team of any
 * agent a request names. Roles always come from here, never from the request.
 */
import type { Team } from '../domain/records.ts';
import type { Store } from '../store/types.ts';
import { type Directory, resolveViewer, type Viewer } from './authorization.ts';

export async function loadViewer(args: {
  store: Store;
  directorIds: readonly string[];
  slackUserId: string;
}): Promise<Viewer> {
  const [teams, agent] = await Promise.all([
    args.store.teams.list(),
    args.store.agents.bySlackUser({ slackUserId: args.slackUserId }),
  ]);
  return resolveViewer({
    slackUserId: args.slackUserId,
    teams,
    agent,
    directorIds: args.directorIds,
  });
}

/** A directory knowing the teams of the given agents (looked up now, answered synchronously). */
export async function loadDirectory(store: Store, agentIds: readonly string[]): Promise<Directory> {
  const teams = new Map<string, string>();
  await Promise.all(
    agentIds.map(async (id) => {
      const agent = await store.agents.get({ id });
      if (agent) teams.set(id, agent.team_id);
    }),
  );
  return { teamOfAgent: (id) => teams.get(id) };
}

/**
 * A team by id, or by name ignoring case and surrounding space.
 * @example findTeam(teams, 'billing north') // the team named "Billing North"
 */
export function findTeam(teams: readonly Team[], ref: string): Team | undefined {
  const wanted = ref.trim().toLowerCase();
  return (
    teams.find((t) => t.id === ref.trim()) ??
    teams.find((t) => t.name.trim().toLowerCase() === wanted)
  );
}
