/**
 * The pattern knobs turned into day effects and reason mixes, with values worked out by
 * hand from the planted figures; and the seeded random source they draw from.
 */
import { describe, expect, it } from 'vitest';
import { dayEffects } from '../../src/demo/agent-days.ts';
import { mixOn } from '../../src/demo/contacts.ts';
import { createRandom } from '../../src/demo/random.ts';

describe('dayEffects', () => {
  it('lowers TM02 CSAT by 30 days × 0.8 points = 0.24 on the anchor day', () => {
    expect(dayEffects('TM02', 0).csat).toBeCloseTo(-0.24, 10);
  });

  it('lowers TM02 CSAT by 20 × 0.008 = 0.16 ten days before the anchor, and not at all before 1 October', () => {
    expect(dayEffects('TM02', 10).csat).toBeCloseTo(-0.16, 10);
    expect(dayEffects('TM02', 30).csat).toBe(0);
    expect(dayEffects('TM02', 45).csat).toBe(0);
  });

  it('speeds TM05 up by 41 × 3 s = 123 s on the anchor day while QA loses 41 × 0.45 = 18.45 points', () => {
    const e = dayEffects('TM05', 0);
    expect(e.ahtSeconds).toBeCloseTo(-123, 10);
    expect(e.qa).toBeCloseTo(-18.45, 10);
    expect(e.fcr).toBeCloseTo(-0.1435, 10);
  });

  it('puts TM03 incidents on 4, 11 and 19 days before the anchor only', () => {
    const incidentDays = [...Array(60).keys()].filter((d) => dayEffects('TM03', d).incident);
    expect(incidentDays).toEqual([4, 11, 19]);
  });

  it('leaves a healthy team untouched', () => {
    for (const d of [0, 10, 40, 179])
      expect(dayEffects('TM08', d)).toEqual({ csat: 0, fcr: 0, ahtSeconds: 0, qa: 0 });
  });
});

describe('mixOn', () => {
  it('gives TM07 refund 35% in the last 7 days, the other reasons scaled by 0.65/0.86', () => {
    const mix = mixOn('TM07', 6);
    expect(mix.refund).toBe(0.35);
    // billing was 0.44 of all; now 0.44 × 0.65 / 0.86 = 0.332558…
    expect(mix.billing).toBeCloseTo(0.332558, 5);
    expect(Object.values(mix).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('keeps TM07 on its usual mix (refund 14%) from 7 days before the anchor', () => {
    expect(mixOn('TM07', 7).refund).toBe(0.14);
  });

  it('never shifts another team', () => {
    expect(mixOn('TM01', 0)).toEqual(mixOn('TM01', 60));
  });

  it('names an unknown team', () => {
    expect(() => mixOn('TM99', 0)).toThrow(/unknown demo team TM99/);
  });
});

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and stream', () => {
    const a = createRandom(5, 'kpis:TM01');
    const b = createRandom(5, 'kpis:TM01');
    expect([a.next(), a.next(), a.next()]).toEqual([b.next(), b.next(), b.next()]);
  });

  it('gives independent sequences to different streams and seeds', () => {
    const first = (seed: number, stream: string) => createRandom(seed, stream).next();
    expect(first(5, 'kpis:TM01')).not.toBe(first(5, 'kpis:TM02'));
    expect(first(5, 'kpis:TM01')).not.toBe(first(6, 'kpis:TM01'));
  });

  it('draws binomials inside 0…n, exactly 0 or n at p = 0 or 1', () => {
    const r = createRandom(1, 'test');
    for (const n of [0, 1, 7, 60, 500]) {
      for (let i = 0; i < 50; i++) {
        const k = r.binomial(n, 0.3);
        expect(Number.isInteger(k) && k >= 0 && k <= n).toBe(true);
      }
      expect(r.binomial(n, 0)).toBe(0);
      expect(r.binomial(n, 1)).toBe(n);
    }
  });

  it('rejects a seed that is not a whole number', () => {
    expect(() => createRandom(0.5, 'x')).toThrow(/whole-number seed, got 0.5/);
  });
});
