/**
 * The words for health reasons and balance flags (src/messages/reasons.ts): plain words
 * first, one phrase per rule and side with its days grouped, p only where asked for.
 */
import { describe, expect, it } from 'vitest';
import type { HealthReason } from '../../src/domain/report-types.ts';
import { balanceReason, reasonPhrases } from '../../src/messages/reasons.ts';
import { dayList } from '../../src/messages/words.ts';

const below = (dates: string[]): HealthReason => ({
  kind: 'signal',
  rule: 'beyond_limits',
  side: 'below',
  dates,
  level: 0.367,
});
const flat: HealthReason = { kind: 'trend', direction: 'flat', slopePerDay: 0, p: 0.678, days: 28 };

describe('reasonPhrases', () => {
  it('groups three days below the lower limit into one phrase and leaves a flat trend out (digest)', () => {
    const reasons = [below(['2026-10-12']), below(['2026-10-20']), below(['2026-10-27']), flat];
    expect(reasonPhrases('answer_rate', reasons, { withP: false, skipFlatTrend: true })).toEqual([
      'below its lower limit on 3 days: 12, 20 and 27 Oct',
    ]);
  });

  it('says a falling CSAT in pts a day with p, for a lead', () => {
    const fell: HealthReason = {
      kind: 'trend',
      direction: 'declining',
      slopePerDay: -0.004,
      p: 0.006,
      days: 28,
    };
    expect(reasonPhrases('csat', [fell], { withP: true })).toEqual([
      'fell about 0.4 pts a day over 28 days (p = 0.006)',
    ]);
  });

  it('says a rising handle time rose, in seconds', () => {
    const rose: HealthReason = {
      kind: 'trend',
      direction: 'declining',
      slopePerDay: 3,
      p: 0.0004,
      days: 28,
    };
    expect(reasonPhrases('aht', [rose], { withP: true })).toEqual([
      'rose about 3.0s a day over 28 days (p < 0.001)',
    ]);
  });

  it('keeps a flat trend when it is the only reason', () => {
    expect(reasonPhrases('qa', [flat], { withP: false, skipFlatTrend: true })).toEqual([
      'no sustained trend over 28 days',
    ]);
  });

  it('names a run by its length and its first and last day', () => {
    const run: HealthReason = {
      kind: 'signal',
      rule: 'run',
      side: 'below',
      dates: Array.from({ length: 8 }, (_, i) => `2026-10-${10 + i}`),
      level: 0.9,
    };
    expect(reasonPhrases('csat', [run], { withP: false })).toEqual([
      'below its centre line on 8 consecutive days with data: 10 Oct – 17 Oct',
    ]);
  });

  it('says too few points with the days it has and needs', () => {
    expect(
      reasonPhrases('fcr', [{ kind: 'too_few_points', points: 5, days: 28, min: 8 }], {
        withP: false,
      }),
    ).toEqual(['a value on 5 of the 28 days; a trend needs at least 8']);
  });
});

describe('dayList', () => {
  it('says the month once per run of days in it', () => {
    expect(dayList(['2026-10-27', '2026-10-12', '2026-10-20'])).toBe('12, 20 and 27 Oct');
    expect(dayList(['2026-09-30', '2026-10-02'])).toBe('30 Sep and 2 Oct');
    expect(dayList(['2026-10-02'])).toBe('2 Oct');
  });
});

describe('balanceReason', () => {
  it('says speed bought with quality, naming the declining quality metrics', () => {
    expect(balanceReason({ kind: 'speed_over_quality', improving: 'aht', declining: ['qa'] })).toBe(
      'Handle time is improving while QA score is declining: speed may be bought with quality',
    );
    expect(
      balanceReason({ kind: 'quality_over_speed', improving: ['csat', 'fcr'], declining: ['aht'] }),
    ).toBe(
      'CSAT and First-contact resolution are improving while Handle time is declining: quality may be bought with speed',
    );
  });
});
