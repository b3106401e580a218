/**
 * A team's tier mix over its last windows (the `tiers` view's chart): the organisation
 * report for each window's last day, stepping back one window length at a time, so each
 * window's tiers are computed exactly as that day's report computed them (organisation
 * or site percentiles, the same eligibility). Windows before the data starts are left out.
 */
import { addDays } from '../domain/dates.ts';
import type { LocalDate } from '../domain/records.ts';
import type { OrgReport, TierMix } from '../domain/report-types.ts';
import type { Store } from '../store/types.ts';
import { buildOrgReport } from './build-org-report.ts';

/** Windows the tier-mix chart shows. */
const TIER_WINDOW_COUNT = 8;

/**
 * @param report the current report (its last window is the newest)
 * @returns oldest first, each with its first day
 */
export async function loadTierWindows(args: {
  store: Store;
  report: Pick<OrgReport, 'asOf' | 'options'>;
  teamId: string;
  count?: number;
}): Promise<{ from: LocalDate; mix: TierMix }[]> {
  const { store, report, teamId } = args;
  const days = report.options.windowDays;
  const span = await store.kpis.dateSpan();
  const windows: { from: LocalDate; mix: TierMix }[] = [];
  for (let k = (args.count ?? TIER_WINDOW_COUNT) - 1; k >= 0; k--) {
    const asOf: LocalDate = addDays(report.asOf, -k * days);
    const from = addDays(asOf, -(days - 1));
    if (span && asOf < span.from) continue;
    const past = await buildOrgReport({
      store,
      asOf,
      teamIds: [teamId],
      options: report.options,
    });
    const team = past.teams[0];
    if (team) windows.push({ from, mix: team.tierMix });
  }
  return windows;
}
