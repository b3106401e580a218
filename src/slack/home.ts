/** The App Home for one person: their own view by role (blocks/app-home.ts), from the store. */
import type { HomeView } from '@slack/types';
import { buildAppHomeView } from '../../blocks/app-home.ts';
import { ErrorCode } from '../errors.ts';
import { buildOrgReport } from '../reporting/build-org-report.ts';
import type { ReportCache } from '../reporting/org-report-cache.ts';
import type { Store } from '../store/types.ts';
import { authorize, rolesOf } from './authorization.ts';
import { loadViewer } from './viewer.ts';

export async function homeFor(args: {
  store: Store;
  reports: ReportCache;
  directorIds: readonly string[];
  slackUserId: string;
}): Promise<HomeView> {
  const viewer = await loadViewer(args);
  if (rolesOf(viewer).length === 0) return buildAppHomeView({ report: null });
  // Only the teams this person may see are loaded: all for a director, else led + own.
  const teamIds = viewer.isDirector
    ? undefined
    : [...new Set([...viewer.leadTeamIds, ...(viewer.agent ? [viewer.agent.teamId] : [])])];
  let report: Awaited<ReturnType<typeof buildOrgReport>> | null;
  try {
    report = await buildOrgReport({
      store: args.store,
      cache: args.reports,
      ...(teamIds ? { teamIds } : {}),
    });
  } catch (error) {
    if ((error as { code?: string }).code !== ErrorCode.NotFoundError) throw error;
    report = null;
  }
  const none = { teamOfAgent: () => undefined };
  const leadTeams = (report?.teams ?? []).filter((team) => viewer.leadTeamIds.includes(team.id));
  const ownTeam = viewer.agent
    ? report?.teams.find((team) => team.id === viewer.agent?.teamId)
    : undefined;
  const agent =
    viewer.agent &&
    ownTeam &&
    authorize(viewer, { kind: 'agent', agentId: viewer.agent.id }, none).allowed
      ? { team: ownTeam, agentId: viewer.agent.id, inviteTip: true }
      : undefined;
  return buildAppHomeView({
    report,
    director: viewer.isDirector,
    leadTeams,
    ...(agent && ownTeam?.agents.some((a) => a.id === agent.agentId) ? { agent } : {}),
  });
}
