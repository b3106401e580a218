import { describe, expect, it } from 'vitest';
import { xmr } from '../../src/analytics/xmr.ts';
import { addDays } from '../../src/domain/dates.ts';
import type { SeriesPoint } from '../../src/domain/report-types.ts';

const FROM = '2026-10-01';
const series = (values: number[]): SeriesPoint[] =>
  values.map((value, i) => ({ date: addDays(FROM, i), value, n: 10 }));
const day = (i: number) => addDays(FROM, i);

describe('xmr limits', () => {
  it('computes CL, MR̄, limits and CV', () => {
    // By hand: CL = 46/4 = 11.5; MR = 2, 1, 2 → MR̄ = 5/3;
    // UCL = 11.5 + 2.66·5/3 = 15.9333, LCL = 7.0667; population var = (2.25+0.25+0.25+2.25)/4 = 1.25.
    const s = xmr(series([10, 12, 11, 13]), 'aht');
    expect(s.mean).toBe(11.5);
    expect(s.mrBar).toBeCloseTo(5 / 3, 12);
    expect(s.ucl).toBeCloseTo(11.5 + (2.66 * 5) / 3, 12);
    expect(s.lcl).toBeCloseTo(11.5 - (2.66 * 5) / 3, 12);
    expect(s.cv).toBeCloseTo(Math.sqrt(1.25) / 11.5, 12);
    expect(s.status).toBe('stable');
    expect(s.signals).toEqual([]);
  });

  it('clips LCL at the floor and UCL at the ceiling of a rate', () => {
    // CL = 0.5, MR̄ = 0.8 → raw limits 0.5 ± 2.128 = −1.628 / 2.628 → clipped to 0 and 1.
    const s = xmr(series([0.1, 0.9, 0.1, 0.9]), 'csat');
    expect(s.lcl).toBe(0);
    expect(s.ucl).toBe(1);
  });

  it('treats a point exactly on a (clipped) limit as inside', () => {
    // Limits clip to 0 and 1 as above; the points 0 and 1 sit on them, not beyond.
    const s = xmr(series([0, 0.9, 0.1, 1]), 'csat');
    expect(s.lcl).toBe(0);
    expect(s.ucl).toBe(1);
    expect(s.signals.filter((x) => x.rule === 'beyond_limits')).toEqual([]);
    expect(s.status).toBe('stable');
  });

  it('has no limits with a single point', () => {
    expect(xmr(series([0.9]), 'csat')).toMatchObject({
      status: 'insufficient_data',
      ucl: null,
      mean: 0.9,
    });
  });
});

describe('xmr signals', () => {
  it('flags a point above UCL as beyond_limits, bad for handle time, and the chart volatile', () => {
    // By hand: CL = (5·100 + 4·102 + 140)/10 = 104.8; MR = eight 2s and one 40 → MR̄ = 56/9 = 6.2222;
    // UCL = 104.8 + 2.66·6.2222 = 121.351 (python3 agrees), so 140 is above; LCL 88.249, nothing below.
    const s = xmr(series([100, 102, 100, 102, 100, 102, 100, 102, 100, 140]), 'aht');
    expect(s.ucl).toBeCloseTo(121.35111111111111, 9);
    expect(s.signals.filter((x) => x.rule === 'beyond_limits')).toEqual([
      { rule: 'beyond_limits', dates: [day(9)], points: [day(9)], side: 'above', bad: true },
    ]);
    expect(s.status).toBe('volatile');
  });

  it('does not flag 7 points on one side of the centre', () => {
    // 7 below (80/82) then 7 above (90/88): sum 566 + 624 = 1190 → CL = 85 exactly.
    const s = xmr(series([80, 82, 80, 82, 80, 82, 80, 90, 88, 90, 88, 90, 88, 90]), 'qa');
    expect(s.mean).toBe(85);
    expect(s.signals.filter((x) => x.rule === 'run')).toEqual([]);
  });

  it('flags 8 points below the centre as a run, bad for QA, and 8 above as a good run', () => {
    // 8 below then 8 above: 648 + 712 = 1360 → CL = 85.
    const s = xmr(series([80, 82, 80, 82, 80, 82, 80, 82, 88, 90, 88, 90, 88, 90, 88, 90]), 'qa');
    const runs = s.signals.filter((x) => x.rule === 'run');
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ dates: [day(0), day(7)], side: 'below', bad: true });
    expect(runs[0]?.points).toHaveLength(8);
    expect(runs[1]).toMatchObject({ dates: [day(8), day(15)], side: 'above', bad: false });
  });

  it('breaks a run at a point equal to the centre', () => {
    // 4 below, 85, 4 below, then the same above: (648 + 712 + 170)/18 = 85 exactly.
    const s = xmr(
      series([80, 82, 80, 82, 85, 80, 82, 80, 82, 88, 90, 88, 90, 85, 88, 90, 88, 90]),
      'qa',
    );
    expect(s.mean).toBe(85);
    expect(s.signals.filter((x) => x.rule === 'run')).toEqual([]);
  });

  it('does not flag 5 rising points as a drift', () => {
    const s = xmr(series([100, 101, 102, 103, 104, 100]), 'aht');
    expect(s.signals.filter((x) => x.rule === 'drift')).toEqual([]);
  });

  it('flags 6 points each higher than the last as an upward drift, bad for handle time', () => {
    const s = xmr(series([100, 101, 102, 103, 104, 105, 100]), 'aht');
    const drifts = s.signals.filter((x) => x.rule === 'drift');
    expect(drifts).toEqual([
      {
        rule: 'drift',
        dates: [day(0), day(5)],
        points: [0, 1, 2, 3, 4, 5].map(day),
        side: 'up',
        bad: true,
      },
    ]);
  });

  it('flags a downward drift of 6 as bad for CSAT', () => {
    const s = xmr(series([0.5, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7]), 'csat');
    expect(s.signals.filter((x) => x.rule === 'drift')).toMatchObject([
      { dates: [day(1), day(6)], side: 'down', bad: true },
    ]);
  });

  it('breaks a drift at an equal value', () => {
    // 100,101,102 | 102,103,104,105: stretches of 3 and 4, neither reaches 6.
    const s = xmr(series([100, 101, 102, 102, 103, 104, 105]), 'aht');
    expect(s.signals.filter((x) => x.rule === 'drift')).toEqual([]);
  });
});
