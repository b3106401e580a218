import { describe, expect, it } from 'vitest';
import { renderSpecWithLayout } from '../../src/charts/renderer.ts';
import type { ChartSpec } from '../../src/charts/spec.ts';
import { limitBand, type StabilityWithLimits } from '../../src/charts/specs/limit-band.ts';
import { trendStabilitySpec } from '../../src/charts/specs/trend-stability.ts';
import { addDays } from '../../src/domain/dates.ts';
import type { MetricReport } from '../../src/domain/report-types.ts';
import { decode, RATIO } from './png.ts';

const FROM = '2026-10-04';
const DATES = Array.from({ length: 28 }, (_, i) => addDays(FROM, i));

const today: StabilityWithLimits = {
  mean: 0.85,
  ucl: 0.9,
  lcl: 0.8,
  mrBar: 0.02,
  cv: 0.03,
  status: 'stable',
  signals: [],
};

/** A v2 p′ stability: limits ±5 pts on busy days, ±20 pts on the thin Sundays (days 6, 13, 20, 27). */
function pPrime(): StabilityWithLimits {
  const thin = new Set([6, 13, 20, 27]);
  return {
    ...today,
    ucl: null,
    lcl: null,
    chart: 'p_prime',
    sigmaZ: 1.1,
    limits: DATES.filter((_, i) => i !== 3).map((date, i0) => {
      const i = i0 >= 3 ? i0 + 1 : i0;
      const half = thin.has(i) ? 0.2 : 0.05;
      return { date, lcl: 0.85 - half, ucl: Math.min(1, 0.85 + half) };
    }),
  };
}

describe('limitBand', () => {
  it('draws today’s XmR limits flat across every day', () => {
    const band = limitBand(today, DATES.slice(0, 3));
    expect(band.kind).toBe('flat');
    expect(band.days).toEqual(DATES.slice(0, 3).map((date) => ({ date, lcl: 0.8, ucl: 0.9 })));
  });

  it('draws v2 XmR limits flat too', () => {
    expect(limitBand({ ...today, chart: 'xmr' }, DATES).kind).toBe('flat');
  });

  it('steps a p′ band day by day and leaves a gap where a day has no limits', () => {
    const band = limitBand(pPrime(), DATES);
    expect(band.kind).toBe('p_prime');
    expect(band.days[3]).toEqual({ date: DATES[3], lcl: null, ucl: null });
    expect(band.days[5]?.ucl).toBeCloseTo(0.9);
    expect(band.days[6]?.ucl).toBeCloseTo(1);
    expect(band.days[6]?.lcl).toBeCloseTo(0.65);
  });

  it('has nothing to draw without limits', () => {
    const band = limitBand({ ...today, ucl: null, lcl: null, status: 'insufficient_data' }, DATES);
    expect(band.kind).toBe('none');
    expect(band.days.every((d) => d.ucl === null && d.lcl === null)).toBe(true);
    expect(limitBand({ ...today, chart: 'p_prime', limits: [] }, DATES).kind).toBe('none');
  });
});

function report(stability: StabilityWithLimits): MetricReport {
  return {
    value: 0.85,
    n: 28 * 60,
    series: DATES.map((date, i) => ({
      date,
      value: i === 6 ? 0.7 : 0.85 + ((i % 3) - 1) * 0.01,
      n: i % 7 === 6 ? 8 : 70,
    })),
    monthly: [],
    trend: {
      slopePerDay: 0,
      intercept: 0.85,
      s: 3,
      z: 0.1,
      p: 0.9,
      direction: 'flat',
      points: 28,
    },
    // The fixtures leave `chart` out where they stand for either shape; the report takes one.
    stability: stability as MetricReport['stability'],
    health: 'healthy',
    reasons: [],
  };
}

const band = (spec: ChartSpec, label: string) =>
  spec.config?.data.datasets.find((d) => d.label === label);

describe('the trend chart with a p′ band', () => {
  const spec = trendStabilitySpec({
    teamName: 'Kraków Delivery',
    metric: 'csat',
    report: report(pPrime()),
    window: { from: FROM, to: DATES[27] as string },
  });

  it('draws each day’s limits as steps', () => {
    const ucl = band(spec, 'Control limits');
    expect(ucl?.stepped).toBe('middle');
    const data = ucl?.data as (number | null)[];
    expect(data[5]).toBeCloseTo(90);
    expect(data[6]).toBeCloseTo(100);
    expect(data[3]).toBeNull();
  });

  it('says in the subtitle and the alt text why a thin day’s low value is not a signal', () => {
    const subtitle = ((spec.config?.options.plugins ?? {}) as { subtitle: { text: string[] } })
      .subtitle.text;
    expect(subtitle.join(' ')).toContain('Limits widen on days with few survey responses');
    expect(spec.altText).toContain('Limits widen on days with few survey responses');
    expect(spec.altText).toContain('a low value on a thin day is not a signal');
  });

  it('says nothing about widening limits on an XmR chart', () => {
    const flat = trendStabilitySpec({ teamName: 'K', metric: 'csat', report: report(today) });
    expect(flat.altText).not.toContain('widen');
    expect(band(flat, 'Control limits')?.stepped).toBeUndefined();
  });

  it('renders the band wider on a thin day than on a busy one', () => {
    const { png, chartArea } = renderSpecWithLayout(spec);
    if (!chartArea) throw new Error('no chart area');
    const img = decode(png);
    const y = ((spec.config?.options.scales ?? {}) as { y: { min: number; max: number } }).y;
    const yPx = (v: number) =>
      chartArea.top + ((y.max - v) / (y.max - y.min)) * (chartArea.bottom - chartArea.top);
    const xPx = (i: number) => chartArea.left + (i / 27) * (chartArea.right - chartArea.left);
    const banded = (i: number, v: number) => {
      const k = (Math.round(yPx(v) * RATIO) * img.width + Math.round(xPx(i) * RATIO)) * 4;
      const [r, g, b] = [img.data[k], img.data[k + 1], img.data[k + 2]] as number[];
      // The band's light blue fill (or a line over it): not white.
      return !(r === 255 && g === 255 && b === 255) && (b as number) > (r as number);
    };
    // 75% lies inside the thin Sunday's limits (65%–100%) but outside a busy day's (80%–90%).
    expect(banded(13, 75)).toBe(true);
    expect(banded(9, 75)).toBe(false);
  });
});
