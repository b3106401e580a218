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
 *   node --expose-gc --import tsx bench/ack.ts
 */
import { loadavg } from 'node:os';
import { createChartPool } from '../src/charts/pool.ts';
import { trendStabilitySpec } from '../src/charts/specs/trend-stability.ts';
import { buildOrgReport } from '../src/reporting/build-org-report.ts';
import { sendSlashCommand } from '../support/signed-requests.ts';
import { SECRET, startHarness } from '../support/slack/harness.ts';

const REQUESTS = 300;

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
    for (let i = 0; i < REQUESTS; i++) {
      const response = await sendSlashCommand(h.url, SECRET, {
        command: '/teamhealth',
        text: i % 2 ? 'help' : '',
        user_id: 'U0LEAD1',
        channel_id: 'C0BILLING',
        response_url: h.slack.responseUrl(),
      });
      if (response.status !== 200) throw new Error(`ack ${i} answered ${response.status}`);
      latencies.push(response.elapsedMs);
    }
    const renderedWhileMeasuring = rendered;
    await job;
    latencies.sort((a, b) => a - b);
    const q = (p: number) =>
      (
        latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? NaN
      ).toFixed(1);
    console.log(
      `ack latency over ${REQUESTS} signed /teamhealth requests while ${renderedWhileMeasuring} charts rendered: ` +
        `p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms (target p99 < 50 ms; ` +
        `load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')})`,
    );
  } finally {
    await pool.close();
    await h.close();
  }
}

await main();
process.exit(0);
