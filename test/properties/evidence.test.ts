/**
 * Properties of the v2 evidence rules (METRICS.md v2), over generated inputs:
 * - shrinkage never reorders two agents with equal n, and always moves a rate toward μ
 *   (never past it);
 * - when every day has the same n, the Laney p′ limits equal the XmR limits of the daily
 *   rates within 0.1% of the XmR half-width: p′ uses 3/1.128 = 2.6596, XmR 2.66 (apart
 *   from clipping at 0 and 1, which both do).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pPrime } from '../../src/analytics/p-prime.ts';
import { shrinkRates } from '../../src/analytics/shrinkage.ts';
import { xmr } from '../../src/analytics/xmr.ts';
import { addDays } from '../../src/domain/dates.ts';

const agentsArb = fc
  .array(
    fc
      .integer({ min: 1, max: 500 })
      .chain((n) => fc.record({ n: fc.constant(n), x: fc.integer({ min: 0, max: n }) })),
    { minLength: 3, maxLength: 30 },
  )
  .map((list) => list.map((a, i) => ({ id: `a${i}`, ...a })));

describe('shrinkage properties', () => {
  it('never reorders two agents with equal n', () => {
    fc.assert(
      fc.property(agentsArb, fc.integer({ min: 1, max: 500 }), (agents, n) => {
        // Give the first two agents the same n, keeping x ≤ n.
        const [a, b] = agents as [(typeof agents)[0], (typeof agents)[0]];
        a.n = n;
        b.n = n;
        a.x = Math.min(a.x, n);
        b.x = Math.min(b.x, n);
        const s = shrinkRates(agents);
        const va = s.values.get(a.id) as number;
        const vb = s.values.get(b.id) as number;
        if (a.x < b.x) expect(va).toBeLessThanOrEqual(vb);
        if (a.x > b.x) expect(va).toBeGreaterThanOrEqual(vb);
        if (a.x === b.x) expect(va).toBe(vb);
      }),
      { numRuns: 300 },
    );
  });

  it('moves every rate toward μ and never past it', () => {
    fc.assert(
      fc.property(agentsArb, (agents) => {
        const s = shrinkRates(agents);
        const mu = s.mu as number;
        for (const a of agents) {
          const r = a.x / a.n;
          const v = s.values.get(a.id) as number;
          expect(Math.abs(v - mu)).toBeLessThanOrEqual(Math.abs(r - mu) + 1e-12);
          expect((v - mu) * (r - mu)).toBeGreaterThanOrEqual(-1e-15);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('p′ against XmR when every day has the same n', () => {
  it('gives the same limits within 0.1% of the half-width', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 2000 }),
        fc.array(fc.double({ min: 0.02, max: 0.98, noNaN: true }), { minLength: 2, maxLength: 40 }),
        (n, rates) => {
          const series = rates.map((r, i) => {
            const x = Math.round(r * n);
            return { date: addDays('2026-10-01', i), value: x / n, n };
          });
          const p = pPrime(series, 'csat');
          const x = xmr(series, 'csat');
          if (p.mean === null || p.mean <= 0 || p.mean >= 1) return;
          expect(p.mean).toBeCloseTo(x.mean as number, 12);
          const half = 2.66 * (x.mrBar as number);
          const tolerance = 0.001 * half + 1e-12;
          for (const l of p.limits) {
            expect(Math.abs(l.ucl - (x.ucl as number))).toBeLessThanOrEqual(tolerance);
            expect(Math.abs(l.lcl - (x.lcl as number))).toBeLessThanOrEqual(tolerance);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
