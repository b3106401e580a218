/**
 * Team series from summed counts (METRICS.md, "Series"). Each point is the ratio of the
 * sums over its group (a day or a month); a group whose denominator is 0 is left out,
 * never drawn as 0.
 */

import { monthOf } from '../domain/dates.ts';
import {
  addSums,
  emptySums,
  type Metric,
  metricN,
  metricValue,
  type Sums,
} from '../domain/metrics.ts';
import type { LocalDate } from '../domain/records.ts';
import type { MonthlyPoint, SeriesPoint } from '../domain/report-types.ts';

/** A dated group of sums, such as a store `TeamDaySums` row. */
export type DatedSums = Partial<Sums> & { date: LocalDate };

/**
 * One point per local day: value = Σ numerator / Σ denominator over that day's rows,
 * n = Σ denominator; days with n = 0 are left out. Rows on the same date are added
 * first (so a day split across rows gives the same value), then sorted by date.
 * @param rows one team's day sums (any order)
 * @param metric which metric
 * @param range optional inclusive `from`/`to` to keep only days inside it
 * @returns the daily series, oldest first
 * @example dailySeries([{ date: '2026-10-01', csat_positive: 9, csat_responses: 10 },
 *   { date: '2026-10-02', csat_positive: 0, csat_responses: 0 }], 'csat')
 *   // [{ date: '2026-10-01', value: 0.9, n: 10 }]
 */
export function dailySeries(
  rows: readonly DatedSums[],
  metric: Metric,
  range?: { from: LocalDate; to: LocalDate },
): SeriesPoint[] {
  return dailyPoints(sumsByDate(rows, range), metric);
}

/**
 * One point per calendar month (`YYYY-MM`), the ratio of the month's sums; months whose
 * denominator is 0 are left out.
 * @example monthlySeries([{ date: '2026-09-30', csat_positive: 8, csat_responses: 10 },
 *   { date: '2026-10-01', csat_positive: 1, csat_responses: 10 },
 *   { date: '2026-10-02', csat_positive: 9, csat_responses: 30 }], 'csat')
 *   // [{ month: '2026-09', value: 0.8, n: 10 }, { month: '2026-10', value: 0.25, n: 40 }]
 */
export function monthlySeries(
  rows: readonly DatedSums[],
  metric: Metric,
  range?: { from: LocalDate; to: LocalDate },
): MonthlyPoint[] {
  return monthlyPoints(sumsByMonth(rows, range), metric);
}

/**
 * Σ of every summable field over the rows (inside `range` when given): the group's sums,
 * from which `metricValue` gives the window value as a ratio of sums.
 * @example totalSums([{ date: 'd1', csat_positive: 1, csat_responses: 2 },
 *   { date: 'd2', csat_positive: 3, csat_responses: 8 }]).csat_positive // 4
 */
export function totalSums(
  rows: readonly DatedSums[],
  range?: { from: LocalDate; to: LocalDate },
): Sums {
  const total = emptySums();
  for (const row of rows) if (inRange(row.date, range)) addSums(total, row);
  return total;
}

function inRange(date: LocalDate, range?: { from: LocalDate; to: LocalDate }): boolean {
  return !range || (date >= range.from && date <= range.to);
}

/**
 * Σ per local day (inside `range` when given): the grouping step of `dailySeries`, done once
 * when several metrics are drawn from the same rows.
 */
export function sumsByDate(
  rows: readonly DatedSums[],
  range?: { from: LocalDate; to: LocalDate },
): Map<string, Sums> {
  return groupSums(rows, (row) => row.date, range);
}

/** Σ per calendar month (`YYYY-MM`), from rows or from per-day sums. */
export function sumsByMonth(
  rows: readonly DatedSums[],
  range?: { from: LocalDate; to: LocalDate },
): Map<string, Sums> {
  return groupSums(rows, (row) => monthOf(row.date), range);
}

/** The daily series of one metric from per-day sums (zero denominators left out), oldest first. */
export function dailyPoints(byDate: ReadonlyMap<string, Sums>, metric: Metric): SeriesPoint[] {
  return toPoints(byDate, metric).map(([date, value, n]) => ({ date, value, n }));
}

/** The monthly series of one metric from per-month sums, oldest first. */
export function monthlyPoints(byMonth: ReadonlyMap<string, Sums>, metric: Metric): MonthlyPoint[] {
  return toPoints(byMonth, metric).map(([month, value, n]) => ({ month, value, n }));
}

function groupSums(
  rows: readonly DatedSums[],
  key: (row: DatedSums) => string,
  range?: { from: LocalDate; to: LocalDate },
): Map<string, Sums> {
  const groups = new Map<string, Sums>();
  for (const row of rows) {
    if (!inRange(row.date, range)) continue;
    const k = key(row);
    let sums = groups.get(k);
    if (!sums) {
      sums = emptySums();
      groups.set(k, sums);
    }
    addSums(sums, row);
  }
  return groups;
}

function toPoints(groups: ReadonlyMap<string, Sums>, metric: Metric): [string, number, number][] {
  const points: [string, number, number][] = [];
  for (const [k, sums] of groups) {
    const value = metricValue(sums, metric);
    if (value !== null) points.push([k, value, metricN(sums, metric)]);
  }
  return points.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
