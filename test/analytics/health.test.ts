import { describe, expect, it } from 'vitest';
import { health } from '../../src/analytics/health.ts';
import type { Signal, Stability, Trend } from '../../src/domain/report-types.ts';

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
  chart: 'xmr',
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
  it('is at_risk on a declining trend, giving the slope, the window and p as facts', () => {
    const h = health(
      'csat',
      trendOf({ direction: 'declining', slopePerDay: -0.004, p: 0.006 }),
      stable,
      28,
    );
    expect(h).toEqual({
      health: 'at_risk',
      reasons: [{ kind: 'trend', direction: 'declining', slopePerDay: -0.004, p: 0.006, days: 28 }],
    });
  });

  it('is watch when a point is beyond the limits, with the day and the limit crossed', () => {
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
    expect(h.reasons[0]).toEqual({
      kind: 'signal',
      rule: 'beyond_limits',
      side: 'below',
      dates: ['2026-10-12'],
      level: 0.82,
    });
  });

  it('is watch for a run on the bad side (every day of the run, and the centre), healthy for one on the good side', () => {
    const run = (side: 'above' | 'below', bad: boolean): Signal => ({
      rule: 'run',
      dates: ['2026-10-10', '2026-10-17'],
      points: Array.from({ length: 8 }, (_, i) => `2026-10-${10 + i}`),
      side,
      bad,
    });
    const bad = health('csat', trendOf({}), withSignals([run('below', true)]), 28);
    expect(bad.health).toBe('watch');
    expect(bad.reasons[0]).toMatchObject({ kind: 'signal', rule: 'run', level: 0.9 });
    expect((bad.reasons[0] as { dates: string[] }).dates).toHaveLength(8);
    expect(health('csat', trendOf({}), withSignals([run('above', false)]), 28).health).toBe(
      'healthy',
    );
  });

  it('is healthy with no trend and no signals, and says so', () => {
    expect(health('qa', trendOf({ p: 0.41 }), stable, 28)).toEqual({
      health: 'healthy',
      reasons: [{ kind: 'trend', direction: 'flat', slopePerDay: 0, p: 0.41, days: 28 }],
    });
  });

  it('is insufficient_data where the trend is, with the days it has and needs', () => {
    const h = health('fcr', trendOf({ direction: 'insufficient_data', points: 5 }), stable, 28);
    expect(h).toEqual({
      health: 'insufficient_data',
      reasons: [{ kind: 'too_few_points', points: 5, days: 28, min: 8 }],
    });
  });
});
