/**
 * Chart throughput and main-thread responsiveness while charts render (issue #4).
 *
 * - charts/s/core: 200 charts of all six types through the worker pool, median of 3 runs,
 *   as charts per CPU-second (process CPU time covers every thread, so other load on the
 *   machine does not deflate it) and, for reference, charts per wall-second ÷ pool size.
 * - Main-thread event-loop delay while rendering: perf_hooks monitorEventLoopDelay p99/max,
 *   and the lateness of a simulated slash-command ack (a 0 ms timer queued every 25 ms).
 *
 * Run alone: `node --import tsx bench/charts.ts`; `main()` is also exported for bench/index.ts.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createChartPool } from '../src/charts/pool.ts';
import { renderSpec } from '../src/charts/renderer.ts';
import type { ChartSpec } from '../src/charts/spec.ts';
import { contactMixSpec } from '../src/charts/specs/contact-mix.ts';
import { enablementFunnelSpec } from '../src/charts/specs/enablement-funnel.ts';
import { monthlyTrendSpec } from '../src/charts/specs/monthly-trend.ts';
import { teamDashboardSpec } from '../src/charts/specs/team-dashboard.ts';
import { tierMixTeamsSpec } from '../src/charts/specs/tier-mix-teams.ts';
import { tierMixWindowsSpec } from '../src/charts/specs/tier-mix-windows.ts';
import { trendStabilitySpec } from '../src/charts/specs/trend-stability.ts';
import {
  dashboardTeam,
  decliningCsat,
  ENABLEMENT_TEAMS,
  monthlyCsat,
  risingAht,
  shiftedContactMix,
  TEAM_TIER_MIXES,
  TIER_WINDOWS,
  WINDOW,
} from '../support/charts/fixtures.ts';

const CHARTS = 200;
const RUNS = 3;

interface ChartBenchResult {
  poolSize: number;
  charts: number;
  /** Median over runs. */
  chartsPerCpuSecond: number;
  chartsPerSecondPerWorker: number;
  wallMs: number;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  ackLatencyMaxMs: number;
  ackLatencyP99Ms: number;
  /** The team dashboard (five panels composited) drawn alone, median of DASHBOARD_RUNS: CPU and wall ms. */
  dashboardCpuMs: number;
  dashboardWallMs: number;
  target: { chartsPerSecondPerCore: 40; ackMs: 50; dashboardMs: 150 };
}

const DASHBOARD_RUNS = 15;

/**
 * The team dashboard, rendered in this thread (one render uses one core), after two
 * warm-up renders: the median CPU time (what the machine's other load does not inflate)
 * and the median wall time.
 */
function benchDashboard(): { cpu: number; wall: number } {
  const spec = teamDashboardSpec({ team: dashboardTeam(), window: WINDOW, monthly: 'csat' });
  renderSpec(spec);
  renderSpec(spec);
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < DASHBOARD_RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    renderSpec(spec);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { cpu: median(cpu), wall: median(wall) };
}

function mix(): ChartSpec[] {
  return [
    trendStabilitySpec({
      teamName: 'Manila Billing',
      metric: 'csat',
      report: decliningCsat(),
      window: WINDOW,
    }),
    trendStabilitySpec({
      teamName: 'Leeds Care',
      metric: 'aht',
      report: risingAht(),
      window: WINDOW,
    }),
    monthlyTrendSpec({
      teamName: 'Manila Billing',
      metric: 'csat',
      monthly: monthlyCsat().monthly,
    }),
    tierMixTeamsSpec({ teams: TEAM_TIER_MIXES }),
    tierMixWindowsSpec({ teamName: 'Leeds Care', windows: TIER_WINDOWS }),
    contactMixSpec({ teamName: 'Manila Billing', mix: shiftedContactMix() }),
    enablementFunnelSpec({ initiativeId: 'refund-policy-v2', teams: ENABLEMENT_TEAMS }),
  ];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
}

export async function main(): Promise<ChartBenchResult> {
  const specs = mix();
  const pool = createChartPool();
  try {
    // Load chart.js and fonts in every worker before measuring.
    await Promise.all(
      Array.from({ length: pool.size * 2 }, (_, i) =>
        pool.renderChart(specs[i % specs.length] as ChartSpec),
      ),
    );
    const runs: {
      cps: number;
      wps: number;
      wall: number;
      p99: number;
      max: number;
      ackMax: number;
      ackP99: number;
    }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const histogram = monitorEventLoopDelay({ resolution: 5 });
      const acks: number[] = [];
      const ackTimer = setInterval(() => {
        const queued = performance.now();
        setTimeout(() => acks.push(performance.now() - queued), 0);
      }, 25);
      histogram.enable();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: CHARTS }, (_, i) =>
          pool.renderChart(specs[i % specs.length] as ChartSpec),
        ),
      );
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      histogram.disable();
      clearInterval(ackTimer);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      runs.push({
        cps: CHARTS / cpuSeconds,
        wps: CHARTS / (wall / 1000) / pool.size,
        wall,
        p99: histogram.percentile(99) / 1e6,
        max: histogram.max / 1e6,
        ackMax: Math.max(...acks),
        ackP99: percentile(acks, 0.99),
      });
    }
    const result: ChartBenchResult = {
      poolSize: pool.size,
      charts: CHARTS,
      chartsPerCpuSecond: round(median(runs.map((r) => r.cps))),
      chartsPerSecondPerWorker: round(median(runs.map((r) => r.wps))),
      wallMs: round(median(runs.map((r) => r.wall))),
      eventLoopDelayP99Ms: round(median(runs.map((r) => r.p99))),
      eventLoopDelayMaxMs: round(Math.max(...runs.map((r) => r.max))),
      ackLatencyMaxMs: round(Math.max(...runs.map((r) => r.ackMax))),
      ackLatencyP99Ms: round(median(runs.map((r) => r.ackP99))),
      dashboardCpuMs: 0,
      dashboardWallMs: 0,
      target: { chartsPerSecondPerCore: 40, ackMs: 50, dashboardMs: 150 },
    };
    const dashboard = benchDashboard();
    result.dashboardCpuMs = round(dashboard.cpu);
    result.dashboardWallMs = round(dashboard.wall);
    console.log(
      `charts: ${result.chartsPerCpuSecond} charts/s per core (CPU time), ${result.chartsPerSecondPerWorker} charts/s per worker (wall), ` +
        `pool ${result.poolSize}, ${CHARTS} charts in ${result.wallMs} ms (median of ${RUNS}); ` +
        `main-thread event-loop delay p99 ${result.eventLoopDelayP99Ms} ms, max ${result.eventLoopDelayMaxMs} ms; ` +
        `simulated ack latency p99 ${result.ackLatencyP99Ms} ms, max ${result.ackLatencyMaxMs} ms (target < 50 ms); ` +
        `team dashboard ${result.dashboardCpuMs} ms CPU, ${result.dashboardWallMs} ms wall (median of ${DASHBOARD_RUNS}; target ≤ 150 ms)`,
    );
    return result;
  } finally {
    await pool.close();
  }
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
