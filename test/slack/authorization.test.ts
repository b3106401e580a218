import { describe, expect, it } from 'vitest';
import { openTeamButton } from '../../blocks/controls.ts';
import { decodeQuery } from '../../src/domain/query.ts';
import { scopeOf } from '../../src/slack/answer.ts';
import {
  authorize,
  type Directory,
  resolveViewer,
  rolesOf,
  type Scope,
} from '../../src/slack/authorization.ts';

// A small organisation, by hand:
//   T1 led by U_LEAD1; agents A1 (U_AG1), A2 (U_AG2)
//   T2 led by U_LEAD2; agent A3 (U_AG3)
//   T3 led by U_BOTH, who is also agent A4 in T1
//   U_DIR is a director; U_NOBODY has no role.
const teams = [
  { id: 'T1', lead_slack_ids: ['U_LEAD1'] },
  { id: 'T2', lead_slack_ids: ['U_LEAD2'] },
  { id: 'T3', lead_slack_ids: ['U_BOTH'] },
];
const agents: Record<string, { id: string; team_id: string; slack: string }> = {
  A1: { id: 'A1', team_id: 'T1', slack: 'U_AG1' },
  A2: { id: 'A2', team_id: 'T1', slack: 'U_AG2' },
  A3: { id: 'A3', team_id: 'T2', slack: 'U_AG3' },
  A4: { id: 'A4', team_id: 'T1', slack: 'U_BOTH' },
};
const directory: Directory = { teamOfAgent: (id) => agents[id]?.team_id };
const viewer = (slackUserId: string) =>
  resolveViewer({
    slackUserId,
    teams,
    agent: Object.values(agents).find((a) => a.slack === slackUserId) ?? null,
    directorIds: ['U_DIR'],
  });

const team = (teamId: string): Scope => ({ kind: 'team', teamId });
const teamAgents = (teamId: string): Scope => ({ kind: 'team_agents', teamId });
const share = (teamId: string): Scope => ({ kind: 'share', teamId });
const agent = (agentId: string): Scope => ({ kind: 'agent', agentId });
const org: Scope = { kind: 'org' };

// [who, scope, expected]: 'allow:<role>' or 'deny:<reason>', decided from the table in
// src/slack/authorization.ts's doc comment (PRODUCT.md's "Coaching, not surveillance").
const matrix: [string, Scope, string][] = [
  // director: everything
  ['U_DIR', team('T1'), 'allow:director'],
  ['U_DIR', team('T2'), 'allow:director'],
  ['U_DIR', teamAgents('T2'), 'allow:director'],
  ['U_DIR', agent('A3'), 'allow:director'],
  ['U_DIR', share('T1'), 'allow:director'],
  ['U_DIR', org, 'allow:director'],
  // lead of T1: T1 and its agents, nothing else
  ['U_LEAD1', team('T1'), 'allow:lead'],
  ['U_LEAD1', teamAgents('T1'), 'allow:lead'],
  ['U_LEAD1', share('T1'), 'allow:lead'],
  ['U_LEAD1', agent('A1'), 'allow:lead'],
  ['U_LEAD1', agent('A2'), 'allow:lead'],
  ['U_LEAD1', team('T2'), 'deny:not_your_team'],
  ['U_LEAD1', teamAgents('T2'), 'deny:not_your_team'],
  ['U_LEAD1', share('T2'), 'deny:not_your_team'],
  ['U_LEAD1', agent('A3'), 'deny:not_your_agent'],
  ['U_LEAD1', agent('A_UNKNOWN'), 'deny:not_your_agent'],
  ['U_LEAD1', org, 'deny:director_only'],
  // agent A1: own numbers and own team's aggregates only
  ['U_AG1', agent('A1'), 'allow:agent'],
  ['U_AG1', team('T1'), 'allow:agent'],
  ['U_AG1', agent('A2'), 'deny:not_your_agent'],
  ['U_AG1', agent('A3'), 'deny:not_your_agent'],
  ['U_AG1', team('T2'), 'deny:not_your_team'],
  ['U_AG1', teamAgents('T1'), 'deny:lead_or_director_only'],
  ['U_AG1', share('T1'), 'deny:lead_or_director_only'],
  ['U_AG1', org, 'deny:director_only'],
  // lead of T3 who is also agent A4 in T1: the union of both roles
  ['U_BOTH', team('T3'), 'allow:lead'],
  ['U_BOTH', team('T1'), 'allow:agent'],
  ['U_BOTH', agent('A4'), 'allow:agent'],
  ['U_BOTH', teamAgents('T1'), 'deny:not_your_team'],
  ['U_BOTH', share('T1'), 'deny:not_your_team'],
  ['U_BOTH', agent('A1'), 'deny:not_your_agent'],
  ['U_BOTH', team('T2'), 'deny:not_your_team'],
  ['U_BOTH', share('T3'), 'allow:lead'],
  ['U_BOTH', teamAgents('T3'), 'allow:lead'],
  ['U_BOTH', org, 'deny:director_only'],
  // no role: always the friendly how-to-get-access
  ['U_NOBODY', team('T1'), 'deny:no_role'],
  ['U_NOBODY', teamAgents('T1'), 'deny:no_role'],
  ['U_NOBODY', agent('A1'), 'deny:no_role'],
  ['U_NOBODY', share('T1'), 'deny:no_role'],
  ['U_NOBODY', org, 'deny:no_role'],
];

describe('authorize', () => {
  it.each(matrix)('%s asking for %j → %s', (who, scope, expected) => {
    const decision = authorize(viewer(who), scope, directory);
    const got = decision.allowed ? `allow:${decision.role}` : `deny:${decision.reason}`;
    expect(got).toBe(expected);
  });

  it('covers every scope kind for every kind of viewer', () => {
    const kinds = new Set(matrix.map(([, s]) => s.kind));
    expect([...kinds].sort()).toEqual(['agent', 'org', 'share', 'team', 'team_agents']);
    for (const who of ['U_DIR', 'U_LEAD1', 'U_AG1', 'U_BOTH', 'U_NOBODY']) {
      const mine = new Set(matrix.filter(([w]) => w === who).map(([, s]) => s.kind));
      expect(mine.size, who).toBe(5);
    }
  });
});

// The App Home "Open" button, as a payload: the scope its value asks for (decoded exactly
// as the listener decodes it) meets the same decision as `/teamhealth team <id>`. A
// forged value naming a team the viewer may not see is refused with the same reason.
// [who, team named in the button's value, expected]
const openTeamMatrix: [string, string, string][] = [
  ['U_DIR', 'T1', 'allow:director'],
  ['U_DIR', 'T2', 'allow:director'],
  ['U_LEAD1', 'T1', 'allow:lead'],
  ['U_LEAD1', 'T2', 'deny:not_your_team'], // forged: another lead's team
  ['U_AG1', 'T1', 'allow:agent'], // own team's aggregates, as the typed command allows
  ['U_AG1', 'T2', 'deny:not_your_team'],
  ['U_BOTH', 'T3', 'allow:lead'],
  ['U_BOTH', 'T1', 'allow:agent'],
  ['U_BOTH', 'T2', 'deny:not_your_team'],
  ['U_NOBODY', 'T1', 'deny:no_role'],
];

/** The scope an Open button's value asks for, decoded as the listener decodes it. */
function openScope(teamId: string): Scope {
  const query = decodeQuery(openTeamButton(teamId).value);
  if (!query) throw new Error(`the Open button for ${teamId} carries no readable query`);
  return scopeOf(query, query.team);
}

describe('authorize, for the App Home Open button', () => {
  it.each(openTeamMatrix)('%s pressing Open on %s → %s', (who, teamId, expected) => {
    expect(openScope(teamId)).toEqual({ kind: 'team', teamId });
    const decision = authorize(viewer(who), openScope(teamId), directory);
    const got = decision.allowed ? `allow:${decision.role}` : `deny:${decision.reason}`;
    expect(got).toBe(expected);
  });

  it('decides Open exactly as the typed `team` command, for every row', () => {
    for (const [who, teamId] of openTeamMatrix) {
      expect(authorize(viewer(who), openScope(teamId), directory), `${who} ${teamId}`).toEqual(
        authorize(viewer(who), team(teamId), directory),
      );
    }
  });
});

describe('resolveViewer', () => {
  it('finds every role a person holds', () => {
    const v = viewer('U_BOTH');
    expect(v.leadTeamIds).toEqual(['T3']);
    expect(v.agent).toEqual({ id: 'A4', teamId: 'T1' });
    expect(rolesOf(v)).toEqual(['lead', 'agent']);
  });

  it('gives a stranger no role', () => {
    expect(rolesOf(viewer('U_NOBODY'))).toEqual([]);
  });

  it('refuses an empty user id', () => {
    expect(() => resolveViewer({ slackUserId: '', teams, agent: null, directorIds: [] })).toThrow(
      /slackUserId/,
    );
  });
});
