/**
 * The date ranges a report covers, all ending on or before `asOf` (METRICS.md, "Series"
 * and "Contact-reason mix shift"):
 * - window: the last `windowDays` local days ending on asOf, inclusive;
 * - previousWindow: the `windowDays` days just before it (for tier movement);
 * - monthly: from the first day of the month `monthlyMonths − 1` months before asOf's
 *   month, to asOf (the current month is partial);
 * - recent mix: the last 7 days; baseline mix: the 28 days before them.
 */
import { addDays, windowEnding } from '../domain/dates.ts';
import type { LocalDate } from '../domain/records.ts';

export const MIX_RECENT_DAYS = 7;
export const MIX_BASELINE_DAYS = 28;

export interface ReportWindows {
  window: { from: LocalDate; to: LocalDate };
  previousWindow: { from: LocalDate; to: LocalDate };
  monthly: { from: LocalDate; to: LocalDate };
  mixRecent: { from: LocalDate; to: LocalDate };
  mixBaseline: { from: LocalDate; to: LocalDate };
}

/**
 * @example reportWindows('2026-10-31', 28, 6)
 *   // window 2026-10-04…2026-10-31, previous 2026-09-06…2026-10-03, monthly 2026-05-01…2026-10-31,
 *   // mix recent 2026-10-25…2026-10-31, baseline 2026-09-27…2026-10-24
 */
export function reportWindows(
  asOf: LocalDate,
  windowDays: number,
  monthlyMonths: number,
): ReportWindows {
  const window = windowEnding(asOf, windowDays);
  const previousWindow = windowEnding(addDays(window.from, -1), windowDays);
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7)) - 1 - (monthlyMonths - 1);
  const first = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
  const mixRecent = windowEnding(asOf, MIX_RECENT_DAYS);
  const mixBaseline = windowEnding(addDays(mixRecent.from, -1), MIX_BASELINE_DAYS);
  return { window, previousWindow, monthly: { from: first, to: asOf }, mixRecent, mixBaseline };
}
