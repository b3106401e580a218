/**
 * Every scheduled job, and the scheduler that runs them on node-cron in each team's time
 * zone. Each scheduled run takes a store lease named by job, zone and the minute it
 * fired, so with several instances sharing a store exactly one runs it; the lease is
 * kept until it expires (not released on success), so an instance firing a little late
 * finds it taken. A failed run releases it for another instance to retry.
 */
import { randomUUID } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../src/log.ts';
import type { Delivery, RunSummary } from '../src/slack/delivery/index.ts';
import { coachingDmsJob } from './coaching-dms.ts';
import { directorDigestJob } from './director-digest.ts';
import { peerNudgesJob } from './peer-nudges.ts';
import { recognitionJob } from './recognition.ts';
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
  /** This instance's name in leases (default a random id). */
  holder?: string;
  /** Cron expressions overriding the defaults, by job. */
  schedules?: Partial<Record<JobName, string>>;
  /** How long a run's lease is held (default 1 hour). */
  leaseMs?: number;
  now?: () => Date;
}

export interface Scheduler {
  /** Runs one job as its cron task would at `firedAt`; null when another instance holds the lease. */
  trigger(job: JobName, zone: string | null, firedAt?: Date): Promise<RunSummary | null>;
  stop(): Promise<void>;
  /** The cron tasks registered. */
  readonly tasks: number;
}

const started = new Set<Scheduler>();

/** The lease for one firing: job, zone and the minute it fired (shared by every instance's task). */
export function leaseName(job: JobName, zone: string | null, firedAt: Date): string {
  return `jobs|${job}|${zone ?? 'org'}|${firedAt.toISOString().slice(0, 16)}`;
}

/**
 * Registers every job with node-cron: per-team-zone jobs once per distinct team zone
 * (running for that zone's teams), the others once in UTC.
 * @throws Error naming a job whose cron expression is invalid
 */
export async function startScheduler(deps: SchedulerDeps): Promise<Scheduler> {
  const holder = deps.holder ?? randomUUID();
  const leaseMs = deps.leaseMs ?? 3600_000;
  const now = deps.now ?? (() => new Date());
  const teams = await deps.store.teams.list();
  const zones = [...new Set(teams.map((t) => t.timezone))].sort();
  const tasks: ScheduledTask[] = [];

  async function trigger(
    job: JobName,
    zone: string | null,
    firedAt: Date = now(),
  ): Promise<RunSummary | null> {
    const name = leaseName(job, zone, firedAt);
    if (!(await deps.store.leases.acquire({ name, holder, ttlMs: leaseMs, now: now() }))) {
      deps.logger.info({ job, zone, lease: name }, 'another instance runs this job');
      return null;
    }
    try {
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
      deps.logger.info(
        { job, zone, ...summary, failed: summary.failed.length },
        'scheduled job done',
      );
      return summary;
    } catch (error) {
      await deps.store.leases.release({ name, holder });
      deps.logger.error({ job, zone, err: error }, 'scheduled job failed');
      throw error;
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
          trigger(job.name, zone, context.date).catch(() => {});
        },
        { timezone: zone ?? 'UTC', name: `${job.name}@${zone ?? 'UTC'}` },
      );
      tasks.push(task);
    }
  }
  const scheduler: Scheduler = {
    trigger,
    tasks: tasks.length,
    async stop() {
      for (const task of tasks) await task.stop();
      started.delete(scheduler);
    },
  };
  started.add(scheduler);
  return scheduler;
}

/** Stops one scheduler, or every one started in this process. */
export async function stopScheduler(scheduler?: Scheduler): Promise<void> {
  for (const s of scheduler ? [scheduler] : [...started]) await s.stop();
}
