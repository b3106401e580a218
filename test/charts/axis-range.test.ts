/**
 * The y-axis rule (docs/metrics.md, "Chart axes"; issue 14.3): a stable team must look
 * stable. Series are run through the real analytics (trend, health, and the control chart
 * the report uses: p′ with day-by-day limits for rates, XmR for means) and the real spec
 * builders, so the property is about what a user would be shown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { health } from '../../src/analytics/health.ts';
import { pPrime } from '../../src/analytics/p-prime.ts';
import { trend } from '../../src/analytics/trend.ts';
import { xmr } from '../../src/analytics/xmr.ts';
import type { ChartSpec } from '../../src/charts/spec.ts';
import { axisRange, metricAxis } from '../../src/charts/specs/axis-range.ts';
import { monthlyTrendSpec } from '../../src/charts/specs/monthly-trend.ts';
import { trendStabilitySpec } from '../../src/charts/specs/trend-stability.ts';
import { addDays } from '../../src/domain/dates.ts';
import { isProportion, type Metric } from '../../src/domain/metrics.ts';
import type { MetricReport, SeriesPoint } from '../../src/domain/report-types.ts';
import { toDisplayUnit } from '../../src/messages/format.ts';

const FROM = '2026-10-04';
const TO = addDays(FROM, 27);

/** As assembleOrgReport builds it: p′ for a proportion, XmR for a mean; each day its own n. */
function reportOf(metric: Metric, values: number[], ns: number[]): MetricReport {
  const series: SeriesPoint[] = values.map((value, i) => ({
    date: addDays(FROM, i),
    value,
    n: ns[i] as number,
  }));
  const tr = trend(series, metric, FROM);
  const stability = isProportion(metric) ? pPrime(series, metric) : xmr(series, metric);
  const h = health(metric, tr, stability, 28);
  return {
    value: values.reduce((a, b) => a + b, 0) / values.length,
    n: ns.reduce((a, b) => a + b, 0),
    series,
    monthly: [],
    trend: tr,
    stability,
    health: h.health,
    reasons: h.reasons,
  };
}

function yOf(spec: ChartSpec): { min: number; max: number } {
  const y = ((spec.config?.options.scales ?? {}) as Record<string, { min: number; max: number }>).y;
  if (!y) throw new Error('no y scale');
  return y;
}

/** Share of the plot's height the data covers (the y scale is fixed, so this is exact). */
function dataShare(spec: ChartSpec, values: number[]): number {
  const { min, max } = yOf(spec);
  return (Math.max(...values) - Math.min(...values)) / (max - min);
}

describe('axisRange', () => {
  it('widens a narrow series to the minimum span, centred on it', () => {
    // Kraków's CSAT between 87.2% and 89.1%: span 10 around 88.15 → 83.15…93.15, step 2 → 82…94.
    expect(axisRange({ data: [87.2, 89.1], floor: 0, ceiling: 100, minSpan: 10 })).toEqual({
      min: 82,
      max: 94,
    });
  });

  it('spans the control limits and twice the data range', () => {
    // Drawn 70…90 (limits), padded 10%: 68…92 (24); twice the data (82…86 → 8) is less;
    // step 5 (24/8 = 3 → 5): 65…95.
    expect(
      axisRange({ data: [82, 86], reference: [70, 90], floor: 0, ceiling: 100, minSpan: 10 }),
    ).toEqual({ min: 65, max: 95 });
  });

  it('shifts a span that would pass a natural bound instead of cutting it', () => {
    // 97…99.5 needs 10 points: centred it would reach 103.25; shifted to 90…100.
    expect(axisRange({ data: [97, 99.5], floor: 0, ceiling: 100, minSpan: 10 })).toEqual({
      min: 90,
      max: 100,
    });
  });

  it('gives handle time at least a minute of axis', () => {
    const y = metricAxis('aht', { data: [5.1, 5.2] });
    expect(y.max - y.min).toBeGreaterThanOrEqual(1);
    expect(y.min).toBeLessThanOrEqual(5.1);
    expect(y.max).toBeGreaterThanOrEqual(5.2);
  });

  it('refuses an empty series', () => {
    expect(() => axisRange({ data: [], floor: 0, minSpan: 1 })).toThrow(/at least one finite/);
  });
});

const METRIC_ARB = fc.constantFrom<Metric>('csat', 'fcr', 'aht', 'qa', 'answer_rate');
/** A centre and a noise size in metric units that keep values inside the metric's bounds. */
function flatSeries(metric: Metric) {
  const [lo, hi, noise] =
    metric === 'aht' ? [120, 900, 60] : metric === 'qa' ? [20, 95, 8] : [0.1, 0.93, 0.06];
  return fc
    .record({
      centre: fc.double({ min: lo, max: hi, noNaN: true }),
      size: fc.double({ min: noise / 100, max: noise, noNaN: true }),
      noise: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
        minLength: 28,
        maxLength: 28,
      }),
    })
    .map(({ centre, size, noise: n }) => n.map((e) => centre + e * size));
}

describe('a stable, flat series never fills more than half the plot height', () => {
  it('on the trend chart, for every metric', () => {
    fc.assert(
      fc.property(
        METRIC_ARB.chain((metric) =>
          fc.tuple(
            fc.constant(metric),
            flatSeries(metric),
            // Busy and thin days alike: a rate's p′ limits widen on the thin ones.
            fc.array(fc.integer({ min: 12, max: 400 }), { minLength: 28, maxLength: 28 }),
          ),
        ),
        ([metric, values, ns]) => {
          const report = reportOf(metric, values, ns);
          expect(report.stability.chart).toBe(isProportion(metric) ? 'p_prime' : 'xmr');
          fc.pre(report.stability.status === 'stable' && report.trend.direction === 'flat');
          const spec = trendStabilitySpec({
            teamName: 'T',
            metric,
            report,
            window: { from: FROM, to: TO },
          });
          const shown = values.map((v) => toDisplayUnit(metric, v));
          expect(dataShare(spec, shown)).toBeLessThanOrEqual(0.5 + 1e-9);
          // and nothing drawn is cut by the frame
          const { min, max } = yOf(spec);
          const stability = report.stability;
          const limits = (
            stability.chart === 'p_prime'
              ? stability.limits.flatMap((d) => [d.lcl, d.ucl])
              : [stability.ucl, stability.lcl]
          )
            .filter((x): x is number => x !== null)
            .map((v) => toDisplayUnit(metric, v));
          // A rate's chart draws a p′ band: every day's limits, not one pair.
          if (stability.chart === 'p_prime') expect(limits).toHaveLength(2 * values.length);
          for (const v of [...shown, ...limits]) {
            expect(v).toBeGreaterThanOrEqual(min - 1e-9);
            expect(v).toBeLessThanOrEqual(max + 1e-9);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('on the monthly chart (noise of a few tenths of a point)', () => {
    const months = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
    const csat = [0.872, 0.889, 0.881, 0.891, 0.876, 0.884];
    const spec = monthlyTrendSpec({
      teamName: 'Kraków Delivery',
      metric: 'csat',
      monthly: months.map((month, i) => ({ month, value: csat[i] as number, n: 900 })),
    });
    const share = dataShare(
      spec,
      csat.map((v) => v * 100),
    );
    expect(share).toBeLessThanOrEqual(0.5);
    expect(share).toBeGreaterThan(0.1);
  });
});
