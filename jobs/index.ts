/**
 * Every scheduled job, and the scheduler that runs them on node-cron in each team's time
 * zone. Each firing takes two store leases:
 * - the firing lease, named by job, zone and the minute it fired and shared by every
 *   instance's task, so with several instances sharing a store exactly one runs it. It
 *   is kept until it expires (not released on success), so an instance firing a little
 *   late finds it taken;
 * - the run lease of the job and zone (run-lease.ts), held while the run lasts, which
 *   `teamhealth run` takes too, so a manual run and a scheduled one never overlap.
 * A failed firing (the store unreachable, a job that throws, the run lease held by a
 * manual run) is logged with its job, zone and cause, its firing lease is released, and
 * this instance retries the same firing after a backoff (1, 5, then 15 minutes by
 * default). The delivery ledger makes a retry post only what the failed attempt did not.
 * The retries live in this process: if it stops, the firing waits for the next schedule.
 */
import { randomUUID } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import { LeaseHeldError } from '../src/errors.ts';
import type { Logger } from '../src/log.ts';
import type { Delivery, RunSummary } from '../src/slack/delivery/index.ts';
import { coachingDmsJob } from './coaching-dms.ts';
import { directorDigestJob } from './director-digest.ts';
import { peerNudgesJob } from './peer-nudges.ts';
import { recognitionJob } from './recognition.ts';
import { processHolder, type RunLeases, takeRunLeases } from './run-lease.ts';
import { teamChartsJob } from './team-charts.ts';
import type { Job, JobDeps, JobName } from './types.ts';

export { isJobName, JOB_NAMES, type Job, type JobDeps, type JobName } from './types.ts';

export const JOBS: Readonly<Record<JobName, Job>> = {
  'team-charts': teamChartsJob,
  'peer-nudges': peerNudgesJob,
  recognition: recognitionJob,
  'coaching-dms': coachingDmsJob,
  'director-digest': directorDigestJob,
};

export interface SchedulerDeps extends Omit<JobDeps, 'now' | 'asOf' | 'teamIds' | 'scheduled'> {
  delivery: Pick<Delivery, 'deliverAll'>;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** This instance's name in leases (default: command, pid, host and a random suffix). */
  holder?: string;
  /** Cron expressions overriding the defaults, by job. */
  schedules?: Partial<Record<JobName, string>>;
  /** How long a firing's lease is kept, so a late instance finds it taken (default 1 hour). */
  leaseMs?: number;
  now?: () => Date;
  /** Waits before each retry of a failed firing (default 1, 5 and 15 minutes; [] for none). */
  retryDelaysMs?: number[];
  /** Starts a retry timer (tests pass their own); default an unref'd setTimeout. */
  setTimer?: (fn: () => void, ms: number) => { cancel(): void };
}

export interface Scheduler {
  /**
   * Runs one job as its cron task would at `firedAt`, once (no retry); null when another
   * instance has this firing.
   * @throws whatever failed, after logging it with job, zone and cause
   */
  trigger(job: JobName, zone: string | null, firedAt?: Date): Promise<RunSummary | null>;
  /** Runs one firing as its cron task does: failures logged and retried after the backoff. */
  fire(job: JobName, zone: string | null, firedAt: Date): Promise<void>;
  stop(): Promise<void>;
  /** The cron tasks registered. */
  readonly tasks: number;
}

/** The lease for one firing: job, zone and the minute it fired (shared by every instance's task). */
export function leaseName(job: JobName, zone: string | null, firedAt: Date): string {
  return `jobs|${job}|${zone ?? 'org'}|${firedAt.toISOString().slice(0, 16)}`;
}

/** A failed firing is retried by the same instance after these delays (1, 5, 15 minutes). */
const DEFAULT_RETRY_DELAYS_MS = [60_000, 300_000, 900_000];

function unrefTimer(fn: () => void, ms: number): { cancel(): void } {
  const timer = setTimeout(fn, ms);
  timer.unref();
  return { cancel: () => clearTimeout(timer) };
}

/**
 * Registers every job with node-cron: per-team-zone jobs once per distinct team zone
 * (running for that zone's teams), the others once in UTC.
 * @throws Error naming a job whose cron expression is invalid
 */
export async function startScheduler(deps: SchedulerDeps): Promise<Scheduler> {
  const holder = deps.holder ?? processHolder('serve', ` (${randomUUID().slice(0, 8)})`);
  const leaseMs = deps.leaseMs ?? 3600_000;
  const now = deps.now ?? (() => new Date());
  const retryDelays = deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const setTimer = deps.setTimer ?? unrefTimer;
  const retries = new Set<{ cancel(): void }>();
  const teams = await deps.store.teams.list();
  const zones = [...new Set(teams.map((t) => t.timezone))].sort();
  const tasks: ScheduledTask[] = [];
  const { logger } = deps;

  /** Releases a lease, logging (never throwing) when the store cannot. */
  async function releaseQuietly(name: string, job: JobName, zone: string | null) {
    try {
      await deps.store.leases.release({ name, holder });
    } catch (error) {
      logger.warn({ job, zone, lease: name, err: error }, 'could not release a job lease');
    }
  }

  async function trigger(
    job: JobName,
    zone: string | null,
    firedAt: Date = now(),
  ): Promise<RunSummary | null> {
    let name = '';
    let firing = false;
    let running: RunLeases | undefined;
    try {
      name = leaseName(job, zone, firedAt);
      firing = await deps.store.leases.acquire({ name, holder, ttlMs: leaseMs, now: now() });
      if (!firing) {
        logger.info({ job, zone, lease: name }, 'another instance runs this job');
        return null;
      }
      running = await takeRunLeases({
        leases: deps.store.leases,
        runs: [{ job, zone }],
        holder,
        now,
      });
      if (!running.ok) throw new LeaseHeldError(running.held);
      const teamIds =
        zone === null
          ? undefined
          : (await deps.store.teams.list()).filter((t) => t.timezone === zone).map((t) => t.id);
      const messages = await JOBS[job].run({
        store: deps.store,
        now: now(),
        render: deps.render,
        ...(deps.digestChannel ? { digestChannel: deps.digestChannel } : {}),
        ...(deps.teamPosts ? { teamPosts: deps.teamPosts } : {}),
        scheduled: true,
        ...(teamIds ? { teamIds } : {}),
      });
      const { summary } = await deps.delivery.deliverAll(messages);
      logger.info({ job, zone, ...summary, failed: summary.failed.length }, 'scheduled job done');
      return summary;
    } catch (error) {
      // Logged first: releasing below talks to the store, which may be what failed.
      logger.error(
        { job, zone, firedAt, err: error },
        `scheduled job ${job} (${zone ?? 'UTC'}) failed: ${(error as Error)?.message ?? String(error)}`,
      );
      // Free the firing, so its retry can take it again.
      if (firing) await releaseQuietly(name, job, zone);
      throw error;
    } finally {
      if (running?.ok) {
        await running.release().catch((error: unknown) => {
          logger.warn({ job, zone, err: error }, 'could not release a job lease');
        });
      }
    }
  }

  async function fire(job: JobName, zone: string | null, firedAt: Date, attempt = 0) {
    try {
      await trigger(job, zone, firedAt);
    } catch {
      const delay = retryDelays[attempt];
      if (delay === undefined) {
        logger.error(
          { job, zone, firedAt, attempts: attempt + 1 },
          `scheduled job ${job} (${zone ?? 'UTC'}) gave up until its next schedule`,
        );
        return;
      }
      logger.warn(
        { job, zone, firedAt, retryInMs: delay, attempt: attempt + 1 },
        'retrying the same firing after a backoff',
      );
      const retry = setTimer(() => {
        retries.delete(retry);
        void fire(job, zone, firedAt, attempt + 1);
      }, delay);
      retries.add(retry);
    }
  }

  for (const job of Object.values(JOBS)) {
    const expression = deps.schedules?.[job.name] ?? job.schedule.cron;
    if (!cron.validate(expression))
      throw new Error(`Schedule for ${job.name} is not a valid cron expression: "${expression}"`);
    for (const zone of job.schedule.perTeamTimeZone ? zones : [null]) {
      const task = cron.schedule(
        expression,
        (context) => {
          void fire(job.name, zone, context.date);
        },
        { timezone: zone ?? 'UTC', name: `${job.name}@${zone ?? 'UTC'}` },
      );
      tasks.push(task);
    }
  }
  const scheduler: Scheduler = {
    trigger,
    fire: (job, zone, firedAt) => fire(job, zone, firedAt),
    tasks: tasks.length,
    async stop() {
      for (const task of tasks) await task.stop();
      for (const retry of retries) retry.cancel();
      retries.clear();
    },
  };
  return scheduler;
}
