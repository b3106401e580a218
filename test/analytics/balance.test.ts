import { describe, expect, it } from 'vitest';
import { balanceFlags } from '../../src/analytics/balance.ts';
import type { Metric } from '../../src/domain/metrics.ts';
import type { Direction } from '../../src/domain/report-types.ts';

const dirs = (d: Partial<Record<Metric, Direction>>): Record<Metric, Direction> => ({
  csat: 'flat',
  fcr: 'flat',
  aht: 'flat',
  qa: 'flat',
  answer_rate: 'flat',
  ...d,
});

describe('balanceFlags', () => {
  it('flags speed bought with quality: handle time improving while QA declines', () => {
    expect(balanceFlags(dirs({ aht: 'improving', qa: 'declining' }))).toEqual([
      {
        kind: 'speed_over_quality',
        improving: 'aht',
        declining: ['qa'],
      },
    ]);
  });

  it('flags the reverse: CSAT and FCR improving while handle time declines', () => {
    expect(
      balanceFlags(dirs({ aht: 'declining', csat: 'improving', fcr: 'improving' })),
    ).toMatchObject([
      { kind: 'quality_over_speed', improving: ['csat', 'fcr'], declining: ['aht'] },
    ]);
  });

  it('does not flag when both improve, or when answer rate (not a quality metric) declines', () => {
    expect(balanceFlags(dirs({ aht: 'improving', csat: 'improving' }))).toEqual([]);
    expect(balanceFlags(dirs({ aht: 'improving', answer_rate: 'declining' }))).toEqual([]);
  });
});
