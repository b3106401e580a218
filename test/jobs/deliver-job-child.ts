/**
 * A child process for two-processes.test.ts: delivers one job's messages as
 * `teamhealth run <job>` does (the store and the engine built from the normal config,
 * charts rendered by the pool) but without the run lease, so two of them deliver the
 * same job at the same moment. The lease normally keeps runs apart; the ledger must
 * still post each message once when it does not (a lease lost or expired mid-run, or a
 * run and a scheduled firing covering the same messages). Prints the run summary as
 * one line of JSON.
 *
 * Usage: node --import tsx test/jobs/deliver-job-child.ts <job> <as-of>
 */
import { isJobName } from '../../jobs/index.ts';
import { createChartPool } from '../../src/charts/pool.ts';
import { collectMessages } from '../../src/commands/run.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { deliveryFromConfig } from '../../src/slack/delivery/index.ts';
import { openStore } from '../../src/store/open.ts';

const [job = '', asOf = ''] = process.argv.slice(2);
if (!isJobName(job)) throw new Error(`deliver-job-child needs a job name (got "${job}")`);
const config = loadConfig(process.env, { require: ['slack'] });
const logger = createLogger(config.logLevel);
const store = await openStore(config, { logger });
const pool = createChartPool();
try {
  const messages = await collectMessages({
    jobs: [job],
    store,
    render: (spec) => pool.renderChart(spec),
    asOf,
  });
  const { summary } = await deliveryFromConfig(config, store, logger).deliverAll(messages);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} finally {
  await pool.close();
  await store.close();
}
