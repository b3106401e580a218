/**
 * Slash-command ack latency of the real Bolt app over HTTP while a job renders charts
 * (issues #4 and #5). Signed `/teamhealth` requests (half `help`, half the default view,
 * which builds a report and uploads a chart after the ack) are sent one after another
 * while the worker pool renders 300 charts; latency is request → HTTP 200 (the ack).
 * The Web API is the local stand-in and the store an embedded one with a small
 * organisation (support/slack/harness.ts). The client runs in the app's process, so
 * an ack counts as late until the app's event loop is free to deliver it: work a listener
 * does synchronously after ack() shows here, as it would delay the next request in serve.
 * The load average is printed because the figures move with whatever else the host runs.
 *
 * Then the same requests while another process (`teamhealth import`) writes 1M agent-day
 * rows into the app's own SQLite folder (issue #12: target p99 < 100 ms): readers never
 * wait in WAL mode, but a write the app makes must wait for the import's transaction.
 *   node --expose-gc --import tsx bench/ack.ts
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChartPool } from '../src/charts/pool.ts';
import { trendStabilitySpec } from '../src/charts/specs/trend-stability.ts';
import { buildOrgReport } from '../src/reporting/build-org-report.ts';
import { generateFiles } from '../support/import-files.ts';
import { sendSlashCommand } from '../support/signed-requests.ts';
import { SECRET, startHarness } from '../support/slack/harness.ts';

const REQUESTS = 300;
const IMPORT_ROWS = 1_000_000;
const BIN = fileURLToPath(new URL('../bin/teamhealth.mjs', import.meta.url));

type Harness = Awaited<ReturnType<typeof startHarness>>;

/** One signed `/teamhealth` (odd: help; even: the default view); its ack latency in ms. */
async function ackOnce(h: Harness, i: number): Promise<number> {
  const response = await sendSlashCommand(h.url, SECRET, {
    command: '/teamhealth',
    text: i % 2 ? 'help' : '',
    user_id: 'U0LEAD1',
    channel_id: 'C0BILLING',
    response_url: h.slack.responseUrl(),
  });
  if (response.status !== 200) throw new Error(`ack ${i} answered ${response.status}`);
  return response.elapsedMs;
}

/** "p50 … ms, p95 …, p99 …, max …" of the latencies. */
function quantiles(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const q = (p: number) =>
    (sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN).toFixed(1);
  return `p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms`;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Acks while `teamhealth import` of IMPORT_ROWS rows runs in another process on the app's folder. */
async function duringImport(h: Harness): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'teamhealth-bench-ack-import-'));
  try {
    const files = await generateFiles(dir, IMPORT_ROWS);
    const child = spawn(process.execPath, [BIN, 'import', '--no-progress', ...files], {
      env: { ...process.env, TEAMHEALTH_DATA_DIR: h.dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    let running = true;
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => {
        running = false;
        resolve(code);
      }),
    );
    // Let it start and begin writing before measuring.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const latencies: number[] = [];
    const started = Date.now();
    for (let i = 0; running; i++) latencies.push(await ackOnce(h, i));
    const code = await exited;
    if (code !== 0) throw new Error(`the import exited with ${code}`);
    console.log(
      `ack latency over ${latencies.length} signed /teamhealth requests while another process ` +
        `imported ${IMPORT_ROWS.toLocaleString('en')} agent-day rows into the app's SQLite folder ` +
        `(${((Date.now() - started) / 1000).toFixed(1)} s): ${quantiles(latencies)} ` +
        `(target p99 < 100 ms; load average ${load()})`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function main(): Promise<void> {
  const h = await startHarness({ charts: false });
  const pool = createChartPool();
  try {
    const report = await buildOrgReport({ store: h.store });
    const team = report.teams[0];
    if (!team) throw new Error('the harness organisation has no team');
    const spec = trendStabilitySpec({
      teamName: team.name,
      metric: 'csat',
      report: team.metrics.csat,
      window: report.window,
    });
    let rendered = 0;
    const job = Promise.all(
      Array.from({ length: 300 }, () => pool.renderChart(spec).then(() => rendered++)),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const latencies: number[] = [];
    for (let i = 0; i < REQUESTS; i++) latencies.push(await ackOnce(h, i));
    const renderedWhileMeasuring = rendered;
    await job;
    console.log(
      `ack latency over ${REQUESTS} signed /teamhealth requests while ${renderedWhileMeasuring} charts rendered: ` +
        `${quantiles(latencies)} (target p99 < 50 ms; load average ${load()})`,
    );
    await duringImport(h);
  } finally {
    await pool.close();
    await h.close();
  }
}

await main();
process.exit(0);
