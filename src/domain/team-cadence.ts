/**
 * When a team channel hears from the app (PRODUCT.md, "Quiet by default"; issue 15):
 * - a weekly dashboard post on the team's day and time, in the team's own time zone;
 * - on other days, at the same time of day, a check: a post only if something changed
 *   since the last post (src/domain/team-changes.ts); none when nothing did;
 * - a team that was never posted to gets the dashboard at its first check, so a new
 *   team (or a fresh install) is introduced once, not left silent until its weekly day.
 * Period keys make each post exactly-once in the delivery ledger: the weekly post is
 * keyed by ISO week, a change post by the local day. Pure: time comes in as arguments.
 */
import { DateTime } from 'luxon';
import { isoWeek, localDateIn } from './dates.ts';
import type { LocalDate } from './records.ts';

/** A weekly slot: ISO weekday (1 = Monday … 7 = Sunday) and time of day, local to the team. */
export interface WeeklySlot {
  weekday: number;
  hour: number;
  minute: number;
}

export const DEFAULT_WEEKLY_SLOT: WeeklySlot = { weekday: 1, hour: 9, minute: 0 };

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * @throws Error naming the text when it is not "<day> HH:MM" (day: mon … sun)
 * @example parseWeeklySlot('fri 16:30') // { weekday: 5, hour: 16, minute: 30 }
 */
export function parseWeeklySlot(text: string): WeeklySlot {
  const match = /^\s*([a-z]{3})[a-z]*\s+(\d{1,2}):(\d{2})\s*$/i.exec(text);
  const day = match ? WEEKDAYS.indexOf(match[1]?.toLowerCase() as (typeof WEEKDAYS)[number]) : -1;
  const hour = Number(match?.[2]);
  const minute = Number(match?.[3]);
  if (!match || day < 0 || hour > 23 || minute > 59) {
    throw new Error(`"${text}" is not a weekly time like "mon 09:00" (day mon…sun, time HH:MM)`);
  }
  return { weekday: day + 1, hour, minute };
}

/**
 * The TEAMHEALTH_TEAM_POSTS setting: a default slot, then `team_id=slot` overrides,
 * separated by semicolons.
 * @throws Error naming the part that is not a slot
 * @example parseTeamPosts('mon 09:00; T2=fri 16:30')
 *   // { default: { weekday: 1, hour: 9, minute: 0 }, teams: { T2: { weekday: 5, hour: 16, minute: 30 } } }
 */
export function parseTeamPosts(text: string): {
  default: WeeklySlot;
  teams: Record<string, WeeklySlot>;
} {
  let fallback = DEFAULT_WEEKLY_SLOT;
  const teams: Record<string, WeeklySlot> = {};
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq < 0) fallback = parseWeeklySlot(part);
    else {
      const team = part.slice(0, eq).trim();
      if (!team) throw new Error(`"${part}" names no team before "="`);
      teams[team] = parseWeeklySlot(part.slice(eq + 1));
    }
  }
  return { default: fallback, teams };
}

/** The team's wall clock at the run: its local date, ISO weekday and minutes since midnight. */
export interface LocalClock {
  date: LocalDate;
  weekday: number;
  minutes: number;
}

/** The local wall clock of `zone` at `at`. */
export function localClock(zone: string, at: Date): LocalClock {
  const dt = DateTime.fromJSDate(at, { zone });
  return { date: localDateIn(zone, at), weekday: dt.weekday, minutes: dt.hour * 60 + dt.minute };
}

export type CadenceDecision =
  | { post: 'weekly'; period: string }
  | { post: 'changes'; period: string }
  | { post: 'none'; reason: 'before_time' };

/**
 * @param clock the team's local clock at the run
 * @param slot the team's weekly day and time
 * @param postedBefore whether this team's channel ever got a post from this job
 * @param onTime a run by hand is on time whatever the clock says (default: check the time)
 * @example teamCadence({ date: '2026-11-23', weekday: 1, minutes: 600 }, DEFAULT_WEEKLY_SLOT, true)
 *   // { post: 'weekly', period: 'weekly|2026-W48' }
 * @example teamCadence({ date: '2026-11-24', weekday: 2, minutes: 600 }, DEFAULT_WEEKLY_SLOT, true)
 *   // { post: 'changes', period: 'changes|2026-11-24' }
 */
export function teamCadence(
  clock: LocalClock,
  slot: WeeklySlot,
  postedBefore: boolean,
  onTime = false,
): CadenceDecision {
  if (!onTime && clock.minutes < slot.hour * 60 + slot.minute) {
    return { post: 'none', reason: 'before_time' };
  }
  if (clock.weekday === slot.weekday || !postedBefore) {
    return { post: 'weekly', period: `weekly|${isoWeek(clock.date)}` };
  }
  return { post: 'changes', period: `changes|${clock.date}` };
}
