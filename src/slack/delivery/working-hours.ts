/**
 * When a DM may go out: inside the recipient's working hours, in their own time zone,
 * Monday to Friday (PRODUCT.md, "Humane delivery"). Pure: `now` comes in.
 */
import { DateTime } from 'luxon';

export interface WorkingHours {
  /** 'HH:MM', local to the recipient. */
  start: string;
  end: string;
}

function minutesOf(hhmm: string, what: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  const h = Number(match?.[1]);
  const m = Number(match?.[2]);
  if (!match || h > 23 || m > 59)
    throw new Error(`heldUntil needs ${what} as HH:MM (got "${hhmm}")`);
  return h * 60 + m;
}

/**
 * Null when `now` is inside working hours (start inclusive, end exclusive, Monday–Friday
 * in `tz`); otherwise the next instant working hours begin.
 * @throws Error for an unknown time zone or malformed hours.
 * @example
 * // Friday 18:00 in Manila → Monday 09:00 Manila (01:00 UTC)
 * heldUntil({ tz: 'Asia/Manila', workingHours: { start: '09:00', end: '17:00' },
 *   now: new Date('2026-11-27T10:00:00Z') }) // 2026-11-30T01:00:00.000Z
 */
export function heldUntil(args: {
  tz: string;
  workingHours: WorkingHours;
  now: Date;
}): Date | null {
  const { tz, workingHours, now } = args;
  const start = minutesOf(workingHours.start, 'workingHours.start');
  const end = minutesOf(workingHours.end, 'workingHours.end');
  if (end <= start)
    throw new Error(`heldUntil needs workingHours.end after start (got ${start}–${end})`);
  const local = DateTime.fromJSDate(now, { zone: tz });
  if (!local.isValid) throw new Error(`heldUntil got an unknown time zone "${tz}"`);
  const minute = local.hour * 60 + local.minute;
  const isWorkday = (d: DateTime) => d.weekday <= 5;
  if (isWorkday(local) && minute >= start && minute < end) return null;
  // Today's start if it is still ahead on a workday, else the next workday's start.
  let day = local.startOf('day');
  if (!(isWorkday(local) && minute < start)) day = day.plus({ days: 1 });
  while (!isWorkday(day)) day = day.plus({ days: 1 });
  return day.set({ hour: Math.floor(start / 60), minute: start % 60 }).toJSDate();
}
