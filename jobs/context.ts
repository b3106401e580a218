/**
 * What every job loads first: the teams it runs for, the day it reports on and the
 * organisation report for that day.
 */
import { addDays, localDateIn } from '../src/domain/dates.ts';
import type { Team } from '../src/domain/records.ts';
import type { OrgReport } from '../src/domain/report-types.ts';
import { buildOrgReport } from '../src/reporting/build-org-report.ts';
import type { JobDeps } from './types.ts';

export interface JobContext {
  report: OrgReport;
  teams: Map<string, Team>;
}

/**
 * The report day: `deps.asOf`, else yesterday (the last complete day) in the first team's
 * zone, but never after the last day with data. Null when the store holds no KPIs.
 */
export async function resolveAsOf(deps: JobDeps, teams: Team[]): Promise<string | null> {
  if (deps.asOf) return deps.asOf;
  const span = await deps.store.kpis.dateSpan();
  if (!span) return null;
  const yesterday = addDays(localDateIn(teams[0]?.timezone ?? 'UTC', deps.now), -1);
  // Dates as YYYY-MM-DD sort as text: the earlier of the two.
  return [yesterday, span.to].sort()[0] ?? span.to;
}

/** Null when there is nothing to report on (no teams or no data): the job then sends nothing. */
export async function loadJobContext(deps: JobDeps): Promise<JobContext | null> {
  const all = await deps.store.teams.list();
  const teams = deps.teamIds ? all.filter((t) => deps.teamIds?.includes(t.id)) : all;
  if (teams.length === 0) return null;
  const asOf = await resolveAsOf(deps, teams);
  if (!asOf) return null;
  const report = await buildOrgReport({ store: deps.store, asOf, teamIds: teams.map((t) => t.id) });
  return { report, teams: new Map(teams.map((t) => [t.id, t])) };
}
