import { describe, expect, it } from 'vitest';
import { contactMix } from '../../src/analytics/mix.ts';

const PERIODS = {
  baseline: { from: '2026-09-27', to: '2026-10-24' },
  recent: { from: '2026-10-25', to: '2026-10-31' },
};
const counts = (o: Record<string, number>) => new Map(Object.entries(o));

describe('contactMix', () => {
  // Baseline a 100, b 80, c 6, d 4 (190); recent a 20, b 40, c 3, d 1 (64); N = 254.
  // Expected recent counts: c 64·9/254 = 2.27 and d 64·5/254 = 1.26 are under 5 → pooled into
  // other (10 before, 4 after; its own expected 3.53 is kept). a, b: column 120 →
  // E_before = 89.764, E_after = 30.236. χ² (by hand, checked in python3) =
  // 10.236²/89.764 + 10.236²/30.236 + 9.764²/89.764 + 9.764²/30.236 + 0.472²/10.472 + 0.472²/3.528
  // = 8.93217; df = 3 − 1 = 2, and for df 2 the tail is exactly exp(−χ²/2) = 0.011492.
  const before = { a: 100, b: 80, c: 6, d: 4 };
  const after = { a: 20, b: 40, c: 3, d: 1 };

  it('pools reasons with an expected count under 5 into other and computes χ² on the pooled table', () => {
    const mix = contactMix(counts(before), counts(after), PERIODS);
    expect(mix.df).toBe(2);
    expect(mix.chiSquare).toBeCloseTo(8.93217418546366, 9);
    expect(mix.p).toBeCloseTo(Math.exp(-8.93217418546366 / 2), 9);
    expect(mix.drivers.map((d) => d.reason).sort()).toEqual(['a', 'b', 'other']);
    expect(mix.drivers.find((d) => d.reason === 'other')).toMatchObject({
      countBefore: 10,
      countAfter: 4,
    });
  });

  it('does not call p = 0.0115 a shift (needs p < 0.01)', () => {
    expect(contactMix(counts(before), counts(after), PERIODS).shift).toBe(false);
  });

  it('calls a shift on the same proportions with twice the contacts, drivers by |Δ share|', () => {
    // Doubling every count doubles χ² (pooling unchanged: c's expected 4.54 < 5) → 17.864,
    // p = exp(−8.932) = 1.32e-4. Shares: a 0.5263 → 0.3125 (Δ −0.2138), b 0.4211 → 0.625 (+0.2039),
    // other 0.0526 → 0.0625. Residual of recent b: (80 − 60.472)/√(60.472·(1 − 128/508)·(1 − 240/508))
    // = 3.997364 (python3; it is the undoubled residual 2.826563 times √2).
    const dbl = (o: Record<string, number>) =>
      counts(Object.fromEntries(Object.entries(o).map(([k, v]) => [k, 2 * v])));
    const mix = contactMix(dbl(before), dbl(after), PERIODS);
    expect(mix.shift).toBe(true);
    expect(mix.chiSquare).toBeCloseTo(2 * 8.93217418546366, 9);
    expect(mix.drivers.map((d) => d.reason)).toEqual(['a', 'b', 'other']);
    expect(mix.drivers[0]).toMatchObject({ before: 200 / 380, after: 40 / 128 });
    expect(mix.drivers[1]?.residual).toBeCloseTo(2.8265633889545008 * Math.SQRT2, 9);
    expect(mix.drivers[0]?.residual).toBeLessThan(0);
  });

  it('runs no test when one period has no contacts', () => {
    const mix = contactMix(counts({ a: 10 }), counts({}), PERIODS);
    expect(mix).toMatchObject({ shift: false, chiSquare: null, p: null, nBefore: 10, nAfter: 0 });
  });

  it('refuses a negative count, naming the period and reason', () => {
    expect(() => contactMix(counts({ a: -1 }), counts({ a: 1 }), PERIODS)).toThrow(
      'contactMix: baseline count for "a" must be a number ≥ 0, got -1',
    );
  });
});
