import { describe, expect, it } from 'vitest';
import { assignTiers, type TierInput, tierCounts } from '../../src/analytics/tiers.ts';

const EQUAL = { csat: 1, fcr: 1, aht: 1, qa: 1, answer_rate: 1 };
const OPTIONS = { eligibilityFloor: 30, topShare: 0.2, laggingShare: 0.2, weights: EQUAL };
const agent = (id: string, csat: number, contacts = 100, group = 'org'): TierInput => ({
  id,
  group,
  contacts,
  values: { csat },
});

describe('tierCounts', () => {
  it('cuts round(0.2·N) at each end', () => {
    // 0.2·12 = 2.4 → 2; 0.2·13 = 2.6 → 3; 0.2·7 = 1.4 → 1; 0.2·2 = 0.4 → 0.
    expect(tierCounts(12, 0.2, 0.2)).toEqual({ top: 2, lagging: 2 });
    expect(tierCounts(13, 0.2, 0.2)).toEqual({ top: 3, lagging: 3 });
    expect(tierCounts(7, 0.2, 0.2)).toEqual({ top: 1, lagging: 1 });
    expect(tierCounts(2, 0.2, 0.2)).toEqual({ top: 0, lagging: 0 });
  });

  it('rounds a half up', () => {
    // 0.3·5 = 1.5 → 2 (the floating product is 1.4999…, which must not round down).
    expect(tierCounts(5, 0.3, 0.1)).toEqual({ top: 2, lagging: 1 });
  });
});

describe('assignTiers', () => {
  it('keeps agents under the floor out as insufficient_data and tiers those at it', () => {
    const r = assignTiers([agent('a', 0.9, 29), agent('b', 0.8, 30), agent('c', 0.7, 30)], OPTIONS);
    expect(r.get('a')).toEqual({ tier: 'insufficient_data', composite: null, percentiles: {} });
    // b, c: N = 2 → p = 1 and 0; round(0.4) = 0 top and lagging → both average.
    expect(r.get('b')).toMatchObject({ tier: 'average', composite: 1 });
    expect(r.get('c')).toMatchObject({ tier: 'average', composite: 0 });
  });

  it('puts the best round(0.2·N) on top and the worst round(0.2·N) lagging, ties by agent id', () => {
    // 12 agents → round(2.4) = 2 top and 2 lagging. a02 and a03 tie for 2nd/3rd best, so they
    // share ranks 10 and 11 (worst = rank 1) → 10.5 → p = 9.5/11 each; the tie is broken by id,
    // which puts a02 in the top tier and a03 in average.
    const values = [0.99, 0.95, 0.95, 0.9, 0.89, 0.88, 0.87, 0.86, 0.85, 0.8, 0.7, 0.6];
    const agents = values.map((v, i) => agent(`a${String(i + 1).padStart(2, '0')}`, v));
    const r = assignTiers(agents, OPTIONS);
    const tier = (id: string) => r.get(id)?.tier;
    expect(['a01', 'a02'].map(tier)).toEqual(['top', 'top']);
    expect(tier('a03')).toBe('average');
    expect(['a11', 'a12'].map(tier)).toEqual(['lagging', 'lagging']);
    expect(agents.filter((a) => tier(a.id) === 'average')).toHaveLength(8);
    expect(r.get('a02')?.composite).toBeCloseTo(9.5 / 11, 12);
    expect(r.get('a03')?.composite).toBeCloseTo(9.5 / 11, 12);
  });

  it('weights the composite over the metrics the agent has', () => {
    // Three agents. csat: x 0.9, y 0.8, z 0.7 → p 1, 0.5, 0.
    // aht (lower better): x 400, y 300; z has none → x 0, y 1.
    // weights csat 3, aht 1: x = (3·1 + 1·0)/4 = 0.75; y = (3·0.5 + 1·1)/4 = 0.625; z = csat only = 0.
    const agents: TierInput[] = [
      { id: 'x', group: 'org', contacts: 50, values: { csat: 0.9, aht: 400 } },
      { id: 'y', group: 'org', contacts: 50, values: { csat: 0.8, aht: 300 } },
      { id: 'z', group: 'org', contacts: 50, values: { csat: 0.7 } },
    ];
    const r = assignTiers(agents, { ...OPTIONS, weights: { ...EQUAL, csat: 3 } });
    expect(r.get('x')?.composite).toBeCloseTo(0.75, 12);
    expect(r.get('y')?.composite).toBeCloseTo(0.625, 12);
    expect(r.get('z')?.composite).toBe(0);
    expect(r.get('z')?.percentiles).toEqual({ csat: 0 });
  });

  it('ranks within each peer group when groups are sites', () => {
    // Each site has one agent: each is alone (p = 0.5), whatever the other site's values.
    const r = assignTiers([agent('a', 0.9, 50, 'north'), agent('b', 0.1, 50, 'south')], OPTIONS);
    expect(r.get('a')?.composite).toBe(0.5);
    expect(r.get('b')?.composite).toBe(0.5);
  });
});
