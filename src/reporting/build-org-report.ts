/**
 * The thin I/O shell around the pure report: loads what `assembleOrgReport` needs through
 * the Store interface, then calls it. Used by the CLI, the Slack app and jobs.
 * Agent sums are loaded for every team (percentiles span the organisation or the site),
 * even when `teamIds` narrows the teams reported.
 *
 * With a report cache (passed by the caller: the Slack app hands its own to every
 * listener; the CLI and jobs pass none) the organisation-wide report is built once per (asOf, options) and the
 * asked-for teams are picked from it. That gives the same teams as a filtered build:
 * tiers and percentiles are organisation-wide either way, and every other part of a
 * TeamReport reads only that team's rows (test/reporting/build-org-report.test.ts).
 */

import { assembleOrgReport, type ReportInputs } from '../analytics/assemble-org-report.ts';
import { resolveReportOptions } from '../analytics/options.ts';
import { reportWindows } from '../analytics/windows.ts';
import { isLocalDate } from '../domain/dates.ts';
import type { Metric } from '../domain/metrics.ts';
import type { LocalDate, Team } from '../domain/records.ts';
import type { OrgReport, ReportOptions } from '../domain/report-types.ts';
import { InputError, NotFoundError } from '../errors.ts';
import type { Store } from '../store/types.ts';
import { cacheKey, type ReportCache } from './org-report-cache.ts';

export interface BuildOrgReportArgs {
  store: Store;
  /** Last day of the window; defaults to the last date with KPI data. */
  asOf?: LocalDate;
  /** Only these teams in the output (all when omitted). */
  teamIds?: string[];
  options?: Partial<Omit<ReportOptions, 'weights'>> & { weights?: Partial<Record<Metric, number>> };
  /** Reuse organisation-wide reports from here; none: build afresh. */
  cache?: ReportCache;
}

/**
 * @throws NotFoundError when the store has no KPI data and no asOf was given, or a team id is unknown
 * @throws InputError when asOf or an option is malformed
 */
export async function buildOrgReport({
  store,
  asOf,
  teamIds,
  options,
  cache,
}: BuildOrgReportArgs): Promise<OrgReport> {
  let resolved: ReportOptions;
  try {
    resolved = resolveReportOptions(options);
  } catch (error) {
    throw new InputError((error as Error).message, error);
  }
  if (asOf !== undefined && !isLocalDate(asOf)) {
    throw new InputError(`asOf must be a date written YYYY-MM-DD, got "${asOf}"`);
  }
  const day = asOf ?? (await store.kpis.dateSpan())?.to;
  if (!day)
    throw new NotFoundError(
      'No KPI data in the store yet: import agent-day rows first (teamhealth import)',
    );

  const allTeams = await store.teams.list();
  let ids = allTeams.map((t) => t.id);
  if (teamIds) {
    const known = new Set(allTeams.map((t) => t.id));
    const unknown = teamIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new NotFoundError(
        `Unknown team id(s): ${unknown.join(', ')} (known: ${allTeams.map((t) => t.id).join(', ') || 'none'})`,
      );
    }
    ids = [...new Set(teamIds)];
  }
  // A team filter only when one was asked for: listing every team id would make the store
  // match each row against the whole list for nothing.
  const filter = teamIds ? ids : undefined;
  if (!cache) return loadAndAssemble({ store, day, options: resolved, teams: allTeams, filter });

  const key = cacheKey([day, resolved]);
  const build = () => loadAndAssemble({ store, day, options: resolved, teams: allTeams });
  let org = await cache.get(key, build);
  // Teams added, removed or renamed since that build: every cached report is stale.
  if (!sameTeams(org, allTeams)) {
    cache.invalidate();
    org = await cache.get(key, build);
  }
  if (!filter) return org;
  const wanted = new Set(filter);
  return { ...org, teams: org.teams.filter((team) => wanted.has(team.id)) };
}

/** Whether the report lists exactly these teams, in order, as they are now named and placed. */
function sameTeams(report: OrgReport, teams: readonly Team[]): boolean {
  return (
    report.teams.length === teams.length &&
    report.teams.every((t, i) => {
      const now = teams[i];
      return (
        now !== undefined &&
        t.id === now.id &&
        t.name === now.name &&
        t.site === now.site &&
        t.timezone === now.timezone
      );
    })
  );
}

/** What `assembleOrgReport` reads from the store for a report on `day`. */
export type StoredReportInputs = Omit<ReportInputs, 'asOf' | 'options' | 'teams' | 'reportTeamIds'>;

/** Loads the rows for `day`, only `filter`'s teams where a query can narrow. */
export async function loadReportInputs({
  store,
  day,
  options,
  filter,
}: {
  store: Store;
  day: LocalDate;
  options: ReportOptions;
  filter?: string[];
}): Promise<StoredReportInputs> {
  const w = reportWindows(day, options.windowDays, options.monthlyMonths);
  // Dates as YYYY-MM-DD sort as strings: the earlier of the monthly span and the window.
  const [from = w.window.from] = [w.monthly.from, w.window.from].sort();
  const [
    agents,
    teamDays,
    agentWindow,
    agentPreviousWindow,
    contactsRecent,
    contactsBaseline,
    enablement,
  ] = await Promise.all([
    store.agents.list(),
    store.kpis.teamDailySums({ from, to: day, teamIds: filter }),
    store.kpis.agentWindowSums(w.window),
    store.kpis.agentWindowSums(w.previousWindow),
    store.contacts.reasonCounts({ ...w.mixRecent, teamIds: filter }),
    store.contacts.reasonCounts({ ...w.mixBaseline, teamIds: filter }),
    store.enablement.list({ to: day }),
  ]);
  return {
    agents,
    teamDays,
    agentWindow,
    agentPreviousWindow,
    contactsRecent,
    contactsBaseline,
    enablement,
  };
}

/** Loads the rows for `day` (only `filter`'s teams where a query can narrow) and assembles them. */
async function loadAndAssemble({
  store,
  day,
  options,
  teams,
  filter,
}: {
  store: Store;
  day: LocalDate;
  options: ReportOptions;
  teams: Team[];
  filter?: string[];
}): Promise<OrgReport> {
  const inputs = await loadReportInputs({ store, day, options, filter });
  return assembleOrgReport({ asOf: day, options, teams, reportTeamIds: filter, ...inputs });
}
