/**
 * `teamhealth serve`: validates the configuration (a missing or malformed setting stops
 * the app with one line naming it), opens the store, starts the Slack app on PORT (or
 * Socket Mode) and logs where it listens, then starts the scheduled jobs (unless
 * --no-schedules).
 */
import type { App } from '@slack/bolt';
import { startScheduler } from '../../jobs/index.ts';
import { createChartPool } from '../charts/pool.ts';
import type { ChartSpec } from '../charts/spec.ts';
import { type Config, loadConfig } from '../config.ts';
import { TeamhealthError } from '../errors.ts';
import { createLogger, type Logger } from '../log.ts';
import { createReportCache } from '../reporting/org-report-cache.ts';
import { createApp, EVENTS_PATH, HEALTH_PATH } from '../slack/app.ts';
import { createChartMaker } from '../slack/charts.ts';
import { type Delivery, deliveryFromConfig } from '../slack/delivery/index.ts';
import { funnelSlots } from '../slack/funnel-chart.ts';
import type { Store } from '../store/types.ts';

export interface ServeOptions {
  /** `--no-schedules` sets this false. */
  schedules?: boolean;
}

/**
 * Where the scheduler plugs in: given the running app's store, logger and chart
 * renderer it starts the cron jobs and returns a stop function. The default is the
 * jobs' scheduler (jobs/index.ts) posting through the delivery engine; tests replace it.
 */
export type StartSchedules = (args: {
  store: Store;
  logger: Logger;
  app: App;
  config: Config;
  render: (spec: ChartSpec) => Promise<Buffer>;
  /** The app's own delivery engine: one per process, so pacing and 429 pauses are shared. */
  delivery: Delivery;
}) => Promise<() => Promise<void>>;

export const startJobSchedules: StartSchedules = async ({
  store,
  logger,
  config,
  render,
  delivery,
}) => {
  const scheduler = await startScheduler({
    store,
    delivery,
    logger,
    render,
    ...(config.digestChannel ? { digestChannel: config.digestChannel } : {}),
    teamPosts: config.teamPosts,
  });
  logger.info({ tasks: scheduler.tasks }, 'scheduled jobs started');
  return () => scheduler.stop();
};

export async function serveCommand(
  options: ServeOptions,
  hooks: { startSchedules?: StartSchedules; env?: Record<string, string | undefined> } = {},
): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(hooks.env ?? process.env, { require: ['slack'] });
  } catch (error) {
    process.stderr.write(`teamhealth serve: ${(error as Error).message}\n`);
    // src/cli.ts awaits serve without using its return value; set the exit code here too.
    process.exitCode = 1;
    return 1;
  }
  const logger = createLogger(config.logLevel);
  const { openStore } = await import('../store/open.ts');
  let store: Store;
  try {
    store = await openStore(
      { mongoUri: config.mongoUri, mongoDb: config.mongoDb, dataDir: config.dataDir },
      { logger, readerThread: true },
    );
  } catch (error) {
    process.stderr.write(
      `teamhealth serve: ${error instanceof TeamhealthError ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
    return 1;
  }
  // Charts render in worker threads, so drawing never delays an ack.
  const pool = createChartPool();
  // One delivery engine for the whole process: buttons and jobs share its pacing and
  // its Retry-After pauses, as Slack's limits are per app and workspace.
  const delivery = deliveryFromConfig(config, store, logger);
  const app = createApp({
    config,
    store,
    // One report cache for the app's listeners: a report built for one request answers
    // the next ones for a minute (src/reporting/org-report-cache.ts says why).
    reports: createReportCache(),
    logger,
    charts: createChartMaker((spec) => pool.renderChart(spec), funnelSlots),
    delivery,
  });
  const refused = await checkToken(app, logger);
  if (refused) {
    process.stderr.write(`teamhealth serve: SLACK_BOT_TOKEN was refused by Slack (${refused})\n`);
    await pool.close();
    await store.close();
    process.exitCode = 1;
    return 1;
  }
  if (config.slack.socketMode) {
    await app.start();
    logger.info('teamhealth is connected to Slack in Socket Mode');
  } else {
    await app.start(config.port);
    logger.info(
      { port: config.port },
      `teamhealth listens on http://0.0.0.0:${config.port}${EVENTS_PATH} (health: ${HEALTH_PATH})`,
    );
  }
  let stopSchedules: (() => Promise<void>) | undefined;
  if (options.schedules === false) logger.info('schedules off (--no-schedules)');
  else
    stopSchedules = await (hooks.startSchedules ?? startJobSchedules)({
      store,
      logger,
      app,
      config,
      render: (spec) => pool.renderChart(spec),
      delivery,
    });

  // The inbox (TEAMHEALTH_INBOX): dropped files imported on a schedule, summaries to ops.
  const inbox = config.inbox
    ? await (await import('./inbox.ts')).startConfiguredInbox({
        dir: config.inbox.dir,
        config,
        store,
        logger,
        delivery,
      })
    : undefined;

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    await inbox?.stop();
    await stopSchedules?.();
    await app.stop();
    await pool.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return 0;
}

/**
 * Asks Slack who the token belongs to. A refusal (invalid_auth, token_revoked…) is a bad
 * setting and stops serve; an unreachable Slack is logged and serving goes on, because
 * the network may come back.
 * @returns Slack's error code when the token was refused, else null.
 */
async function checkToken(app: App, logger: Logger): Promise<string | null> {
  try {
    const auth = await app.client.auth.test();
    logger.info({ team: auth.team, botUser: auth.user_id }, 'Slack accepted the bot token');
    return null;
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code) return code;
    logger.warn({ err: error }, 'could not reach Slack to check the bot token; serving anyway');
    return null;
  }
}
