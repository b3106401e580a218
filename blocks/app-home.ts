/**
 * The App Home tab: the viewer's own view by role. A director sees every team side by
 * side, a lead their teams, an agent their own numbers; one person may see several
 * parts. Someone with no role sees how to get access. Every team row (a lead's teams, a
 * director's teams) carries an "Open" button asking for that team's full view, answered
 * in the person's DM by src/slack/listeners/actions/open-team.ts. Always within 100 blocks.
 */
import type { HomeView, KnownBlock } from '@slack/types';
import { peerGroupOf } from '../src/analytics/coaching.ts';
import type { OrgReport, TeamReport } from '../src/domain/report-types.ts';
import { escapeMrkdwn } from '../src/messages/mrkdwn.ts';
import { t } from '../src/messages/t.ts';
import { type AgentViewArgs, buildAgentViewBlocks } from './agent-view.ts';
import { openTeamButton } from './controls.ts';
import { alertTexts, packLines, teamLine } from './director-digest.ts';
import { capBlocks, LIMITS } from './limits.ts';
import { context, divider, header, section } from './message.ts';
import { BALANCED_ORDER, statusLine, valueLine } from './metric-lines.ts';
import { buildNoRoleBlocks } from './no-role.ts';

/** Teams a lead's Home lists in full before pointing to the command. */
const MAX_LEAD_TEAMS = 8;

export interface AppHomeArgs {
  report: Pick<OrgReport, 'asOf' | 'window' | 'options' | 'teams'> | null;
  director?: boolean;
  /** Teams the viewer leads, already narrowed by authorization. */
  leadTeams?: TeamReport[];
  /** The viewer's own agent view. */
  agent?: Omit<AgentViewArgs, 'report'>;
}

function leadTeamBlocks(team: TeamReport): KnownBlock[] {
  const lines = BALANCED_ORDER.map(
    (m) => `${valueLine(m, team.metrics[m])}\n${statusLine(m, team.metrics[m])}`,
  );
  return [
    section(t('home.team_name', { team: escapeMrkdwn(team.name) }), openTeamButton(team.id)),
    section(lines.join('\n')),
  ];
}

/**
 * A director's part: one row per team with its "Open" button, then the alerts, within
 * `budget` blocks. When there are more teams than rows fit, the first teams keep their
 * row and button and the rest are still listed (packed, without a button) after a note
 * saying how to open them, so no team disappears.
 */
export function directorHomeBlocks(report: Pick<OrgReport, 'teams'>, budget: number): KnownBlock[] {
  const alerts = alertTexts(report).map((text) => section(text));
  const rows = report.teams.map((team) => section(teamLine(team), openTeamButton(team.id)));
  if (rows.length + alerts.length <= budget) return [...rows, ...alerts];
  // k rows with buttons + a note + the rest packed + the alerts must fit; shrink k until they do.
  for (let k = Math.max(0, budget - alerts.length - 2); ; k -= 1) {
    const rest = packLines(report.teams.slice(k).map(teamLine), LIMITS.sectionText);
    const note = context(t('home.more_teams_listed', { count: report.teams.length - k }));
    if (k === 0 || k + 1 + rest.length + alerts.length <= budget)
      return [...rows.slice(0, k), note, ...rest.map((text) => section(text)), ...alerts];
  }
}

export function buildAppHomeView(args: AppHomeArgs): HomeView {
  const roles = Boolean(args.director) || (args.leadTeams?.length ?? 0) > 0 || Boolean(args.agent);
  let blocks: KnownBlock[];
  if (!roles) blocks = buildNoRoleBlocks().blocks;
  else if (!args.report) blocks = [section(t('home.no_data'))];
  else {
    const report = args.report;
    blocks = [context(t('home.updated', { asOf: report.asOf }))];
    if (args.agent) {
      blocks.push(
        header(t('home.title_agent')),
        ...buildAgentViewBlocks({
          peers: peerGroupOf(report, args.agent.team),
          ...args.agent,
          report,
        }).blocks.slice(1),
        divider(),
      );
    }
    const leadTeams = args.leadTeams ?? [];
    if (leadTeams.length > 0) {
      blocks.push(header(t('home.title_lead')));
      for (const team of leadTeams.slice(0, MAX_LEAD_TEAMS)) blocks.push(...leadTeamBlocks(team));
      if (leadTeams.length > MAX_LEAD_TEAMS)
        blocks.push(context(t('home.more_teams', { count: leadTeams.length - MAX_LEAD_TEAMS })));
      blocks.push(divider());
    }
    if (args.director) {
      blocks.push(header(t('home.title_director')));
      blocks.push(...directorHomeBlocks(report, Math.max(2, LIMITS.viewBlocks - blocks.length)));
    }
  }
  return {
    type: 'home',
    blocks: capBlocks(blocks, LIMITS.viewBlocks, (count) => t('common.truncated', { count })),
  };
}
