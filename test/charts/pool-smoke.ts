/**
 * Run by pool.test.ts under plain `node --import tsx` (no vitest), to show the worker
 * entry loads there too. Prints one JSON line: { count, sizes }.
 */
import { createChartPool } from '../../src/charts/pool.ts';
import { tierMixTeamsSpec } from '../../src/charts/specs/tier-mix-teams.ts';
import { TEAM_TIER_MIXES } from '../../support/charts/fixtures.ts';
import { decode } from './png.ts';

const pool = createChartPool();
const spec = tierMixTeamsSpec({ teams: TEAM_TIER_MIXES });
const pngs = await Promise.all([
  pool.renderChart(spec),
  pool.renderChart(spec),
  pool.renderChart(spec),
]);
await pool.close();
const sizes = pngs.map((png) => {
  const img = decode(png);
  return `${img.width}x${img.height}`;
});
console.log(
  JSON.stringify({ count: pngs.length, sizes, expected: `${spec.width * 2}x${spec.height * 2}` }),
);
