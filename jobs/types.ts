/**
 * What every scheduled job is: a schedule and a `run(deps)` that returns the messages it
 * wants delivered. Jobs never post; the caller hands their messages to the delivery
 * engine (or the dry-run sink), which keeps the ledger, pacing and working hours.
 */
import type { ChartSpec } from '../src/charts/spec.ts';
import type { LocalDate } from '../src/domain/records.ts';
import type { WeeklySlot } from '../src/domain/team-cadence.ts';
import type { OutgoingMessage } from '../src/slack/delivery/index.ts';
import type { Store } from '../src/store/types.ts';

export const JOB_NAMES = [
  'team-charts',
  'peer-nudges',
  'recognition',
  'coaching-dms',
  'director-digest',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

export function isJobName(value: string): value is JobName {
  return (JOB_NAMES as readonly string[]).includes(value);
}

export interface JobSchedule {
  /** node-cron expression (minute hour day-of-month month day-of-week). */
  cron: string;
  /** True: one task per team time zone, each running for the teams in that zone. False: once, in UTC. */
  perTeamTimeZone: boolean;
}

export interface JobDeps {
  store: Store;
  /** The instant of the run (snoozes, the weekly DM cap). */
  now: Date;
  /** Last day reported on; default: yesterday in the first team's zone, capped at the last day with data. */
  asOf?: LocalDate;
  /** Only these teams (default: all). */
  teamIds?: string[];
  /** Chart spec → PNG bytes (the worker pool in production). */
  render: (spec: ChartSpec) => Promise<Buffer>;
  /** TEAMHEALTH_DIGEST_CHANNEL; the digest is skipped without it. */
  digestChannel?: string;
  /**
   * True when the scheduler fired the run: team posts then wait for each team's time of
   * day. A run by hand (`teamhealth run`, the demo) is treated as on time.
   */
  scheduled?: boolean;
  /** TEAMHEALTH_TEAM_POSTS: each team's weekly post day and time (default Monday 09:00, local). */
  teamPosts?: TeamPostSchedule;
}

/** The weekly team-channel post's slot: a default and per-team overrides, by team id. */
export interface TeamPostSchedule {
  default: WeeklySlot;
  teams: Readonly<Record<string, WeeklySlot>>;
}

export interface Job {
  name: JobName;
  schedule: JobSchedule;
  run(deps: JobDeps): Promise<OutgoingMessage[]>;
}
