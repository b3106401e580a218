/**
 * The core behind `/teamhealth`, the view buttons and App Home: from (who asks, what they
 * ask) to the message they may see. Typed commands and buttons both arrive here as a
 * Query, so a button naming another team or agent meets exactly the authorization a
 * typed command meets.
 */
import type { ActionsBlock, KnownBlock } from '@slack/types';
import { buildAgentViewBlocks } from '../../blocks/agent-view.ts';
import { buildContactMixBlocks } from '../../blocks/contact-mix.ts';
import { buildDirectorDigestBlocks } from '../../blocks/director-digest.ts';
import { buildEnablementBlocks } from '../../blocks/enablement.ts';
import { buildHelpBlocks } from '../../blocks/help.ts';
import type { ChartImage, SlackMessage } from '../../blocks/message.ts';
import { buildMetricDetailBlocks } from '../../blocks/metric-detail.ts';
import { buildNoRoleBlocks } from '../../blocks/no-role.ts';
import { buildTeamSummaryBlocks } from '../../blocks/team-summary.ts';
import { buildTiersBlocks } from '../../blocks/tiers.ts';
import { coachingFor, peerGroupOf } from '../analytics/coaching.ts';
import type { Metric } from '../domain/metrics.ts';
import type { Query } from '../domain/query.ts';
import type { Team } from '../domain/records.ts';
import type { OrgReport, TeamReport } from '../domain/report-types.ts';
import type { Tip } from '../domain/surfaces.ts';
import { ErrorCode } from '../errors.ts';
import { escapeMrkdwn } from '../messages/mrkdwn.ts';
import { t } from '../messages/t.ts';
import { buildOrgReport } from '../reporting/build-org-report.ts';
import type { ReportCache } from '../reporting/org-report-cache.ts';
import { loadTierWindows } from '../reporting/tier-windows.ts';
import type { Store } from '../store/types.ts';
import { authorize, type Decision, type Scope, type Viewer } from './authorization.ts';
import type { ChartMaker, ChartRequest } from './charts.ts';
import type { OutgoingFile } from './delivery/types.ts';
import { findTeam, loadDirectory, loadViewer } from './viewer.ts';

export interface AnswerDeps {
  store: Store;
  /** Organisation-wide reports shared by the app's listeners. */
  reports: ReportCache;
  directorIds: readonly string[];
  charts?: ChartMaker;
  logger: { warn(obj: object, msg?: string): void };
}

/** Makes charts visible to the message: uploads them privately, or refers to them for the delivery engine. */
export type PlaceCharts = (files: OutgoingFile[]) => Promise<ChartImage[]>;

export interface Answer {
  message: SlackMessage;
  /** Whether the viewer was refused (for logs and tests). */
  denied: boolean;
  /** The resolved team, when the view is about one. */
  team?: Team;
  report?: OrgReport;
}

const plain = (text: string, denied = false): Answer => ({
  message: { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] },
  denied,
});

function deniedAnswer(decision: Exclude<Decision, { allowed: true }>): Answer {
  if (decision.reason === 'no_role') return { message: buildNoRoleBlocks(), denied: true };
  return plain(t(`access.denied.${decision.reason}`), true);
}

/** The team a query is about: named, or the viewer's own (first led team, else own team). */
function teamFor(viewer: Viewer, query: Query, teams: Team[]): Team | { missing: string } | null {
  if (query.team !== undefined) return findTeam(teams, query.team) ?? { missing: query.team };
  const own = viewer.leadTeamIds[0] ?? viewer.agent?.teamId;
  return own ? (teams.find((team) => team.id === own) ?? null) : null;
}

/** What `/teamhealth` with no argument shows: director → digest, lead → their team, agent → own numbers. */
export function defaultQuery(viewer: Viewer, base: Query = { view: 'default' }): Query {
  const { view: _default, ...rest } = base;
  if (viewer.isDirector && viewer.leadTeamIds.length === 0) return { ...rest, view: 'digest' };
  if (viewer.leadTeamIds.length > 0) return { ...rest, view: 'team' };
  if (viewer.agent) return { ...rest, view: 'agent', agent: viewer.agent.id };
  return { ...rest, view: 'digest' };
}

/** The scope a query asks for, once its team is known. */
export function scopeOf(query: Query, teamId: string | undefined): Scope {
  switch (query.view) {
    case 'digest':
    case 'default':
      return { kind: 'org' };
    case 'agent':
      return { kind: 'agent', agentId: query.agent ?? '' };
    case 'tiers':
      return { kind: 'team_agents', teamId: teamId ?? '' };
    default:
      return { kind: 'team', teamId: teamId ?? '' };
  }
}

async function tipFor(store: Store, team: TeamReport, agentId: string, metric: Metric | undefined) {
  if (!metric) return undefined;
  const tips: Tip[] = await store.tips.list({ metric });
  // A peer's tip (never the agent's own), most helpful first; named only with consent.
  // Reused only with the author's consent (src/domain/surfaces.ts, Tip).
  const tip = tips
    .filter((x) => x.agent_id !== agentId && x.consent_named)
    .sort((a, b) => b.helpful_count - a.helpful_count)[0];
  if (!tip) return undefined;
  const author = tip.consent_named
    ? (team.agents.find((a) => a.id === tip.agent_id)?.name ??
      (await store.agents.get({ id: tip.agent_id }))?.name ??
      null)
    : null;
  return { tip, authorName: author };
}

/**
 * Answers a query for a Slack user.
 * @param place how charts reach the message (private upload for ephemeral answers).
 */
export async function answerQuery(
  deps: AnswerDeps,
  args: { slackUserId: string; query: Query; place?: PlaceCharts; audienceOverride?: 'channel' },
): Promise<Answer> {
  const { store } = deps;
  const viewer = await loadViewer({
    store,
    directorIds: deps.directorIds,
    slackUserId: args.slackUserId,
  });
  if (!viewer.isDirector && viewer.leadTeamIds.length === 0 && !viewer.agent) {
    return deniedAnswer({ allowed: false, reason: 'no_role' });
  }
  const query = args.query.view === 'default' ? defaultQuery(viewer, args.query) : args.query;
  const teams = await store.teams.list();

  // The team: for an agent view it is the agent's team (from the store, not the payload).
  let team: Team | undefined;
  if (query.view === 'agent') {
    const agentId = query.agent ?? viewer.agent?.id;
    if (!agentId) return deniedAnswer({ allowed: false, reason: 'not_your_agent' });
    query.agent = agentId;
    const agent = await store.agents.get({ id: agentId });
    team = agent ? teams.find((x) => x.id === agent.team_id) : undefined;
  } else if (query.view !== 'digest') {
    const found = teamFor(viewer, query, teams);
    if (found === null) return plain(t('usage.needs_team'));
    if ('missing' in found) {
      const visible = teams.filter(
        (x) =>
          viewer.isDirector || viewer.leadTeamIds.includes(x.id) || viewer.agent?.teamId === x.id,
      );
      return plain(
        t('error.unknown_team', {
          team: escapeMrkdwn(found.missing),
          known: visible.map((x) => escapeMrkdwn(x.name)).join(', ') || '–',
        }),
      );
    }
    team = found;
  }

  const scope = scopeOf(query, team?.id);
  const directory = await loadDirectory(store, scope.kind === 'agent' ? [scope.agentId] : []);
  const decision = authorize(viewer, scope, directory);
  if (!decision.allowed) return deniedAnswer(decision);
  if (query.view === 'agent' && !team) return plain(t('access.denied.not_your_agent'), true);

  let report: OrgReport;
  try {
    report = await buildOrgReport({
      store,
      cache: deps.reports,
      ...(team ? { teamIds: [team.id] } : {}),
      ...(query.days ? { options: { windowDays: query.days } } : {}),
    });
  } catch (error) {
    if ((error as { code?: string }).code === ErrorCode.NotFoundError && !team)
      return plain(t('error.no_data'));
    if ((error as { code?: string }).code === ErrorCode.NotFoundError)
      return plain(t('error.no_data'));
    throw error;
  }
  if (query.view === 'digest') {
    // The same message as the weekly digest (jobs/director-digest.ts).
    const made = await placeCharts(deps, args.place, { view: 'digest', report });
    return { message: buildDirectorDigestBlocks({ report, ...made }), denied: false, report };
  }
  const teamReport = report.teams.find((x) => x.id === team?.id);
  if (!team || !teamReport) return plain(t('error.no_data'));

  const role = decision.role;
  const canShare = authorize(viewer, { kind: 'share', teamId: team.id }, directory).allowed;
  const seesAgents = authorize(viewer, { kind: 'team_agents', teamId: team.id }, directory).allowed;
  const buttonsQuery: Query = { ...query, team: team.id };
  const charts = (request: ChartRequest | null) => placeCharts(deps, args.place, request);
  const base = { team: teamReport, report };
  let message: SlackMessage;
  switch (query.view) {
    case 'team': {
      const audience = args.audienceOverride ?? role;
      message = buildTeamSummaryBlocks({
        ...base,
        audience,
        query: buttonsQuery,
        canShare,
        ...(await charts({ view: 'team', team: teamReport, window: report.window })),
      });
      break;
    }
    case 'metric': {
      const metric = query.metric ?? 'csat';
      message = buildMetricDetailBlocks({
        ...base,
        metric,
        query: buttonsQuery,
        canShare,
        ...(await charts({
          view: 'metric',
          team: teamReport,
          window: report.window,
          metric,
          ...(query.monthly ? { monthly: true } : {}),
          funnel: seesAgents,
        })),
        seesAgents,
      });
      break;
    }
    case 'tiers': {
      const windows =
        deps.charts && args.place
          ? await loadTierWindows({ store, report, teamId: teamReport.id })
          : [];
      message = buildTiersBlocks({
        ...base,
        audience: role === 'director' ? 'director' : 'lead',
        ...(await charts(
          windows.length > 0
            ? { view: 'tiers', team: teamReport, windows, funnel: seesAgents }
            : null,
        )),
      });
      break;
    }
    case 'mix':
      message = buildContactMixBlocks({
        ...base,
        ...(await charts({ view: 'mix', team: teamReport })),
      });
      break;
    case 'enablement': {
      const known = teamReport.enablement.map((e) => e.initiativeId);
      if (query.initiative && !known.includes(query.initiative)) {
        return plain(
          t('enablement.unknown_initiative', {
            initiative: escapeMrkdwn(query.initiative),
            known: known.map(escapeMrkdwn).join(', ') || '–',
          }),
        );
      }
      message = buildEnablementBlocks({
        ...base,
        showAgents: seesAgents,
        ...(query.initiative ? { initiative: query.initiative } : {}),
        ...(await charts({
          view: 'enablement',
          team: teamReport,
          ...(query.initiative ? { initiative: query.initiative } : {}),
        })),
      });
      break;
    }
    case 'agent': {
      const agentId = query.agent as string;
      const agentReport = teamReport.agents.find((a) => a.id === agentId);
      // The tip is on the focus the view names (blocks/standing.ts), ties and all.
      const peers = peerGroupOf(report, teamReport);
      const focus = agentReport
        ? coachingFor({ team: teamReport, agentId, tips: [], peers, options: report.options }).focus
            ?.metrics[0]
        : undefined;
      const tip = await tipFor(store, teamReport, agentId, focus);
      message = buildAgentViewBlocks({
        ...base,
        peers,
        agentId,
        ...(tip ? { tip } : {}),
        inviteTip: viewer.agent?.id === agentId,
      });
      if (viewer.agent?.id !== agentId)
        message = { ...message, blocks: message.blocks.filter(notAgentActions) };
      break;
    }
    default:
      message = buildHelpBlocks({ director: viewer.isDirector });
  }
  return { message, denied: false, team, report };
}

/** A view's charts, made and placed; a failure is logged and said, never fatal to the answer. */
async function placeCharts(
  deps: AnswerDeps,
  place: PlaceCharts | undefined,
  request: ChartRequest | null,
): Promise<{ charts: ChartImage[]; chartsFailed: boolean }> {
  if (!deps.charts || !place || !request) return { charts: [], chartsFailed: false };
  try {
    const files = await deps.charts.charts(request);
    return { charts: await place(files), chartsFailed: false };
  } catch (error) {
    deps.logger.warn(
      {
        err: error,
        team: request.view === 'digest' ? 'org' : request.team.id,
        view: request.view,
      },
      'charts unavailable; answering without them',
    );
    return { charts: [], chartsFailed: true };
  }
}

/** A lead looking at an agent's view gets no snooze or share-tip buttons: those are the agent's own. */
function notAgentActions(block: KnownBlock): boolean {
  return !(
    block.type === 'actions' && (block as ActionsBlock).block_id === 'teamhealth_agent_actions'
  );
}
