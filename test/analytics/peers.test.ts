import { describe, expect, it } from 'vitest';
import { type PeerAgent, peerMatches } from '../../src/analytics/peers.ts';

// METRICS.md v2's default: QA is ranked from 5 reviews.
const DEFAULT = { qaMinEvaluations: 5 };

describe('peerMatches', () => {
  it('pairs the team leader on a metric with the agents whose weakest metric it is', () => {
    // A leads FCR (0.80). B's weakest percentile is fcr (0.1), C's is fcr (0.2), D's is csat.
    // Gap = 0.80 − mean(0.60, 0.70) = 0.15. CSAT: leader A (0.95); learner D (0.70): gap 0.25.
    const matches = peerMatches(
      [
        { id: 'A', values: { csat: 0.95, fcr: 0.8 }, percentiles: { csat: 1, fcr: 1 } },
        { id: 'B', values: { csat: 0.9, fcr: 0.6 }, percentiles: { csat: 0.7, fcr: 0.1 } },
        { id: 'C', values: { csat: 0.9, fcr: 0.7 }, percentiles: { csat: 0.7, fcr: 0.2 } },
        { id: 'D', values: { csat: 0.7, fcr: 0.75 }, percentiles: { csat: 0, fcr: 0.5 } },
      ],
      DEFAULT,
    );
    expect(matches).toHaveLength(2);
    expect(matches[0]).toMatchObject({ metric: 'csat', leader: 'A', learners: ['D'] });
    expect(matches[0]?.gap).toBeCloseTo(0.25, 12);
    expect(matches[1]).toMatchObject({ metric: 'fcr', leader: 'A', learners: ['B', 'C'] });
    expect(matches[1]?.gap).toBeCloseTo(0.15, 12);
  });

  it('picks the shortest handle time as leader and reports the gap as a positive number', () => {
    // Leader L 240 s; learner M 300 s, weakest on aht → gap = −(240 − 300) = 60.
    const [match] = peerMatches(
      [
        { id: 'L', values: { aht: 240 }, percentiles: { aht: 1 } },
        { id: 'M', values: { aht: 300, csat: 0.9 }, percentiles: { aht: 0, csat: 0.5 } },
      ],
      DEFAULT,
    );
    expect(match).toEqual({ metric: 'aht', leader: 'L', leaders: ['L'], learners: ['M'], gap: 60 });
  });

  it('names every agent tied for the lead, and never makes a leader a learner', () => {
    const [match] = peerMatches(
      [
        { id: 'Y', values: { qa: 90 }, percentiles: { qa: 0.75 } },
        { id: 'X', values: { qa: 90 }, percentiles: { qa: 0.75 } },
        { id: 'Z', values: { qa: 70 }, percentiles: { qa: 0 } },
      ],
      DEFAULT,
    );
    // X and Y tie at 90: both lead (X first by id); Z learns, gap 90 − 70.
    expect(match).toMatchObject({
      metric: 'qa',
      leader: 'X',
      leaders: ['X', 'Y'],
      learners: ['Z'],
      gap: 20,
    });
  });

  // F has the best QA score on 2 reviews, G the next on 12; H is weakest on QA (a learner).
  const QA_TEAM: PeerAgent[] = [
    { id: 'F', values: { qa: 100, csat: 0.8 }, percentiles: { qa: 1, csat: 0.5 }, n: { qa: 2 } },
    { id: 'G', values: { qa: 90, csat: 0.9 }, percentiles: { qa: 0.5, csat: 1 }, n: { qa: 12 } },
    { id: 'H', values: { qa: 80, csat: 0.85 }, percentiles: { qa: 0, csat: 0.7 }, n: { qa: 9 } },
    { id: 'I', values: { csat: 0.7 }, percentiles: { csat: 0 } },
  ];

  it('leads only among agents ranked on the metric: no QA lead on under 5 reviews', () => {
    const matches = peerMatches(QA_TEAM, DEFAULT);
    expect(matches.find((m) => m.metric === 'qa')).toMatchObject({ leaders: ['G'] });
  });

  it('takes the QA minimum from the options: at 2 reviews F leads, at 10 G, at 13 nobody', () => {
    const qaLead = (qaMinEvaluations: number) =>
      peerMatches(QA_TEAM, { qaMinEvaluations }).find((m) => m.metric === 'qa')?.leaders;
    expect(qaLead(2)).toEqual(['F']); // F's 2 reviews ≥ 2
    expect(qaLead(10)).toEqual(['G']); // F 2 < 10, G 12 ≥ 10 (H 9 < 10)
    expect(qaLead(13)).toBeUndefined(); // 2, 12 and 9 are all under 13: no QA leader
  });

  it('applies the QA minimum to ranking values too', () => {
    // Ranking values that carry QA for an agent with too few reviews for these options
    // (built under other options) still do not make that agent a QA leader.
    const ranked = QA_TEAM.map((a) => ({ ...a, rankingValues: a.values }));
    const qaLead = (qaMinEvaluations: number) =>
      peerMatches(ranked, { qaMinEvaluations }).find((m) => m.metric === 'qa')?.leaders;
    expect(qaLead(2)).toEqual(['F']);
    expect(qaLead(5)).toEqual(['G']);
  });
});
