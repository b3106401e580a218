import { describe, expect, it } from 'vitest';
import { health } from '../../src/analytics/health.ts';
import type { Signal, Stability, Trend } from '../../src/domain/report.ts';

const trendOf = (t: Partial<Trend>): Trend => ({
  slopePerDay: 0,
  intercept: 0.9,
  s: 0,
  z: 0,
  p: 0.5,
  direction: 'flat',
  points: 28,
  ...t,
});
const stable: Stability = {
  mean: 0.9,
  ucl: 0.98,
  lcl: 0.82,
  mrBar: 0.03,
  cv: 0.02,
  status: 'stable',
  signals: [],
};
const withSignals = (signals: Signal[]): Stability => ({
  ...stable,
  status: signals.some((s) => s.rule === 'beyond_limits') ? 'volatile' : 'stable',
  signals,
});

describe('health', () => {
  it('is at_risk on a declining trend, saying how fast, over how long and how sure', () => {
    // formatDelta('csat', 0.004) = '+0.4 pts' → sign dropped; formatP(0.006) = 'p = 0.006'.
    const h = health(
      'csat',
      trendOf({ direction: 'declining', slopePerDay: -0.004, p: 0.006 }),
      stable,
      28,
    );
    expect(h).toEqual({
      health: 'at_risk',
      reasons: ['CSAT fell 0.4 pts a day over 28 days (p = 0.006)'],
    });
  });

  it('says a rising handle time rose (declining for a lower-is-better metric)', () => {
    const h = health(
      'aht',
      trendOf({ direction: 'declining', slopePerDay: 3, p: 0.0004 }),
      stable,
      28,
    );
    expect(h.reasons[0]).toBe('Handle time rose 3.0s a day over 28 days (p < 0.001)');
  });

  it('is watch when a point is beyond the limits, naming the day', () => {
    const h = health(
      'csat',
      trendOf({}),
      withSignals([
        {
          rule: 'beyond_limits',
          dates: ['2026-10-12'],
          points: ['2026-10-12'],
          side: 'below',
          bad: true,
        },
      ]),
      28,
    );
    expect(h.health).toBe('watch');
    expect(h.reasons[0]).toBe('CSAT went below its lower limit 82.0% on 2026-10-12');
  });

  it('is watch for a run on the bad side, and healthy for a run on the good side', () => {
    const run = (side: 'above' | 'below', bad: boolean): Signal => ({
      rule: 'run',
      dates: ['2026-10-10', '2026-10-17'],
      points: Array.from({ length: 8 }, (_, i) => `2026-10-${10 + i}`),
      side,
      bad,
    });
    const bad = health('csat', trendOf({}), withSignals([run('below', true)]), 28);
    expect(bad.health).toBe('watch');
    expect(bad.reasons[0]).toBe(
      'CSAT stayed below its mean 90.0% for 8 days in a row from 2026-10-10 to 2026-10-17',
    );
    expect(health('csat', trendOf({}), withSignals([run('above', false)]), 28).health).toBe(
      'healthy',
    );
  });

  it('is healthy with no trend and no signals, and says so', () => {
    expect(health('qa', trendOf({ p: 0.41 }), stable, 28)).toEqual({
      health: 'healthy',
      reasons: ['No sustained trend in QA score over 28 days (p = 0.410)'],
    });
  });

  it('is insufficient_data where the trend is', () => {
    const h = health('fcr', trendOf({ direction: 'insufficient_data', points: 5 }), stable, 28);
    expect(h.health).toBe('insufficient_data');
    expect(h.reasons[0]).toContain('5 of the 28 days');
  });
});
