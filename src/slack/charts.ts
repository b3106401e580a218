/**
 * One chart selection per view (issue 15), shared by the slash commands, App Home's
 * Open and the jobs: which charts a view shows, each with one file name and title.
 * The chart specs and the renderer live in src/charts; this only chooses and names them.
 *
 * | view | charts |
 * | --- | --- |
 * | `team` (`/teamhealth` for a lead, `/teamhealth team`) | the team dashboard |
 * | `weekly` (the weekly team-channel post) | the dashboard with a small monthly panel |
 * | `metric` | the trend with limits, or the monthly trend when asked ("Monthly" button); + extra slot |
 * | `mix` | the contact mix, drivers highlighted |
 * | `enablement` | the funnel by checkpoint of one initiative |
 * | `tiers` | tier mix over the last 8 windows; + extra slot |
 * | `digest` | tier mix across teams, and the organisation dashboard |
 *
 * No selection has more than two charts (PRODUCT.md, "One picture, not a wall").
 */

import type { ChartSpec } from '../charts/spec.ts';
import { contactMixSpec } from '../charts/specs/contact-mix.ts';
import { enablementFunnelSpec } from '../charts/specs/enablement-funnel.ts';
import { monthlyTrendSpec } from '../charts/specs/monthly-trend.ts';
import { orgDashboardSpec } from '../charts/specs/org-dashboard.ts';
import { teamDashboardSpec } from '../charts/specs/team-dashboard.ts';
import { tierMixTeamsSpec } from '../charts/specs/tier-mix-teams.ts';
import { tierMixWindowsSpec } from '../charts/specs/tier-mix-windows.ts';
import { trendStabilitySpec } from '../charts/specs/trend-stability.ts';
import { shortDate } from '../charts/specs/wording.ts';
import type { Metric } from '../domain/metrics.ts';
import type { LocalDate } from '../domain/records.ts';
import type { EnablementReport, OrgReport, TeamReport, TierMix } from '../domain/report-types.ts';
import { metricLabel } from '../messages/metric-names.ts';
import { t } from '../messages/t.ts';
import type { OutgoingFile } from './delivery/types.ts';

/** The most charts any one view shows. */
export const MAX_CHARTS_PER_VIEW = 2;

type Window = { from: LocalDate; to: LocalDate };

/** What a view is about, with the data its charts need. */
export type ChartRequest =
  | { view: 'team'; team: TeamReport; window: Window }
  | { view: 'weekly'; team: TeamReport; window: Window; monthly: Metric }
  | {
      view: 'metric';
      team: TeamReport;
      window: Window;
      metric: Metric;
      monthly?: boolean;
      /** The viewer may see agents' points (leads and directors): the funnel slot may fill. */
      funnel?: boolean;
    }
  | { view: 'mix'; team: TeamReport }
  | { view: 'enablement'; team: TeamReport; initiative?: string }
  | {
      view: 'tiers';
      team: TeamReport;
      windows: { from: LocalDate; mix: TierMix }[];
      /** As for `metric`. */
      funnel?: boolean;
    }
  | { view: 'digest'; report: Pick<OrgReport, 'teams' | 'window' | 'options'> };

/** One chart a view shows: its spec, a short name (the file is `<scope>-<name>.png`) and a title. */
export interface ChartChoice {
  spec: ChartSpec;
  name: string;
  title: string;
}

/**
 * Optional extra charts, one slot each in the `metric` and `tiers` selections, for a
 * chart another part of the app draws (the funnel of agents' rates against their n, from
 * the metrics work of issue 13). A slot returning null adds nothing.
 */
export interface ExtraChartSlots {
  metric?: (request: Extract<ChartRequest, { view: 'metric' }>) => ChartChoice | null;
  tiers?: (request: Extract<ChartRequest, { view: 'tiers' }>) => ChartChoice | null;
}

/** The scope a view's file names start with: the team's id, or `org`. */
function scopeOf(request: ChartRequest): string {
  return request.view === 'digest' ? 'org' : request.team.id;
}

/** `<scope>-<name>.png`: the one file name of a chart, whoever draws it. */
export function chartFilename(request: ChartRequest, choice: Pick<ChartChoice, 'name'>): string {
  return `${scopeOf(request)}-${choice.name}.png`;
}

/**
 * The initiative an enablement view charts: the one asked for, else the one with the
 * most agents not yet on track (ties: the first listed).
 */
export function initiativeToChart(
  enablement: readonly EnablementReport[],
  asked?: string,
): EnablementReport | undefined {
  if (asked) return enablement.find((e) => e.initiativeId === asked);
  const stuck = (e: EnablementReport) => e.agents.filter((a) => a.diagnosis !== 'on_track').length;
  return [...enablement].sort((a, b) => stuck(b) - stuck(a))[0];
}

/** The charts of a view, in the order they are shown (at most MAX_CHARTS_PER_VIEW). */
export function chooseCharts(request: ChartRequest, extra: ExtraChartSlots = {}): ChartChoice[] {
  const choices = choose(request, extra);
  if (choices.length > MAX_CHARTS_PER_VIEW) {
    throw new Error(
      `chooseCharts: the ${request.view} view chose ${choices.length} charts; at most ${MAX_CHARTS_PER_VIEW}`,
    );
  }
  return choices;
}

function choose(request: ChartRequest, extra: ExtraChartSlots): ChartChoice[] {
  switch (request.view) {
    case 'team':
    case 'weekly': {
      const { team, window } = request;
      return [
        {
          spec: teamDashboardSpec({
            team,
            window,
            ...(request.view === 'weekly' ? { monthly: request.monthly } : {}),
          }),
          name: 'dashboard',
          title: t('charts_post.dashboard_title', { team: team.name }),
        },
      ];
    }
    case 'metric': {
      const { team, metric, window } = request;
      const label = metricLabel(metric);
      const main: ChartChoice = request.monthly
        ? {
            spec: monthlyTrendSpec({
              teamName: team.name,
              metric,
              monthly: team.metrics[metric].monthly,
            }),
            name: `${metric}-monthly`,
            title: t('charts_post.monthly_title', { team: team.name, label }),
          }
        : {
            spec: trendStabilitySpec({
              teamName: team.name,
              metric,
              report: team.metrics[metric],
              window,
            }),
            name: `${metric}-trend`,
            title: t('charts_post.trend_title', { team: team.name, label }),
          };
      const slot = extra.metric?.(request);
      return slot ? [main, slot] : [main];
    }
    case 'mix':
      return [
        {
          spec: contactMixSpec({ teamName: request.team.name, mix: request.team.contactMix }),
          name: 'contact-mix',
          title: t('charts_post.mix_title', { team: request.team.name }),
        },
      ];
    case 'enablement': {
      const chosen = initiativeToChart(request.team.enablement, request.initiative);
      if (!chosen) return [];
      return [
        {
          spec: enablementFunnelSpec({
            initiativeId: chosen.initiativeId,
            teams: [{ name: request.team.name, report: chosen }],
          }),
          name: 'enablement',
          title: t('charts_post.enablement_title', {
            team: request.team.name,
            initiative: chosen.initiativeId,
          }),
        },
      ];
    }
    case 'tiers': {
      const main: ChartChoice = {
        spec: tierMixWindowsSpec({
          teamName: request.team.name,
          windows: request.windows.map((w) => ({ label: shortDate(w.from), mix: w.mix })),
        }),
        name: 'tier-mix-windows',
        title: t('charts_post.tiers_title', { team: request.team.name }),
      };
      const slot = extra.tiers?.(request);
      return slot ? [main, slot] : [main];
    }
    case 'digest': {
      const { report } = request;
      return [
        {
          spec: orgDashboardSpec({
            teams: report.teams,
            window: report.window,
            days: report.options.windowDays,
          }),
          name: 'dashboard',
          title: t('digest.org_chart_title'),
        },
        {
          spec: tierMixTeamsSpec({
            teams: report.teams.map((team) => ({ name: team.name, tierMix: team.tierMix })),
          }),
          name: 'tier-mix-teams',
          title: t('digest.chart_title'),
        },
      ];
    }
  }
}

export interface ChartMaker {
  /** The charts of a view as files (rendered, named, with alt text), in order. */
  charts(request: ChartRequest): Promise<OutgoingFile[]>;
}

/** A chart maker drawing with `render` (the worker pool), filling the extra slots given. */
export function createChartMaker(
  render: (spec: ChartSpec) => Promise<Buffer>,
  extra: ExtraChartSlots = {},
): ChartMaker {
  return {
    async charts(request) {
      return Promise.all(
        chooseCharts(request, extra).map(async (choice) => ({
          filename: chartFilename(request, choice),
          bytes: await render(choice.spec),
          alt_text: choice.spec.altText,
          title: choice.title,
        })),
      );
    },
  };
}
