import { describe, expect, it } from 'vitest';
import { shrinkRates } from '../../src/analytics/shrinkage.ts';

// Expected values from Python one-offs (plain arithmetic on the METRICS.md formulas, not
// this code), printed with repr().
describe('shrinkRates', () => {
  it('with τ² > 0 pulls each rate toward μ, the thinly measured agent most', () => {
    // r = 0.9, 0.5, 1; μ = 0.8; v = 0.07; e = 0.16·mean(1/10, 1/100, 1/20) = 0.0085333;
    // τ² = 0.0614667; κ = 0.16/τ² − 1 = 1.6030368763557488.
    const s = shrinkRates([
      { id: 'a', x: 9, n: 10 },
      { id: 'b', x: 50, n: 100 },
      { id: 'c', x: 20, n: 20 },
    ]);
    expect(s.method).toBe('shrunk');
    expect(s.mu).toBeCloseTo(0.8, 12);
    expect(s.tau2).toBeCloseTo(0.06146666666666667, 12);
    expect(s.kappa).toBeCloseTo(1.6030368763557488, 10);
    expect(s.values.get('a')).toBeCloseTo(0.8861843335202841, 10);
    expect(s.values.get('b')).toBeCloseTo(0.5047332351245757, 10);
    expect(s.values.get('c')).toBeCloseTo(0.985159152525354, 10);
  });

  it('ranks 12 answers at 75% apart from 400 at 75% when agents do differ', () => {
    // r = 0.8333, 0.8325, 0.95, 0.55 (n 12, 400, 400, 400): μ = 0.7914583, τ² = 0.0252105,
    // κ = 5.5469692; few → 0.8200958, many → 0.8319386 (Python one-off).
    const s = shrinkRates([
      { id: 'few', x: 10, n: 12 },
      { id: 'many', x: 333, n: 400 },
      { id: 'high', x: 380, n: 400 },
      { id: 'low', x: 220, n: 400 },
    ]);
    expect(s.method).toBe('shrunk');
    // Raw, the thin agent ranks first of the two (83.3% > 83.25%); shrunk, it ranks below.
    expect(s.values.get('few')).toBeCloseTo(0.8200957575798912, 10);
    expect(s.values.get('many')).toBeCloseTo(0.8319386424348361, 10);
  });

  it('with τ² ≤ 0 ties everyone at μ (no difference beyond chance)', () => {
    // r = 10/12, 74/100, 300/400 = 0.8333, 0.74, 0.75; μ = 0.7744444; v = 0.0026259;
    // e = μ(1 − μ)·mean(1/12, 1/100, 1/400) = 0.0055801; τ² = −0.0029541 (Python one-off).
    const s = shrinkRates([
      { id: 'a', x: 10, n: 12 },
      { id: 'b', x: 74, n: 100 },
      { id: 'c', x: 300, n: 400 },
    ]);
    expect(s.method).toBe('tied');
    expect(s.tau2).toBeCloseTo(-0.002954137517146775, 10);
    const mu = (10 / 12 + 0.74 + 0.75) / 3;
    expect([...s.values.values()]).toEqual([mu, mu, mu].map((v) => expect.closeTo(v, 12)));
  });

  it('with N < 3 keeps the raw rates', () => {
    const s = shrinkRates([
      { id: 'a', x: 1, n: 4 },
      { id: 'b', x: 90, n: 100 },
    ]);
    expect(s.method).toBe('raw');
    expect(s.values).toEqual(
      new Map([
        ['a', 0.25],
        ['b', 0.9],
      ]),
    );
  });

  it('refuses n = 0, x beyond n and a repeated id', () => {
    expect(() => shrinkRates([{ id: 'a', x: 0, n: 0 }])).toThrow(/n > 0/);
    expect(() => shrinkRates([{ id: 'a', x: 5, n: 4 }])).toThrow(/0 ≤ x ≤ n/);
    expect(() =>
      shrinkRates([
        { id: 'a', x: 1, n: 4 },
        { id: 'a', x: 1, n: 4 },
      ]),
    ).toThrow(/twice/);
  });
});
