/**
 * The thin I/O shell around the pure report: loads what `assembleOrgReport` needs through
 * the Store interface, then calls it. Used by the CLI, the Slack app and jobs.
 * Agent sums are loaded for every team (percentiles span the organisation or the site),
 * even when `teamIds` narrows the teams reported.
 */

import { resolveReportOptions } from './analytics/options.ts';
import { assembleOrgReport } from './analytics/report.ts';
import { reportWindows } from './analytics/windows.ts';
import { isLocalDate } from './domain/dates.ts';
import type { Metric } from './domain/metrics.ts';
import type { LocalDate } from './domain/records.ts';
import type { OrgReport, ReportOptions } from './domain/report.ts';
import { InputError, NotFoundError } from './errors.ts';
import type { Store } from './store/types.ts';

export interface BuildOrgReportArgs {
  store: Store;
  /** Last day of the window; defaults to the last date with KPI data. */
  asOf?: LocalDate;
  /** Only these teams in the output (all when omitted). */
  teamIds?: string[];
  options?: Partial<Omit<ReportOptions, 'weights'>> & { weights?: Partial<Record<Metric, number>> };
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
  const w = reportWindows(day, resolved.windowDays, resolved.monthlyMonths);
  // Dates as YYYY-MM-DD sort as strings: the earlier of the monthly span and the window.
  const [from = w.window.from] = [w.monthly.from, w.window.from].sort();
  // A team filter only when one was asked for: listing every team id would make the store
  // match each row against the whole list for nothing.
  const filter = teamIds ? ids : undefined;
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
  return assembleOrgReport({
    asOf: day,
    options: resolved,
    teams: allTeams,
    reportTeamIds: filter,
    agents,
    teamDays,
    agentWindow,
    agentPreviousWindow,
    contactsRecent,
    contactsBaseline,
    enablement,
  });
}
