import { describe, expect, it } from 'vitest';
import { coachingFor } from '../../src/analytics/coaching.ts';
import { personalBests, selectRecognition } from '../../src/analytics/recognition.ts';
import type { AgentReport } from '../../src/domain/report-types.ts';
import type { Tip } from '../../src/domain/surfaces.ts';

const agent = (id: string, over: Partial<AgentReport>): AgentReport => ({
  id,
  name: id.toUpperCase(),
  team_id: 'T',
  tier: 'average',
  composite: 0.5,
  contacts: 100,
  percentiles: {},
  rankingValues: {},
  intervals: {},
  numerators: {},
  values: {},
  n: {},
  previousTier: 'average',
  previousComposite: 0.5,
  ...over,
});

describe('selectRecognition', () => {
  it('lists the top tier by composite and the largest gains among the others, never a bottom list', () => {
    const agents = [
      agent('a', { tier: 'top', composite: 0.9, previousComposite: 0.1 }),
      agent('b', { composite: 0.5, previousComposite: 0.2 }), // +0.3
      agent('c', { composite: 0.4, previousComposite: 0.35 }), // +0.05
      agent('d', { tier: 'lagging', composite: 0.1, previousComposite: 0.3 }), // fell: never listed
      agent('e', { tier: 'insufficient_data', composite: null, previousComposite: 0.1 }),
    ];
    const r = selectRecognition({ agents });
    expect(r.top.map((a) => a.id)).toEqual(['a']);
    // a's +0.8 is left out because a is already named in the top tier.
    expect(r.mostImproved.map((a) => [a.id, Number(a.gain.toFixed(2))])).toEqual([
      ['b', 0.3],
      ['c', 0.05],
    ]);
  });
});

describe('personalBests', () => {
  const days = (weekMondays: string[], positives: number[], agent = 'x') =>
    weekMondays.map((date, i) => ({
      agent_id: agent,
      date,
      csat_positive: positives[i] as number,
      csat_responses: 50,
    }));
  const mondays = ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02'];

  it('names a week better than each of at least 4 earlier weeks', () => {
    // CSAT by week 80%, 82%, 81%, 78%, then 86% in W45 (2026-11-02): best earlier 82%.
    const bests = personalBests({
      agents: [{ id: 'x', name: 'X' }],
      days: days(mondays, [40, 41, 40.5, 39, 43]),
      currentWeek: '2026-W45',
    });
    expect(bests).toEqual([
      { id: 'x', name: 'X', metric: 'csat', value: 0.86, previousBest: 0.82, n: 50 },
    ]);
  });

  it('names none when the week only ties the best, or there are fewer than 4 earlier weeks', () => {
    expect(
      personalBests({
        agents: [{ id: 'x', name: 'X' }],
        days: days(mondays, [40, 41, 40, 39, 41]),
        currentWeek: '2026-W45',
      }),
    ).toEqual([]);
    expect(
      personalBests({
        agents: [{ id: 'x', name: 'X' }],
        days: days(mondays.slice(1), [40, 41, 40, 45]),
        currentWeek: '2026-W45',
      }),
    ).toEqual([]);
  });
});

describe('coachingFor', () => {
  const team = {
    id: 'T',
    agents: [
      agent('a', {
        percentiles: { csat: 0.9, fcr: 0.2, aht: 0.5 },
        values: { csat: 0.9, fcr: 0.6, aht: 300 },
        n: { csat: 40, fcr: 90, aht: 90 },
      }),
      agent('b', { values: { csat: 0.8, fcr: 0.7, aht: 280 } }),
      agent('c', { values: { csat: 0.7, fcr: 0.8, aht: 400 } }),
      agent('z', { tier: 'insufficient_data', values: { csat: 0.1 } }),
    ],
  };
  const tip = (over: Partial<Tip>): Tip => ({
    id: 't',
    agent_id: 'b',
    team_id: 'T',
    metric: 'fcr',
    text: 'x',
    consent_named: true,
    created_at: '2026-11-01',
    helpful_count: 0,
    ...over,
  });

  it('takes the best percentile as strength, the worst as focus, medians of tiered agents only', () => {
    const c = coachingFor({ team, agentId: 'a', tips: [] });
    expect(c.strength).toEqual({ kind: 'strength', metrics: ['csat'], percentile: 0.9 });
    expect(c.focus).toEqual({ kind: 'focus', metrics: ['fcr'], percentile: 0.2 });
    // CSAT median of a, b, c = 0.8 (z is not tiered); AHT median of 300, 280, 400 = 300.
    expect(c.lines.find((l) => l.metric === 'csat')).toEqual({
      metric: 'csat',
      value: 0.9,
      n: 40,
      teamMedian: 0.8,
      percentile: 0.9,
      tooFewReviews: false,
      // This fixture's agents carry no intervals (the report computes them from the sums).
      interval: null,
    });
    expect(c.lines.find((l) => l.metric === 'aht')?.teamMedian).toBe(300);
    // Quality metrics come before efficiency ones.
    expect(c.lines.map((l) => l.metric)).toEqual(['csat', 'fcr', 'qa', 'aht', 'answer_rate']);
  });

  it('offers only a consented tip on the focus by someone else, own team and most helpful first', () => {
    const tips = [
      tip({ id: 'secret', consent_named: false, helpful_count: 50 }),
      tip({ id: 'own', agent_id: 'a', helpful_count: 40 }),
      tip({ id: 'other-team', team_id: 'U', helpful_count: 30 }),
      tip({ id: 'ok', helpful_count: 1 }),
      tip({ id: 'best', helpful_count: 3 }),
      tip({ id: 'wrong-metric', metric: 'csat', helpful_count: 99 }),
    ];
    expect(coachingFor({ team, agentId: 'a', tips }).tip?.id).toBe('best');
  });

  it('names no strength or focus with fewer than two percentiles', () => {
    const c = coachingFor({ team, agentId: 'b', tips: [] });
    expect([c.strength, c.focus, c.none]).toEqual([null, null, 'too_few_ranked']);
  });

  it('never names a metric on which every peer ties (all percentiles 0.5)', () => {
    const peers = [
      { percentiles: { csat: 0.5, fcr: 0, aht: 1 } },
      { percentiles: { csat: 0.5, fcr: 1, aht: 0 } },
    ];
    const c = coachingFor({ team, agentId: 'a', tips: [], peers });
    // csat (0.9 for a, but 0.5 for every peer) is out: strength aht 0.5, focus fcr 0.2.
    expect(c.strength?.metrics).toEqual(['aht']);
    expect(c.focus?.metrics).toEqual(['fcr']);
  });

  it('ranks QA only with at least 5 reviews, and flags its line "too few reviews"', () => {
    const qaTeam = {
      id: 'T',
      agents: [
        agent('q', {
          percentiles: { csat: 0.4, qa: 1, fcr: 0.1 },
          values: { csat: 0.8, qa: 99, fcr: 0.5 },
          n: { csat: 40, qa: 3, fcr: 90 },
        }),
      ],
    };
    const c = coachingFor({ team: qaTeam, agentId: 'q', tips: [] });
    expect(c.strength?.metrics).toEqual(['csat']);
    expect(c.lines.find((l) => l.metric === 'qa')?.tooFewReviews).toBe(true);
    expect(
      coachingFor({ team: qaTeam, agentId: 'q', tips: [], options: { qaMinEvaluations: 3 } })
        .strength?.metrics,
    ).toEqual(['qa']);
  });

  it('names every metric sharing the best percentile, and none when all are level', () => {
    const tied = {
      id: 'T',
      agents: [
        agent('t', { percentiles: { csat: 0.8, fcr: 0.8, aht: 0.3 }, n: {} }),
        agent('e', { percentiles: { csat: 0.6, fcr: 0.6, aht: 0.6 }, n: {} }),
      ],
    };
    expect(coachingFor({ team: tied, agentId: 't', tips: [] }).strength?.metrics).toEqual([
      'csat',
      'fcr',
    ]);
    expect(coachingFor({ team: tied, agentId: 'e', tips: [] }).none).toBe('even');
  });
});
