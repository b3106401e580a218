import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { SERIES_COLOR } from '../../src/charts/palette.ts';
import { createChartPool } from '../../src/charts/pool.ts';
import type { ChartSpec } from '../../src/charts/spec.ts';
import { trendStabilitySpec } from '../../src/charts/specs/trend-stability.ts';
import { decliningCsat, WINDOW } from '../../support/charts/fixtures.ts';
import { colorNear, decode } from './png.ts';

const spec = trendStabilitySpec({
  teamName: 'Manila Billing',
  metric: 'csat',
  report: decliningCsat(),
  window: WINDOW,
});

describe('chart worker pool', () => {
  const pool = createChartPool();
  afterAll(() => pool.close());

  it('renders 16 charts concurrently while the main thread keeps ticking', async () => {
    await pool.renderChart(spec); // workers loaded, so the measured span is drawing only
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 2);
    const start = performance.now();
    const pngs = await Promise.all(Array.from({ length: 16 }, () => pool.renderChart(spec)));
    const total = performance.now() - start;
    clearInterval(timer);

    for (const png of pngs) expect(decode(png).width).toBe(1280);
    const gaps = ticks.slice(1).map((t, i) => t - (ticks[i] as number));
    const maxGap = Math.max(ticks[0] === undefined ? total : (ticks[0] as number) - start, ...gaps);
    // Had the drawing run on this thread, one gap would span a whole render (total / 16 × pool size at
    // least) and ticks would be few. Relative to the measured total, not an absolute time.
    expect(ticks.length).toBeGreaterThan(16);
    expect(maxGap).toBeLessThan(total / 4);
  });

  it('returns the PNG the renderer draws (series colour in the plot)', async () => {
    const img = decode(await pool.renderChart(spec));
    expect([img.width, img.height]).toEqual([1280, 720]);
    let found = false;
    for (let x = 100; x < 600 && !found; x += 3)
      for (let y = 60; y < 330 && !found; y += 3) found = colorNear(img, x, y, SERIES_COLOR, 0, 8);
    expect(found).toBe(true);
  });

  it('rejects a bad spec with the renderer’s message and keeps working', async () => {
    const bad = { ...spec, width: 5 } as ChartSpec;
    await expect(pool.renderChart(bad)).rejects.toThrow(
      /width must be an integer from 100 to 2000/,
    );
    expect(decode(await pool.renderChart(spec)).height).toBe(720);
  });

  it('rejects renders after close()', async () => {
    const other = createChartPool(1);
    await other.close();
    await expect(other.renderChart(spec)).rejects.toThrow(/closed/);
  });

  it('refuses a pool size of 0', () => {
    expect(() => createChartPool(0)).toThrow(/size must be a whole number from 1 to 16 \(got 0\)/);
  });
});

describe('chart worker entry under plain node', () => {
  it('renders through the pool with `node --import tsx` (no vitest transform)', async () => {
    const script = fileURLToPath(new URL('./pool-smoke.ts', import.meta.url));
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
      cwd: root,
      timeout: 60_000,
    });
    const result = JSON.parse(stdout.trim().split('\n').pop() as string);
    expect(result.count).toBe(3);
    expect(result.sizes).toEqual([result.expected, result.expected, result.expected]);
  });
});
