import { describe, expect, it } from 'vitest';
import { percentiles } from '../../src/analytics/percentiles.ts';

describe('percentiles', () => {
  it('gives tied values the average of their ranks', () => {
    // Worst→best: d (rank 1), b and c tie on ranks 2 and 3 → 2.5, a rank 4; N = 4.
    // p = (rank − 1)/3: d 0, b = c = 1.5/3 = 0.5, a 1.
    const p = percentiles(
      new Map([
        ['a', 0.9],
        ['b', 0.8],
        ['c', 0.8],
        ['d', 0.7],
      ]),
      'higher',
    );
    expect(Object.fromEntries(p)).toEqual({ a: 1, b: 0.5, c: 0.5, d: 0 });
  });

  it('ranks lower-is-better metrics with the shortest time best', () => {
    // aht 200 best (p 1), 300 middle (0.5), 400 worst (0).
    const p = percentiles(
      new Map([
        ['x', 400],
        ['y', 200],
        ['z', 300],
      ]),
      'lower',
    );
    expect(Object.fromEntries(p)).toEqual({ x: 0, y: 1, z: 0.5 });
  });

  it('leaves out agents without a value and gives a lone agent 0.5', () => {
    const p = percentiles(
      new Map<string, number | null>([
        ['a', null],
        ['b', 0.7],
      ]),
      'higher',
    );
    expect(Object.fromEntries(p)).toEqual({ b: 0.5 });
  });
});
