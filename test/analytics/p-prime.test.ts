import { describe, expect, it } from 'vitest';
import { pPrime } from '../../src/analytics/p-prime.ts';
import { addDays } from '../../src/domain/dates.ts';
import type { SeriesPoint } from '../../src/domain/report-types.ts';

const FROM = '2026-10-01';
const day = (i: number) => addDays(FROM, i);
const counts = (xs: number[], ns: number[]): SeriesPoint[] =>
  xs.map((x, i) => ({ date: day(i), value: x / (ns[i] as number), n: ns[i] as number }));

describe('pPrime on a 10-day worked example', () => {
  // Worked out in a Python one-off (plain arithmetic, not this code), printed with repr():
  // p̄ = 724/864 = 0.8379629629629629; z_d = (p_d − p̄)/√(p̄(1 − p̄)/n_d);
  // MR̄_z = 1.3818780959498889; σ_z = MR̄_z/1.128 = 1.2250692339981286;
  // limits p̄ ± 3·σ_d·σ_z, clipped to [0, 1]:
  const ns = [120, 95, 14, 130, 110, 12, 18, 140, 100, 125];
  const xs = [100, 80, 9, 112, 90, 7, 16, 121, 85, 104];
  const expected: [number, number][] = [
    [0.7143366766432233, 0.9615892492827025],
    [0.6990190121162378, 0.976906913809688],
    [0.47602225744959253, 1],
    [0.7191866690220089, 0.9567392569039169],
    [0.7088395181406736, 0.9670864077852522],
    [0.4470223195244706, 1],
    [0.5187612642497487, 1],
    [0.7235072622279115, 0.9524186636980143],
    [0.7025371515271355, 0.9733887743987903],
    [0.7168344348515315, 0.9590914910743943],
  ];
  const s = pPrime(counts(xs, ns), 'csat');

  it('centres on the ratio of the sums, not the mean of the daily rates', () => {
    expect(s.chart).toBe('p_prime');
    expect(s.mean).toBeCloseTo(724 / 864, 12);
    expect(s.sigmaZ).toBeCloseTo(1.2250692339981286, 10);
    expect(s.mrBar).toBeCloseTo(1.3818780959498889, 10);
    expect(s.ucl).toBeNull();
    expect(s.lcl).toBeNull();
  });

  it('gives every day its own limits, wider on thin days, clipped at 1', () => {
    expect(s.limits.map((l) => l.date)).toEqual(ns.map((_, i) => day(i)));
    s.limits.forEach((l, i) => {
      const [lcl, ucl] = expected[i] as [number, number];
      expect(l.lcl, `lcl day ${i}`).toBeCloseTo(lcl, 10);
      expect(l.ucl, `ucl day ${i}`).toBeCloseTo(ucl, 10);
    });
    // The thin day (n = 12) has a band about three times as wide as the busy one (n = 140).
    const width = (i: number) => (s.limits[i]?.ucl ?? 0) - (s.limits[i]?.lcl ?? 0);
    expect(width(5)).toBeGreaterThan(width(7));
  });

  it('does not call a thin day’s low rate a signal (7 of 12 is inside its own limits)', () => {
    // 58.3% on 12 answers sits above its LCL 44.7%; on a 140-answer day the LCL is 72.4%.
    expect(s.signals).toEqual([]);
    expect(s.status).toBe('stable');
  });
});

describe('pPrime signals', () => {
  it('flags a busy day far below the centre, and the run of nine days above it', () => {
    // Python one-off: p̄ = 1565/2000 = 0.7825, σ_z = 1.0805417785772198, every n = 200, so
    // every day's limits are 0.6879373522458629 – 0.877062647754137; 120/200 = 0.6 is below.
    const s = pPrime(
      counts([160, 164, 158, 162, 159, 161, 163, 160, 158, 120], Array(10).fill(200)),
      'csat',
    );
    expect(s.sigmaZ).toBeCloseTo(1.0805417785772198, 10);
    expect(s.limits[9]?.lcl).toBeCloseTo(0.6879373522458629, 10);
    expect(s.signals).toEqual([
      { rule: 'beyond_limits', dates: [day(9)], points: [day(9)], side: 'below', bad: true },
      {
        rule: 'run',
        dates: [day(0), day(8)],
        points: [0, 1, 2, 3, 4, 5, 6, 7, 8].map(day),
        side: 'above',
        bad: false,
      },
    ]);
    expect(s.status).toBe('volatile');
  });
});

describe('pPrime edge cases', () => {
  it('has no limits with one day', () => {
    expect(pPrime(counts([9], [10]), 'csat')).toMatchObject({
      status: 'insufficient_data',
      mean: 0.9,
      limits: [],
      sigmaZ: null,
    });
  });

  it('draws no limits and signals nothing when every answer is positive (p̄ = 1, METRICS.md)', () => {
    const s = pPrime(counts([10, 4, 20], [10, 4, 20]), 'csat');
    expect(s.mean).toBe(1);
    expect(s.sigmaZ).toBeNull();
    expect(s.limits).toEqual([]);
    expect(s.signals).toEqual([]);
    expect(s.status).toBe('stable');
  });

  it('refuses a day with n = 0, which the series never holds', () => {
    expect(() => pPrime([{ date: FROM, value: 0.5, n: 0 }], 'csat')).toThrow(/n > 0/);
  });
});
