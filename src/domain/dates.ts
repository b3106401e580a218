/**
 * Calendar arithmetic on local dates (`YYYY-MM-DD`), which carry no time zone: a team's
 * day is already a day in its own zone. Pure; no clock. Instants and zones (when is it
 * 9:00 in Manila?) use luxon where they are needed.
 */
import { DateTime } from 'luxon';
import type { LocalDate } from './records.ts';

const DAY_MS = 86_400_000;

/** The digits of `date` from `start` to `end` as a number; NaN if one is not a digit. */
function digits(date: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = date.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

// Read digit by digit: the report reads tens of thousands of dates, and slicing each
// into three strings first costs more than the arithmetic.
function toUtcMs(date: LocalDate): number {
  if (date.length !== 10) return Number.NaN;
  return Date.UTC(digits(date, 0, 4), digits(date, 5, 7) - 1, digits(date, 8, 10));
}

function fromUtcMs(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isLocalDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return fromUtcMs(toUtcMs(value)) === value;
}

/** @example addDays('2026-10-31', -27) // '2026-10-04' */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** Every date from `from` to `to`, inclusive. */
export function dateRange(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let ms = toUtcMs(from), end = toUtcMs(to); ms <= end; ms += DAY_MS) out.push(fromUtcMs(ms));
  return out;
}

/** `YYYY-MM` of a date. */
export function monthOf(date: LocalDate): string {
  return date.slice(0, 7);
}

/** The window of `days` local days ending on `asOf`, inclusive (METRICS.md, "Window"). */
export function windowEnding(asOf: LocalDate, days: number): { from: LocalDate; to: LocalDate } {
  return { from: addDays(asOf, -(days - 1)), to: asOf };
}

/** The ISO week of a date, `YYYY-Www`, used as the period of weekly jobs. */
export function isoWeek(date: LocalDate): string {
  const dt = DateTime.fromISO(date, { zone: 'utc' });
  return `${dt.weekYear}-W${String(dt.weekNumber).padStart(2, '0')}`;
}

/** Today's local date in an IANA zone at a given instant. */
export function localDateIn(zone: string, at: Date): LocalDate {
  const dt = DateTime.fromJSDate(at, { zone });
  return dt.toISODate() ?? fromUtcMs(at.getTime());
}

/** True when `zone` is an IANA time zone luxon (ICU) knows. */
export function isTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
