/**
 * Small pieces of wording shared by messages and charts: month names, day-and-month
 * dates and lists ("a, b and c"), all from the catalogue.
 */
import type { LocalDate } from '../domain/records.ts';
import { t } from './t.ts';

const MONTHS = [
  'chart.month.1',
  'chart.month.2',
  'chart.month.3',
  'chart.month.4',
  'chart.month.5',
  'chart.month.6',
  'chart.month.7',
  'chart.month.8',
  'chart.month.9',
  'chart.month.10',
  'chart.month.11',
  'chart.month.12',
] as const;

/** The short name of month 1…12 (`MM` of a date), from the catalogue. @example monthName('10') // 'Oct' */
export function monthName(mm: string): string {
  const key = MONTHS[Number(mm) - 1];
  if (!key) throw new Error(`monthName: "${mm}" is not a month 01…12`);
  return t(key);
}

/** @example listJoin(['a', 'b', 'c']) // 'a, b and c' */
export function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return t('chart.list_and', {
    head: items.slice(0, -1).join(', '),
    last: items[items.length - 1] ?? '',
  });
}

/** @example dayMonth('2026-10-04') // '4 Oct' */
export function dayMonth(date: LocalDate): string {
  return t('reason.day_month', {
    day: String(Number(date.slice(8, 10))),
    month: monthName(date.slice(5, 7)),
  });
}

/**
 * Dates as people list them, the month said once per run of days in it.
 * @example dayList(['2026-10-12', '2026-10-20', '2026-10-27']) // '12, 20 and 27 Oct'
 * @example dayList(['2026-09-30', '2026-10-02']) // '30 Sep and 2 Oct'
 */
export function dayList(dates: readonly LocalDate[]): string {
  const sorted = [...new Set(dates)].sort();
  const items = sorted.map((date, i) => {
    const next = sorted[i + 1];
    const sameMonthNext = next !== undefined && next.slice(0, 7) === date.slice(0, 7);
    return sameMonthNext ? String(Number(date.slice(8, 10))) : dayMonth(date);
  });
  return listJoin(items);
}
