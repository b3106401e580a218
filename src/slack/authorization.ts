/**
 * Who may see what: the one decision every listener and every job that shows individual
 * numbers asks before it builds a view (PRODUCT.md, "Coaching, not surveillance").
 *
 * Roles come from the data, never from the request: a lead is in a team's
 * `lead_slack_ids`, a director is in `TEAMHEALTH_DIRECTOR_IDS`, an agent is an agent whose
 * `slack_user_id` is the viewer. One person may hold several roles; the decision is
 * allowed when any role allows it.
 *
 * | scope                 | agent                     | lead                       | director |
 * | --------------------- | ------------------------- | -------------------------- | -------- |
 * | team (aggregates)     | own team only             | their teams                | all      |
 * | team_agents (tiers…)  | never                     | their teams                | all      |
 * | agent                 | self only                 | agents of their teams      | all      |
 * | share (to a channel)  | never                     | their teams                | all      |
 * | org (digest, all)     | never                     | never                      | yes      |
 *
 * Pure: the caller loads the viewer's roles and the target agent's team from the store
 * (src/slack/viewer.ts), so a forged payload can name a scope but never a role.
 */
import type { Agent, Team } from '../domain/records.ts';

export type Role = 'director' | 'lead' | 'agent';

/** What a view wants to show. Built from the command text or a button payload. */
export type Scope =
  | { kind: 'team'; teamId: string }
  /** A team's individual agents: tiers, enablement per agent, who to pair with whom. */
  | { kind: 'team_agents'; teamId: string }
  | { kind: 'agent'; agentId: string }
  | { kind: 'org' }
  /** Posting a team's aggregates publicly to a channel. */
  | { kind: 'share'; teamId: string };

export interface Viewer {
  slackUserId: string;
  isDirector: boolean;
  /** Teams whose `lead_slack_ids` hold the viewer. */
  leadTeamIds: readonly string[];
  /** The agent record whose `slack_user_id` is the viewer, if any. */
  agent: { id: string; teamId: string } | null;
}

/** Answers the one question authorization needs about the organisation: whose team is an agent in. */
export interface Directory {
  teamOfAgent(agentId: string): string | undefined;
}

export type DenyReason =
  | 'no_role'
  | 'not_your_team'
  | 'not_your_agent'
  | 'lead_or_director_only'
  | 'director_only';

export type Decision = { allowed: true; role: Role } | { allowed: false; reason: DenyReason };

/** The viewer's roles, most powerful first. */
export function rolesOf(viewer: Viewer): Role[] {
  const roles: Role[] = [];
  if (viewer.isDirector) roles.push('director');
  if (viewer.leadTeamIds.length > 0) roles.push('lead');
  if (viewer.agent) roles.push('agent');
  return roles;
}

/**
 * Derives a viewer's roles from the organisation (pure).
 * @example resolveViewer({ slackUserId: 'U1', teams: [{ id: 'T1', lead_slack_ids: ['U1'], … }], agents: [], directorIds: [] })
 *   // { slackUserId: 'U1', isDirector: false, leadTeamIds: ['T1'], agent: null }
 */
export function resolveViewer(args: {
  slackUserId: string;
  teams: readonly Pick<Team, 'id' | 'lead_slack_ids'>[];
  agent: Pick<Agent, 'id' | 'team_id'> | null;
  directorIds: readonly string[];
}): Viewer {
  if (!args.slackUserId) throw new TypeError('resolveViewer requires a slackUserId');
  return {
    slackUserId: args.slackUserId,
    isDirector: args.directorIds.includes(args.slackUserId),
    leadTeamIds: args.teams
      .filter((t) => t.lead_slack_ids.includes(args.slackUserId))
      .map((t) => t.id),
    agent: args.agent ? { id: args.agent.id, teamId: args.agent.team_id } : null,
  };
}

/**
 * Allows or denies `viewer` the `scope`, with the role that allowed it or the reason it
 * was denied (turned into a message by the caller through the catalogue).
 */
export function authorize(viewer: Viewer, scope: Scope, directory: Directory): Decision {
  if (viewer.isDirector) return { allowed: true, role: 'director' };
  const leads = viewer.leadTeamIds.length > 0;
  const agent = viewer.agent;
  if (!leads && !agent) return { allowed: false, reason: 'no_role' };
  const leadsTeam = (teamId: string) => viewer.leadTeamIds.includes(teamId);

  switch (scope.kind) {
    case 'org':
      return { allowed: false, reason: 'director_only' };
    case 'team':
      if (leadsTeam(scope.teamId)) return { allowed: true, role: 'lead' };
      if (agent && agent.teamId === scope.teamId) return { allowed: true, role: 'agent' };
      return { allowed: false, reason: 'not_your_team' };
    case 'team_agents':
    case 'share':
      if (leadsTeam(scope.teamId)) return { allowed: true, role: 'lead' };
      return { allowed: false, reason: leads ? 'not_your_team' : 'lead_or_director_only' };
    case 'agent': {
      if (agent && agent.id === scope.agentId) return { allowed: true, role: 'agent' };
      const teamId = directory.teamOfAgent(scope.agentId);
      if (teamId !== undefined && leadsTeam(teamId)) return { allowed: true, role: 'lead' };
      return { allowed: false, reason: 'not_your_agent' };
    }
  }
}
