import { describe, expect, it } from 'vitest';
import { agentFunnel, funnel, funnelLimits } from '../../src/analytics/funnel.ts';

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

describe('agentFunnel', () => {
  // a: 1 of 49 CSAT answers; b: 48 of 49. In floating point (1/49)·49 = 0.9999999999999999,
  // so a value times n is not the count; the funnel takes the summed counts as they are.
  const agents = [
    { id: 'a', numerators: { csat: 1 }, n: { csat: 49 } },
    { id: 'b', numerators: { csat: 48 }, n: { csat: 49 } },
    { id: 'thin', numerators: {}, n: { csat: 0 } },
    { id: 'none', numerators: {}, n: {} },
  ];

  it('pools and places agents from their summed numerators and n', () => {
    expect((1 / 49) * 49).not.toBe(1);
    const f = agentFunnel(agents, 'csat');
    // m = (1 + 48)/(49 + 49) = 49/98 = 0.5, exactly.
    expect(f?.pooled).toBe(0.5);
    // Agents with n = 0 (or no n) are left out; the rest keep their order.
    expect(f?.points.map((p) => [p.id, p.n, p.rate])).toEqual([
      ['a', 49, 1 / 49],
      ['b', 49, 48 / 49],
    ]);
    // At n = 49: sd = √(0.25/49) = 0.5/7 = 0.0714286; 99.8% limits 0.5 ∓ 3.09·0.0714286 =
    // 0.279286 – 0.720714. a (0.0204) is below: flagged for CSAT; b (0.9796) above: not.
    expect(f?.points.map((p) => [p.outside998, p.flagged])).toEqual([
      ['below', true],
      ['above', false],
    ]);
  });

  it('uses the numerator, not a value rebuilt from a rounded rate', () => {
    // A report value shown to two places (0.02 for 1/49) would rebuild x as round(0.98) = 1
    // here, but 0.5 (a wrong value) would give 25: the funnel must not read values at all.
    const withValues = agents.map((a) => ({ ...a, values: { csat: 0.5 } }));
    expect(agentFunnel(withValues, 'csat')?.points.map((p) => p.rate)).toEqual([1 / 49, 48 / 49]);
  });

  it('is null when no agent has n > 0 on the metric', () => {
    expect(agentFunnel(agents, 'fcr')).toBeNull();
  });
});
