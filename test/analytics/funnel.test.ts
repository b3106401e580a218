import { describe, expect, it } from 'vitest';
import { funnel, funnelLimits } from '../../src/analytics/funnel.ts';

// Limits worked out by hand (and checked with a Python one-off): m = 0.8, sd = √(m(1 − m)/n).
describe('funnelLimits', () => {
  it('at n = 100: sd 0.04, 95% 0.7216 – 0.8784, 99.8% 0.6764 – 0.9236', () => {
    const l = funnelLimits(0.8, 100);
    expect(l.lo95).toBeCloseTo(0.7216, 12);
    expect(l.hi95).toBeCloseTo(0.8784, 12);
    expect(l.lo998).toBeCloseTo(0.6764, 12);
    expect(l.hi998).toBeCloseTo(0.9236, 12);
  });

  it('narrows with n: at n = 400, sd 0.02, 99.8% 0.7382 – 0.8618', () => {
    const l = funnelLimits(0.8, 400);
    expect(l.lo998).toBeCloseTo(0.7382, 12);
    expect(l.hi998).toBeCloseTo(0.8618, 12);
  });

  it('clips at 1: at n = 25 the 99.8% upper limit 1.0472 becomes 1', () => {
    const l = funnelLimits(0.8, 25);
    expect(l.lo998).toBeCloseTo(0.5528, 12);
    expect(l.hi998).toBe(1);
  });
});

describe('funnel', () => {
  it('flags only an agent outside the 99.8% limits on the bad side', () => {
    // m = (60 + 340 + 16 + 39)/(100 + 400 + 25 + 40) = 455/565 = 0.80531 (Python one-off).
    const f = funnel(
      [
        { id: 'low-many', x: 60, n: 100 }, // 0.60 on 100
        { id: 'high-many', x: 340, n: 400 }, // 0.85 on 400
        { id: 'low-few', x: 16, n: 25 }, // 0.64 on 25
        { id: 'perfect-few', x: 39, n: 40 }, // 0.975 on 40
      ],
      'higher',
    );
    const m = (60 + 340 + 16 + 39) / 565;
    expect(f.pooled).toBeCloseTo(m, 12);
    const by = new Map(f.points.map((p) => [p.id, p]));
    // By hand: at n = 100, 99.8% low = m − 3.09·√(m(1 − m)/100) = 0.80531 − 0.12235 = 0.68296.
    expect(by.get('low-many')).toMatchObject({ outside998: 'below', flagged: true });
    // n = 25: 99.8% low = 0.80531 − 3.09·0.07919 = 0.56061; 0.64 is inside it, below 95% (0.65009).
    expect(by.get('low-few')).toMatchObject({
      outside95: 'below',
      outside998: null,
      flagged: false,
    });
    // n = 40: 99.8% high = 0.80531 + 3.09·0.06261 = 0.99877; 0.975 is inside 99.8%, above 95%.
    expect(by.get('perfect-few')).toMatchObject({
      outside95: 'above',
      outside998: null,
      flagged: false,
    });
    // n = 400: 95% high = 0.80531 + 1.96·0.01980 = 0.84411, 99.8% high 0.86649: 0.85 between.
    expect(by.get('high-many')).toMatchObject({
      outside95: 'above',
      outside998: null,
      flagged: false,
    });
  });

  it('flags the high side for a lower-is-better rate', () => {
    const f = funnel(
      [
        { id: 'a', x: 10, n: 100 },
        { id: 'b', x: 10, n: 100 },
        { id: 'c', x: 40, n: 100 },
      ],
      'lower',
    );
    expect(f.points.map((p) => p.flagged)).toEqual([false, false, true]);
  });

  it('refuses no agents and n = 0', () => {
    expect(() => funnel([], 'higher')).toThrow(/at least one agent/);
    expect(() => funnel([{ id: 'a', x: 0, n: 0 }], 'higher')).toThrow(/n > 0/);
  });
});
