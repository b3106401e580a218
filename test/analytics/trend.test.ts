import { describe, expect, it } from 'vitest';
import { trend } from '../../src/analytics/trend.ts';
import { addDays } from '../../src/domain/dates.ts';
import type { SeriesPoint } from '../../src/domain/report-types.ts';

const FROM = '2026-10-04';
const at = (days: number[], value: (x: number) => number): SeriesPoint[] =>
  days.map((x) => ({ date: addDays(FROM, x), value: value(x), n: 100 }));

describe('trend', () => {
  it('is insufficient_data with 7 points', () => {
    const t = trend(
      at([0, 1, 2, 3, 4, 5, 6], (x) => 0.5 + 0.01 * x),
      'csat',
      FROM,
    );
    expect(t).toMatchObject({
      direction: 'insufficient_data',
      slopePerDay: null,
      p: null,
      points: 7,
    });
  });

  it('measures the slope per calendar day across gaps (x = day number from the window start)', () => {
    // y = 0.5 + 0.01·x on days 0–7 and 20: every pair slope is 0.01 per day, intercept 0.5.
    // MK: 9 rising points → S = 36, Var = 9·8·23/18 = 92, Z = 35/√92 = 3.649002,
    // p (python3 NormalDist) = 0.000263 < 0.05 → csat improving.
    const t = trend(
      at([0, 1, 2, 3, 4, 5, 6, 7, 20], (x) => 0.5 + 0.01 * x),
      'csat',
      FROM,
    );
    expect(t.slopePerDay).toBeCloseTo(0.01, 12);
    expect(t.intercept).toBeCloseTo(0.5, 12);
    expect(t.s).toBe(36);
    expect(t.p).toBeCloseTo(0.00026326080270355767, 8);
    expect(t.direction).toBe('improving');
    expect(t.points).toBe(9);
  });

  it('calls a rising handle time declining (lower is better)', () => {
    const t = trend(
      at([0, 1, 2, 3, 4, 5, 6, 7], (x) => 300 + 5 * x),
      'aht',
      FROM,
    );
    expect(t.slopePerDay).toBeCloseTo(5, 12);
    expect(t.direction).toBe('declining');
  });

  it('is flat when the trend is not significant', () => {
    // Alternating 0.8/0.9 over 8 days. By hand: rises 4+3+2+1 = 10, falls 3+2+1 = 6 → S = 4;
    // Var(S) = (8·7·21 − 2·(4·3·13))/18 = 48 → Z = 3/√48 = 0.433, p ≈ 0.665 > 0.05.
    const t = trend(
      at([0, 1, 2, 3, 4, 5, 6, 7], (x) => (x % 2 === 0 ? 0.8 : 0.9)),
      'csat',
      FROM,
    );
    expect(t.direction).toBe('flat');
    expect(t.p).toBeGreaterThan(0.05);
  });
});
