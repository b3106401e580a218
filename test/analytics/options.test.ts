import { describe, expect, it } from 'vitest';
import { parseWeights, resolveReportOptions } from '../../src/analytics/options.ts';

describe('resolveReportOptions', () => {
  it('fills in the METRICS.md defaults', () => {
    expect(resolveReportOptions()).toEqual({
      windowDays: 28,
      eligibilityFloor: 30,
      topShare: 0.2,
      laggingShare: 0.2,
      weights: { csat: 1, fcr: 1, aht: 1, qa: 1, answer_rate: 1 },
      peerGroup: 'organisation',
      monthlyMonths: 6,
      qaMinEvaluations: 5,
    });
  });

  it('keeps weight 1 for metrics not named and ignores undefined overrides', () => {
    const o = resolveReportOptions({ weights: { csat: 2 }, windowDays: undefined });
    expect(o.weights).toEqual({ csat: 2, fcr: 1, aht: 1, qa: 1, answer_rate: 1 });
    expect(o.windowDays).toBe(28);
  });

  it('names every bad option at once', () => {
    expect(() => resolveReportOptions({ topShare: 1.5, windowDays: 0 })).toThrow(
      /windowDays must be a whole number of at least 2, got 0.*topShare must be between 0 and 1, got 1.5/,
    );
    expect(() => resolveReportOptions({ topShare: 0.6, laggingShare: 0.6 })).toThrow(
      'topShare + laggingShare must be at most 1',
    );
  });
});

describe('parseWeights', () => {
  it('reads metric=number pairs', () => {
    expect(parseWeights('csat=2, fcr=0.5')).toEqual({ csat: 2, fcr: 0.5 });
  });

  it('names an unknown metric or a bad number', () => {
    expect(() => parseWeights('nps=2')).toThrow('weights: unknown metric "nps"');
    expect(() => parseWeights('csat=-1')).toThrow('weights: csat must be a number ≥ 0, got "-1"');
    expect(() => parseWeights('csat')).toThrow('"csat" must look like metric=number');
  });
});
