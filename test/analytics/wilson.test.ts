import { describe, expect, it } from 'vitest';
import { wilson } from '../../src/analytics/wilson.ts';

// Expected values from scipy 1.17: binomtest(x, n).proportion_ci(0.95, method='wilson'),
// an independent implementation (it uses z = 1.95996398…, so they agree to ~1e-8).
describe('wilson', () => {
  const cases: [number, number, number, number][] = [
    [0, 1, 0, 0.7934506856227626],
    [1, 1, 0.20654931437723745, 1],
    [0, 10, 0, 0.27753279986288926],
    [8, 10, 0.4901624715366418, 0.9433178485456248],
    [10, 10, 0.7224672001371109, 1],
    [0, 1000, 0, 0.0038267584855551234],
    [835, 1000, 0.8107207516702333, 0.8567153201444446],
    [1000, 1000, 0.9961732415144449, 1],
    [147, 176, 0.7733773536409897, 0.8827561139909014],
  ];
  for (const [x, n, lo, hi] of cases) {
    it(`gives ${lo.toFixed(4)} – ${hi.toFixed(4)} for ${x} of ${n}`, () => {
      const [a, b] = wilson(x, n);
      expect(a).toBeCloseTo(lo, 7);
      expect(b).toBeCloseTo(hi, 7);
    });
  }

  it('stays inside [0, 1] at r = 0 and r = 1', () => {
    for (const n of [1, 10, 1000]) {
      expect(wilson(0, n)[0]).toBeGreaterThanOrEqual(0);
      expect(wilson(n, n)[1]).toBeLessThanOrEqual(1);
    }
  });

  it('refuses n = 0 and x beyond n', () => {
    expect(() => wilson(0, 0)).toThrow(/n > 0/);
    expect(() => wilson(11, 10)).toThrow(/0 ≤ x ≤ n/);
  });
});
