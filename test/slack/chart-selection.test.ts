/**
 * One chart selection per view (src/slack/charts.ts): what each view shows, one file
 * name per chart whoever draws it, and never more than two images in one message.
 */
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/charts/spec.ts';
import {
  type ChartChoice,
  type ChartRequest,
  chartFilename,
  chooseCharts,
  createChartMaker,
  MAX_CHARTS_PER_VIEW,
} from '../../src/slack/charts.ts';
import { TIER_WINDOWS, teamReport, WINDOW } from '../../support/charts/fixtures.ts';

const team = teamReport('Manila Billing');
const windows = TIER_WINDOWS.map((w, i) => ({ from: `2026-0${(i % 9) + 1}-01`, mix: w.mix }));
const digest = {
  teams: [team, teamReport('Leeds Care')],
  window: WINDOW,
  options: { windowDays: 28 } as never,
};

const REQUESTS: ChartRequest[] = [
  { view: 'team', team, window: WINDOW },
  { view: 'weekly', team, window: WINDOW, monthly: 'csat' },
  { view: 'metric', team, window: WINDOW, metric: 'aht' },
  { view: 'metric', team, window: WINDOW, metric: 'aht', monthly: true },
  { view: 'mix', team },
  { view: 'enablement', team },
  { view: 'tiers', team, windows },
  { view: 'digest', report: digest },
];

/** A stand-in for the metrics helper's funnel chart, filling both extra slots. */
const funnel = (name: string): ChartChoice => ({
  spec: { kind: 'trend-stability', width: 640, height: 360, altText: 'extra chart' },
  name,
  title: 'extra',
});
const slots = { metric: () => funnel('metric-funnel'), tiers: () => funnel('tiers-funnel') };

describe('chart selection per view', () => {
  it('shows each view’s chart kinds, in order', () => {
    const kinds = (r: ChartRequest) => chooseCharts(r).map((c) => c.spec.kind);
    expect(REQUESTS.map((r) => [r.view, kinds(r)])).toEqual([
      ['team', ['team-dashboard']],
      ['weekly', ['team-dashboard']],
      ['metric', ['trend-stability']],
      ['metric', ['monthly-trend']],
      ['mix', ['contact-mix']],
      ['enablement', ['enablement-funnel']],
      ['tiers', ['tier-mix-windows']],
      ['digest', ['org-dashboard', 'tier-mix-teams']],
    ]);
  });

  it('puts the weekly post’s monthly trend in the dashboard, not in a second image', () => {
    const [weekly] = chooseCharts({ view: 'weekly', team, window: WINDOW, monthly: 'csat' });
    expect(weekly?.spec.composite?.panels).toHaveLength(6);
    const [plain] = chooseCharts({ view: 'team', team, window: WINDOW });
    expect(plain?.spec.composite?.panels).toHaveLength(5);
  });

  it('fills the optional slots of the metric and tiers views, and no others', () => {
    const counts = REQUESTS.map((r) => chooseCharts(r, slots).length);
    expect(counts).toEqual([1, 1, 2, 2, 1, 1, 2, 2]);
  });

  it('never uploads more than two images in one message, extra slots filled', async () => {
    const maker = createChartMaker(async (spec: ChartSpec) => Buffer.from(spec.kind), slots);
    for (const request of REQUESTS) {
      const files = await maker.charts(request);
      expect(files.length, request.view).toBeLessThanOrEqual(MAX_CHARTS_PER_VIEW);
      for (const file of files) expect(file.alt_text.length, file.filename).toBeGreaterThan(0);
    }
  });

  it('names a chart the same way for the commands and the jobs', () => {
    const request: ChartRequest = { view: 'metric', team, window: WINDOW, metric: 'csat' };
    const [choice] = chooseCharts(request);
    expect(chartFilename(request, choice as ChartChoice)).toBe('manila-billing-csat-trend.png');
    expect(chartFilename({ view: 'digest', report: digest }, { name: 'dashboard' })).toBe(
      'org-dashboard.png',
    );
  });
});
