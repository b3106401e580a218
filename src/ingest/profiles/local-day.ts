/**
 * Turns the date or timestamp an export writes into the team's local day (`YYYY-MM-DD`,
 * METRICS.md "Input records"). A date with no time (`11/30/2026`, `30.11.2026`) is
 * taken as already the team's day. A timestamp is an instant: it is read in the zone the
 * export writes it in (an offset in the text wins), then moved to the agent's team's
 * zone, whose calendar day it is: `2026-11-30T23:30:00Z` is 2026-11-30 in London and
 * 2026-12-01 in Manila.
 *
 * Formats are luxon tokens (`MM/dd/yyyy`, `dd.MM.yyyy`, `yyyy-MM-dd HH:mm:ss`) or `iso`.
 * Dates repeat millions of times in a big file, so a date-only reading is remembered.
 */
import { DateTime } from 'luxon';
import { shown } from '../rows/field-reader.ts';

export interface DayFormat {
  /** luxon tokens, or 'iso' for ISO 8601 */
  format: string;
  /** IANA zone the export writes timestamps in when the text has no offset (default UTC). */
  zone?: string;
}

export type DayReader = (
  text: string,
  teamZone: string | undefined,
) => string | { problem: string };

/** True when the format carries a time of day (hours), so it names an instant. */
export function hasTime(format: string): boolean {
  if (format === 'iso') return true;
  // Strip quoted literals ('T') before looking for hour tokens.
  return /[Hhk]/.test(format.replace(/'[^']*'/g, ''));
}

/**
 * @example createDayReader({ format: 'MM/dd/yyyy' })('11/30/2026', 'Europe/London') // '2026-11-30'
 * @example createDayReader({ format: 'iso', zone: 'UTC' })('2026-11-30T23:30:00Z', 'Asia/Manila') // '2026-12-01'
 */
export function createDayReader(day: DayFormat): DayReader {
  const zone = day.zone ?? 'UTC';
  const expected = day.format === 'iso' ? 'an ISO 8601 timestamp' : `a date written ${day.format}`;
  const fail = (text: string) => ({ problem: `must be ${expected}, got ${shown(text)}` });

  if (!hasTime(day.format)) {
    const seen = new Map<string, string | { problem: string }>();
    return (text) => {
      const known = seen.get(text);
      if (known !== undefined) return known;
      const parsed = DateTime.fromFormat(text.trim(), day.format, { zone: 'UTC' });
      const result = parsed.isValid ? (parsed.toISODate() as string) : fail(text);
      if (seen.size >= 10_000) seen.clear();
      seen.set(text, result);
      return result;
    };
  }
  return (text, teamZone) => {
    const trimmed = text.trim();
    const parsed =
      day.format === 'iso'
        ? DateTime.fromISO(trimmed, { zone, setZone: true })
        : DateTime.fromFormat(trimmed, day.format, { zone, setZone: true });
    if (!parsed.isValid) return fail(text);
    if (teamZone === undefined) {
      return { problem: "cannot be placed in a local day: the agent's team is not known" };
    }
    return parsed.setZone(teamZone).toISODate() as string;
  };
}
