import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailySeries, monthlySeries, totalSums } from '../../src/analytics/series.ts';
import { addSums, emptySums, metricValue } from '../../src/domain/metrics.ts';

describe('dailySeries', () => {
  it('leaves out days whose denominator is 0 instead of drawing them as 0', () => {
    const rows = [
      { date: '2026-10-02', csat_positive: 0, csat_responses: 0 },
      { date: '2026-10-01', csat_positive: 9, csat_responses: 10 },
      { date: '2026-10-03', csat_positive: 3, csat_responses: 4 },
    ];
    expect(dailySeries(rows, 'csat')).toEqual([
      { date: '2026-10-01', value: 0.9, n: 10 },
      { date: '2026-10-03', value: 0.75, n: 4 },
    ]);
  });

  it('adds rows of the same day before dividing, and keeps only days in range', () => {
    // 2026-10-01: (9 + 1)/(10 + 10) = 0.5, not the mean of 0.9 and 0.1 (which is also 0.5 — so use
    // unequal n): (9 + 1)/(10 + 30) = 0.25.
    const rows = [
      { date: '2026-10-01', csat_positive: 9, csat_responses: 10 },
      { date: '2026-10-01', csat_positive: 1, csat_responses: 30 },
      { date: '2026-10-05', csat_positive: 1, csat_responses: 1 },
    ];
    expect(dailySeries(rows, 'csat', { from: '2026-10-01', to: '2026-10-04' })).toEqual([
      { date: '2026-10-01', value: 0.25, n: 40 },
    ]);
  });

  it('uses fcr_contacts, not contacts_handled, as the FCR denominator', () => {
    // A day where FCR was measured on 20 of 50 contacts: 15/20 = 0.75.
    const rows = [
      { date: '2026-10-01', contacts_handled: 50, fcr_contacts: 20, first_contact_resolved: 15 },
    ];
    expect(dailySeries(rows, 'fcr')).toEqual([{ date: '2026-10-01', value: 0.75, n: 20 }]);
  });
});

describe('monthlySeries', () => {
  it('is the ratio of the month’s sums', () => {
    // September: 8/10; October: (1 + 9)/(10 + 30) = 0.25.
    const rows = [
      { date: '2026-09-30', csat_positive: 8, csat_responses: 10 },
      { date: '2026-10-01', csat_positive: 1, csat_responses: 10 },
      { date: '2026-10-02', csat_positive: 9, csat_responses: 30 },
    ];
    expect(monthlySeries(rows, 'csat')).toEqual([
      { month: '2026-09', value: 0.8, n: 10 },
      { month: '2026-10', value: 0.25, n: 40 },
    ]);
  });
});

describe('window value', () => {
  it('is the ratio of sums, which differs from the average of daily ratios', () => {
    // Day 1: 9/10 = 0.9; day 2: 10/40 = 0.25. Ratio of sums 19/50 = 0.38; average of ratios 0.575.
    const rows = [
      { date: '2026-10-01', csat_positive: 9, csat_responses: 10 },
      { date: '2026-10-02', csat_positive: 10, csat_responses: 40 },
    ];
    expect(metricValue(totalSums(rows), 'csat')).toBe(0.38);
    expect(metricValue(totalSums(rows), 'csat')).not.toBeCloseTo(0.575, 3);
  });

  it('re-aggregates exactly: sums of two halves added give the same value as the whole (property)', () => {
    const row = fc.record({
      date: fc.constantFrom('2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04'),
      handle_time_sec: fc.nat(100_000),
      aht_contacts: fc.nat(500),
      csat_positive: fc.nat(200),
      csat_responses: fc.nat(400),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), fc.nat(), (rows, cut) => {
        const k = cut % (rows.length + 1);
        const whole = totalSums(rows);
        const halves = addSums(
          addSums(emptySums(), totalSums(rows.slice(0, k))),
          totalSums(rows.slice(k)),
        );
        for (const metric of ['aht', 'csat'] as const) {
          expect(metricValue(halves, metric)).toBe(metricValue(whole, metric));
        }
      }),
    );
  });
});
