/**
 * Writes one PNG of each chart type, drawn from the test fixtures, into docs/images/ for
 * the README: `node --import tsx scripts/chart-examples.ts`. Uses the 'small' PNG encoder
 * because these files are kept in the repository.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { funnel } from '../src/analytics/funnel.ts';
import { pPrime } from '../src/analytics/p-prime.ts';
import { renderSpec } from '../src/charts/renderer.ts';
import { type ChartSpec, noDataSpec } from '../src/charts/spec.ts';
import { contactMixSpec } from '../src/charts/specs/contact-mix.ts';
import { enablementFunnelSpec } from '../src/charts/specs/enablement-funnel.ts';
import { funnelChartSpec } from '../src/charts/specs/funnel-chart.ts';
import { monthlyTrendSpec } from '../src/charts/specs/monthly-trend.ts';
import { orgDashboardSpec } from '../src/charts/specs/org-dashboard.ts';
import { teamDashboardSpec } from '../src/charts/specs/team-dashboard.ts';
import { tierMixTeamsSpec } from '../src/charts/specs/tier-mix-teams.ts';
import { tierMixWindowsSpec } from '../src/charts/specs/tier-mix-windows.ts';
import { trendStabilitySpec } from '../src/charts/specs/trend-stability.ts';
import type { MetricReport } from '../src/domain/report-types.ts';
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

/**
 * A team of 13 for the funnel example (survey answers and positives in the window): one
 * agent worse beyond chance on many answers, one with few answers and a low rate that is
 * still inside the funnel, one better beyond chance.
 */
const FUNNEL_AGENTS = [
  [151, 176],
  [188, 214],
  [96, 112],
  [142, 168],
  [201, 236],
  [118, 141],
  [9, 14],
  [160, 190],
  [131, 210],
  [175, 199],
  [61, 70],
  [227, 250],
  [104, 127],
].map(([x, n], i) => ({ id: `agent-${i + 1}`, x: x as number, n: n as number }));

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'images');

/**
 * CSAT declining, with few survey responses on Sundays, on its Laney p′ chart (METRICS.md
 * v2): the band steps out on the thin days, so their low values are not signals.
 */
function thinSundaysCsat(): MetricReport {
  const base = decliningCsat();
  // Sundays: 9 responses, and a low rate that on so few is within chance.
  const series = base.series.map((point, i) =>
    i % 7 === 6 ? { ...point, n: 9, value: point.value - 0.12 } : { ...point, n: 120 },
  );
  return { ...base, series, stability: pPrime(series, 'csat') };
}

/** One spec per chart type (two for trend: a rate and handle time), plus the no-data card. */
export function exampleSpecs(): Record<string, ChartSpec> {
  const team = dashboardTeam('Manila Billing');
  const others = ['Leeds Care', 'Austin Retention', 'Kraków Delivery'].map((name, i) => {
    const t = dashboardTeam(name);
    // Give each team its own status, so the table shows every kind of cell.
    const health = (['healthy', 'watch', 'insufficient_data'] as const)[i] ?? 'healthy';
    return { ...t, metrics: { ...t.metrics, csat: { ...t.metrics.csat, health } } };
  });
  return {
    'team-dashboard': teamDashboardSpec({ team, window: WINDOW, monthly: 'csat' }),
    'org-dashboard': orgDashboardSpec({ teams: [team, ...others], window: WINDOW, days: 28 }),
    'trend-stability-csat': trendStabilitySpec({
      teamName: 'Manila Billing',
      metric: 'csat',
      report: thinSundaysCsat(),
      window: WINDOW,
    }),
    'trend-stability-aht': trendStabilitySpec({
      teamName: 'Leeds Care',
      metric: 'aht',
      report: risingAht(),
      window: WINDOW,
    }),
    'monthly-trend': monthlyTrendSpec({
      teamName: 'Manila Billing',
      metric: 'csat',
      monthly: monthlyCsat().monthly,
    }),
    'tier-mix-teams': tierMixTeamsSpec({ teams: TEAM_TIER_MIXES }),
    'tier-mix-windows': tierMixWindowsSpec({ teamName: 'Leeds Care', windows: TIER_WINDOWS }),
    'contact-mix': contactMixSpec({ teamName: 'Manila Billing', mix: shiftedContactMix() }),
    'enablement-funnel': enablementFunnelSpec({
      initiativeId: 'refund-policy-v2',
      teams: ENABLEMENT_TEAMS,
    }),
    'funnel-csat': funnelChartSpec({
      teamName: 'Manila Billing',
      metric: 'csat',
      funnel: funnel(FUNNEL_AGENTS, 'higher'),
    }),
    'no-data': noDataSpec('trend-stability', 'QA score for Kraków Returns'),
  };
}

export function main(): void {
  mkdirSync(OUT, { recursive: true });
  for (const [name, spec] of Object.entries(exampleSpecs())) {
    const file = join(OUT, `${name}.png`);
    const png = renderSpec(spec, { png: 'small' });
    writeFileSync(file, png);
    console.log(`${name}.png (${Math.round(png.length / 1024)} KB): ${spec.altText}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
