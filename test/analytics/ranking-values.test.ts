import { describe, expect, it } from 'vitest';
import { rankingValues } from '../../src/analytics/ranking-values.ts';
import { emptySums, type Sums } from '../../src/domain/metrics.ts';

const sums = (over: Partial<Sums>): Sums => ({ ...emptySums(), contacts_handled: 100, ...over });
const options = { eligibilityFloor: 30, qaMinEvaluations: 5 };

describe('rankingValues', () => {
  it('shrinks CSAT over the eligible agents of the group (the shrinkage.ts fixture)', () => {
    // CSAT 9/10, 50/100, 20/20 → 0.8861843…, 0.5047332…, 0.9851592… (Python one-off there).
    const v = rankingValues(
      [
        { id: 'a', group: 'g', sums: sums({ csat_positive: 9, csat_responses: 10 }) },
        { id: 'b', group: 'g', sums: sums({ csat_positive: 50, csat_responses: 100 }) },
        { id: 'c', group: 'g', sums: sums({ csat_positive: 20, csat_responses: 20 }) },
        // Under the floor: never ranked, and takes no part in μ.
        {
          id: 'd',
          group: 'g',
          sums: sums({ contacts_handled: 29, csat_positive: 0, csat_responses: 29 }),
        },
      ],
      options,
    );
    expect(v.get('a')?.csat).toBeCloseTo(0.8861843335202841, 10);
    expect(v.get('b')?.csat).toBeCloseTo(0.5047332351245757, 10);
    expect(v.get('c')?.csat).toBeCloseTo(0.985159152525354, 10);
    expect(v.has('d')).toBe(false);
  });

  it('shrinks within each peer group on its own (two agents: raw rates)', () => {
    const v = rankingValues(
      [
        { id: 'a', group: 'g1', sums: sums({ csat_positive: 9, csat_responses: 10 }) },
        { id: 'b', group: 'g1', sums: sums({ csat_positive: 50, csat_responses: 100 }) },
        { id: 'c', group: 'g2', sums: sums({ csat_positive: 20, csat_responses: 20 }) },
      ],
      options,
    );
    expect(v.get('a')?.csat).toBe(0.9);
    expect(v.get('b')?.csat).toBe(0.5);
    expect(v.get('c')?.csat).toBe(1);
  });

  it('ranks QA only from 5 evaluations, and handle time raw', () => {
    const v = rankingValues(
      [
        {
          id: 'a',
          group: 'g',
          sums: sums({
            qa_evaluations: 4,
            qa_score_total: 400,
            handle_time_sec: 30000,
            aht_contacts: 100,
          }),
        },
        { id: 'b', group: 'g', sums: sums({ qa_evaluations: 5, qa_score_total: 400 }) },
      ],
      options,
    );
    expect(v.get('a')).toEqual({ aht: 300 });
    expect(v.get('b')).toEqual({ qa: 80 });
  });
});
