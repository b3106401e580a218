/**
 * The funnel chart (METRICS.md v2, "Funnel view"): its spec says the finding without a
 * name, and the rendered PNG, decoded, puts each agent and each limit curve where the
 * numbers say.
 */
import { describe, expect, it } from 'vitest';
import { funnel } from '../../src/analytics/funnel.ts';
import { type ChartArea, renderSpecWithLayout } from '../../src/charts/renderer.ts';
import { FUNNEL_COLORS, funnelChartSpec } from '../../src/charts/specs/funnel-chart.ts';
import { colorNear, decode } from './png.ts';

// A team of 8: pooled m = 1200/1500 = 0.8 (by hand). 'worse' has 120 of 200 = 60%: at
// n = 200 the 99.8% lower limit is 0.8 − 3.09·√(0.16/200) = 0.7126 (by hand), so it is
// worse beyond chance. 'thin' has 8 of 15 = 53.3%: its lower limit at n = 15 is
// 0.8 − 3.09·0.1033 = 0.4809, so it is inside — a thin agent is not named on noise.
const AGENTS = [
  { id: 'Ana Silva', x: 120, n: 200 },
  { id: 'thin', x: 8, n: 15 },
  { id: 'b', x: 170, n: 200 },
  { id: 'c', x: 245, n: 300 },
  { id: 'd', x: 170, n: 210 },
  { id: 'e', x: 132, n: 165 },
  { id: 'f', x: 283, n: 330 },
  { id: 'g', x: 72, n: 80 },
];
const NAMES = ['Ana Silva'];

const f = funnel(AGENTS, 'higher');
const spec = funnelChartSpec({ teamName: 'Billing North', metric: 'csat', funnel: f });

describe('funnelChartSpec', () => {
  it('centres on the pooled rate and flags only the agent worse beyond chance', () => {
    expect(f.pooled).toBeCloseTo(1200 / 1500, 12);
    expect(f.points.filter((p) => p.flagged).map((p) => p.n)).toEqual([200]);
    expect(f.points.find((p) => p.id === 'thin')?.outside998).toBeNull();
  });

  it('draws no name anywhere: not in the data, the labels, the title or the alt text', () => {
    const json = JSON.stringify(spec);
    for (const name of NAMES) expect(json).not.toContain(name);
  });

  it('says the finding in its alt text: how many agents, the pooled rate, one worse beyond chance', () => {
    expect(spec.altText).toContain('CSAT for Billing North by agent: 8 agents');
    expect(spec.altText).toContain('(15 to 330)');
    expect(spec.altText).toContain('pooled 80.0%');
    expect(spec.altText).toContain('1 agent is below the 99.8% limits: worse beyond chance.');
  });

  it('puts n on a linear x axis from 0', () => {
    const scales = spec.config?.options.scales as { x: { type: string; min: number } } | undefined;
    const x = scales?.x;
    expect(x).toMatchObject({ type: 'linear', min: 0 });
  });

  it('draws a "no data" card when no agent has n > 0', () => {
    const empty = funnelChartSpec({ teamName: 'T', metric: 'fcr', funnel: null });
    expect(empty.empty?.message).toMatch(/No data/);
  });
});

// Better beyond chance, counted by hand. Pooled m = (95 + 95 + 90 + 60 + 460)/(100 + 100 +
// 100 + 100 + 600) = 800/1000 = 0.8. At n = 100, sd = √(0.8·0.2/100) = 0.04: the 95% limits
// are 0.8 ± 1.96·0.04 = 0.7216 – 0.8784 and the 99.8% limits 0.8 ± 3.09·0.04 = 0.6764 –
// 0.9236. So 95/100 = 0.95 > 0.9236 is better beyond chance (twice); 90/100 = 0.90 is
// outside the 95% limits but inside the 99.8% ones, so not counted; 60/100 = 0.60 < 0.6764
// is worse. At n = 600, sd = √(0.16/600) = 0.016330, 99.8% low = 0.8 − 0.050460 = 0.74954,
// and 460/600 = 0.76667 is inside.
const SPREAD = [
  { id: 'high1', x: 95, n: 100 },
  { id: 'high2', x: 95, n: 100 },
  { id: 'near', x: 90, n: 100 },
  { id: 'low', x: 60, n: 100 },
  { id: 'many', x: 460, n: 600 },
];

describe('funnelChartSpec: the better-beyond-chance count', () => {
  const spread = funnelChartSpec({
    teamName: 'Billing North',
    metric: 'csat',
    funnel: funnel(SPREAD, 'higher'),
  });
  const datasets = (spread.config?.data.datasets ?? []) as {
    label: string;
    data: { x: number; y: number }[];
  }[];

  it('counts the two agents above the 99.8% limits, not the one only above the 95% ones', () => {
    expect(spread.altText).toContain('2 agents are better beyond chance.');
    expect(spread.altText).toContain('1 agent is below the 99.8% limits: worse beyond chance.');
  });

  it('draws exactly those two as better and the other three where they belong', () => {
    const points = (label: string) => datasets.find((d) => d.label === label)?.data;
    expect(points('Better beyond chance')).toEqual([
      { x: 100, y: 95 },
      { x: 100, y: 95 },
    ]);
    expect(points('Worse beyond chance')).toEqual([{ x: 100, y: 60 }]);
    // 460/600 = 76.6667%, to 4 decimals in the spec.
    expect(points('Agents within the 99.8% limits')).toEqual([
      { x: 100, y: 90 },
      { x: 600, y: 76.6667 },
    ]);
  });

  it('says no better count when nobody is above the 99.8% limits', () => {
    // The first fixture: its best rate, 72/80 = 0.9, is under the 99.8% high limit at n = 80,
    // 0.8 + 3.09·√(0.16/80) = 0.8 + 0.1382 = 0.9382.
    expect(spec.altText).not.toContain('better beyond chance');
  });
});

describe('the rendered funnel chart', () => {
  const { png, chartArea } = renderSpecWithLayout(spec);
  const img = decode(png);
  const area = chartArea as ChartArea;
  const scales = spec.config?.options.scales as {
    x: { min: number; max: number };
    y: { min: number; max: number };
  };
  const at = (n: number, rate: number) => ({
    x: area.left + ((n - scales.x.min) / (scales.x.max - scales.x.min)) * (area.right - area.left),
    y:
      area.bottom -
      ((rate * 100 - scales.y.min) / (scales.y.max - scales.y.min)) * (area.bottom - area.top),
  });

  it('is a 2× PNG (1280 × 720)', () => {
    expect([img.width, img.height]).toEqual([1280, 720]);
  });

  it('draws the agent worse beyond chance in vermillion at (200, 60%)', () => {
    const p = at(200, 0.6);
    expect(colorNear(img, p.x, p.y, FUNNEL_COLORS.worse, 3)).toBe(true);
  });

  it('draws an agent within the limits in blue at (300, 81.7%), and no blue where nobody is', () => {
    const p = at(300, 245 / 300);
    expect(colorNear(img, p.x, p.y, FUNNEL_COLORS.agent, 3)).toBe(true);
    const empty = at(120, 0.62);
    expect(colorNear(img, empty.x, empty.y, FUNNEL_COLORS.agent, 3)).toBe(false);
  });

  it('draws the 99.8% lower limit curve where the formula puts it at n = 250', () => {
    // By hand: 0.8 − 3.09·√(0.8·0.2/250) = 0.8 − 3.09·0.025298 = 0.72183.
    const p = at(250, 0.72183);
    expect(colorNear(img, p.x, p.y, FUNNEL_COLORS.limits, 2)).toBe(true);
  });

  it('draws the pooled rate line in orange', () => {
    const p = at(100, 0.8);
    expect(colorNear(img, p.x, p.y, FUNNEL_COLORS.centre, 2)).toBe(true);
  });
});
