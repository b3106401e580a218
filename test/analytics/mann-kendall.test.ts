import { describe, expect, it } from 'vitest';
import { mannKendall } from '../../src/analytics/mann-kendall.ts';

describe('mannKendall', () => {
  it('corrects Var(S) for one pair of ties', () => {
    // [1, 2, 2, 3]: pairs +,+,+,0,+,+ → S = 5.
    // Var(S) = (4·3·13 − 2·1·9)/18 = (156 − 18)/18 = 7.6667; Z = (5 − 1)/√7.6667 = 1.444630.
    // p from python3: 2*(1 - statistics.NormalDist().cdf(1.4446302370292303)) = 0.148562.
    const r = mannKendall([1, 2, 2, 3]);
    expect(r.s).toBe(5);
    expect(r.varS).toBeCloseTo(138 / 18, 12);
    expect(r.z).toBeCloseTo(1.4446302370292303, 10);
    expect(r.p).toBeCloseTo(0.14856177489186884, 8);
  });

  it('corrects Var(S) for several tie groups and uses S + 1 when S is negative', () => {
    // [5, 4, 4, 3, 2, 2, 1, 0]: 28 pairs, two tied pairs, all others fall → S = −26.
    // Var(S) = (8·7·21 − 2·(2·1·9))/18 = (1176 − 36)/18 = 63.3333; Z = (−26 + 1)/√63.333 = −3.141404.
    // p (python3 NormalDist) = 0.0016814.
    const r = mannKendall([5, 4, 4, 3, 2, 2, 1, 0]);
    expect(r.s).toBe(-26);
    expect(r.varS).toBeCloseTo(1140 / 18, 12);
    expect(r.z).toBeCloseTo(-3.141404312187716, 10);
    expect(r.p).toBeCloseTo(0.0016813974144125332, 8);
  });

  it('handles three tie groups in a noisy series', () => {
    // [3,1,4,1,5,9,2,6,5,3]: ties 1×2, 3×2, 5×2 → Var(S) = (10·9·25 − 3·18)/18 = 2196/18 = 122.
    // S = 12 counted in python3 with sum(sign(y_j − y_i)); Z = 11/√122 = 0.995893, p = 0.319302.
    const r = mannKendall([3, 1, 4, 1, 5, 9, 2, 6, 5, 3]);
    expect(r.s).toBe(12);
    expect(r.varS).toBe(122);
    expect(r.z).toBeCloseTo(11 / Math.sqrt(122), 12);
    expect(r.p).toBeCloseTo(0.31930203648285493, 8);
  });

  it('gives Z = 0 and p = 1 when S = 0', () => {
    // [2, 1, 1, 2]: (2,1)−, (2,1)−, (2,2)0, (1,1)0, (1,2)+, (1,2)+ → S = 0 → Z = 0, p = 2(1 − Φ(0)) = 1.
    const r = mannKendall([2, 1, 1, 2]);
    expect(r.s).toBe(0);
    expect(r.z).toBe(0);
    expect(r.p).toBe(1);
  });

  it('returns p = 1 when every value is tied', () => {
    expect(mannKendall([4, 4, 4, 4])).toEqual({ s: 0, varS: 0, z: 0, p: 1 });
  });

  it('refuses non-finite values, naming the position', () => {
    expect(() => mannKendall([1, Number.NaN])).toThrow(
      'mannKendall value 1 is not a finite number',
    );
  });
});
