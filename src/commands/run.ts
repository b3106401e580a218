/**
 * `teamhealth run <job|all> [--dry-run] [--as-of D] [--team ID] [--out DIR]`: runs jobs
 * now. A dry run writes every message (Block Kit JSON, chart PNGs) to --out through the
 * dry-run sink and then `index.html` to browse them; otherwise the messages go to Slack
 * through the delivery engine (ledger, pacing, working hours) and the run summary is
 * printed.
 *
 * A real run (not a dry run) first takes the run lease of every job and time zone it
 * covers, the same leases the scheduler takes (jobs/run-lease.ts), so it never overlaps
 * a scheduled or another manual run of the same job: when another process holds one, it
 * says which in one line and exits with {@link EXIT_JOB_BUSY}.
 */
import { rm } from 'node:fs/promises';
import { isJobName, JOB_NAMES, JOBS, type JobName } from '../../jobs/index.ts';
import { processHolder, takeRunLeases } from '../../jobs/run-lease.ts';
import type { TeamPostSchedule } from '../../jobs/types.ts';
import { createChartPool } from '../charts/pool.ts';
import type { ChartSpec } from '../charts/spec.ts';
import { loadConfig } from '../config.ts';
import { isLocalDate } from '../domain/dates.ts';
import type { LocalDate } from '../domain/records.ts';
import { writeDryRunPage } from '../dry-run/page.ts';
import { asTeamhealthError, LeaseHeldError, UsageError } from '../errors.ts';
import { createLogger } from '../log.ts';
import {
  createDryRunSink,
  deliveryFromConfig,
  type OutgoingMessage,
  type RunSummary,
} from '../slack/delivery/index.ts';
import { openStore } from '../store/open.ts';
import type { Store } from '../store/types.ts';

export interface RunOptions {
  job: string;
  dryRun?: boolean;
  asOf?: LocalDate;
  team?: string;
  out?: string;
}

/** Exit code when another process is running one of the jobs (EX_TEMPFAIL: try again later). */
export const EXIT_JOB_BUSY = 75;

/** Placeholder digest target for dry runs without TEAMHEALTH_DIGEST_CHANNEL, so the digest still shows. */
export const DRY_RUN_DIGEST_CHANNEL = 'digest-channel';

function jobsFor(job: string): JobName[] {
  if (job === 'all') return [...JOB_NAMES];
  if (!isJobName(job))
    throw new UsageError(`run: unknown job "${job}" (one of: ${JOB_NAMES.join(', ')}, all)`);
  return [job];
}

/** Every job's messages, job by job. */
export async function collectMessages(args: {
  jobs: JobName[];
  store: Store;
  render: (spec: ChartSpec) => Promise<Buffer>;
  asOf?: LocalDate;
  teamIds?: string[];
  digestChannel?: string;
  teamPosts?: TeamPostSchedule;
  now?: Date;
}): Promise<OutgoingMessage[]> {
  const messages: OutgoingMessage[] = [];
  for (const job of args.jobs) {
    messages.push(
      ...(await JOBS[job].run({
        store: args.store,
        now: args.now ?? new Date(),
        render: args.render,
        ...(args.asOf ? { asOf: args.asOf } : {}),
        ...(args.teamIds ? { teamIds: args.teamIds } : {}),
        ...(args.digestChannel ? { digestChannel: args.digestChannel } : {}),
        ...(args.teamPosts ? { teamPosts: args.teamPosts } : {}),
      })),
    );
  }
  return messages;
}

/**
 * Dry-runs the given jobs (default all) into `out`: messages.jsonl, per-message JSON and
 * PNGs, then index.html. A previous messages.jsonl there is replaced.
 */
export async function runAllJobsDryRun(args: {
  store: Store;
  out: string;
  asOf?: LocalDate;
  jobs?: JobName[];
  teamIds?: string[];
  digestChannel?: string;
  render?: (spec: ChartSpec) => Promise<Buffer>;
}): Promise<{ summary: RunSummary; page: string; messages: number }> {
  if (!args.out) throw new UsageError('run --dry-run needs --out DIR');
  await rm(`${args.out}/messages.jsonl`, { force: true });
  const pool = args.render ? null : createChartPool();
  try {
    const render =
      args.render ?? ((spec: ChartSpec) => (pool as NonNullable<typeof pool>).renderChart(spec));
    const messages = await collectMessages({
      jobs: args.jobs ?? [...JOB_NAMES],
      store: args.store,
      render,
      ...(args.asOf ? { asOf: args.asOf } : {}),
      ...(args.teamIds ? { teamIds: args.teamIds } : {}),
      digestChannel: args.digestChannel ?? DRY_RUN_DIGEST_CHANNEL,
    });
    const sink = createDryRunSink({ outDir: args.out });
    const { summary } = await sink.deliverAll(messages);
    const page = await writeDryRunPage(args.out);
    return { summary, page: page.path, messages: page.messages };
  } finally {
    await pool?.close();
  }
}

function describe(summary: RunSummary): string {
  const failed = summary.failed.map((f) => `\n  failed ${f.key}: ${f.error}`).join('');
  return `sent ${summary.sent}, already done ${summary.skipped + summary.reconciled}, held for working hours ${summary.held}, in progress in another process ${summary.inProgress}, failed ${summary.failed.length}${failed}`;
}

/**
 * @returns the exit code: 0 done, 1 failed (the message says what), 64 bad options,
 *   75 another process is running one of the jobs
 */
export async function runCommand(
  options: RunOptions,
  deps: {
    print?: (line: string) => void;
    printError?: (line: string) => void;
    /** Opens the configured store (tests pass one of their own). */
    openStore?: typeof openStore;
  } = {},
): Promise<number> {
  const print = deps.print ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const printError = deps.printError ?? ((line: string) => void process.stderr.write(`${line}\n`));
  let store: Store | undefined;
  let releaseLeases: (() => Promise<void>) | undefined;
  try {
    const jobs = jobsFor(options.job);
    if (options.asOf !== undefined && !isLocalDate(options.asOf))
      throw new UsageError(`run --as-of must be YYYY-MM-DD (got "${options.asOf}")`);
    const config = loadConfig(process.env, options.dryRun ? {} : { require: ['slack'] });
    const logger = createLogger(config.logLevel);
    store = await (deps.openStore ?? openStore)(config, { logger });
    const teamIds = options.team ? [options.team] : undefined;
    if (options.team && !(await store.teams.get({ id: options.team })))
      throw new UsageError(`run --team: no team with id "${options.team}"`);
    if (options.dryRun) {
      const out = options.out ?? './out';
      const result = await runAllJobsDryRun({
        store,
        out,
        jobs,
        ...(options.asOf ? { asOf: options.asOf } : {}),
        ...(teamIds ? { teamIds } : {}),
        ...(config.digestChannel ? { digestChannel: config.digestChannel } : {}),
      });
      print(
        `Dry run of ${jobs.join(', ')}: ${result.messages} message(s) written to ${out}; open ${result.page}`,
      );
      return 0;
    }
    const zones = [
      ...new Set(
        (await store.teams.list())
          .filter((t) => !options.team || t.id === options.team)
          .map((t) => t.timezone),
      ),
    ].sort();
    const leases = await takeRunLeases({
      leases: store.leases,
      runs: jobs.flatMap((job): { job: JobName; zone: string | null }[] =>
        JOBS[job].schedule.perTeamTimeZone
          ? zones.map((zone) => ({ job, zone }))
          : [{ job, zone: null }],
      ),
      holder: processHolder('run'),
      now: () => new Date(),
    });
    if (!leases.ok) {
      printError(
        `teamhealth run: ${new LeaseHeldError(leases.held).message}; try again when it finishes`,
      );
      return EXIT_JOB_BUSY;
    }
    releaseLeases = leases.release;
    const delivery = deliveryFromConfig(config, store, logger);
    const pool = createChartPool();
    try {
      if (jobs.includes('director-digest') && !config.digestChannel)
        print('director-digest: TEAMHEALTH_DIGEST_CHANNEL is not set; skipped');
      const messages = await collectMessages({
        jobs,
        store,
        render: (spec) => pool.renderChart(spec),
        ...(options.asOf ? { asOf: options.asOf } : {}),
        ...(teamIds ? { teamIds } : {}),
        ...(config.digestChannel ? { digestChannel: config.digestChannel } : {}),
        teamPosts: config.teamPosts,
      });
      const { summary } = await delivery.deliverAll(messages);
      print(`Ran ${jobs.join(', ')}: ${describe(summary)}`);
      return summary.failed.length > 0 ? 1 : 0;
    } finally {
      await pool.close();
    }
  } catch (error) {
    const e = asTeamhealthError(error);
    printError(`teamhealth run: ${e.message}`);
    return e instanceof UsageError ? 64 : 1;
  } finally {
    await releaseLeases?.().catch(() => undefined);
    await store?.close();
  }
}
