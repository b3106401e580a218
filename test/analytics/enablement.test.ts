import { describe, expect, it } from 'vitest';
import { diagnoseAgent, enablementReports } from '../../src/analytics/enablement.ts';
import type { EnablementEvent, EnablementStage } from '../../src/domain/records.ts';

const ev = (
  agent: string,
  stage: EnablementStage,
  extra: Partial<EnablementEvent> = {},
): EnablementEvent => ({
  initiative_id: 'refunds-v2',
  agent_id: agent,
  stage,
  date: '2026-10-10',
  ...extra,
});
const passedThrough = (agent: string, stages: EnablementStage[]) =>
  stages.map((s) => ev(agent, s, { passed: true }));

describe('diagnoseAgent', () => {
  it('names the first checkpoint not passed', () => {
    expect(diagnoseAgent([]).diagnosis).toBe('not_learned');
    expect(diagnoseAgent([ev('a', 'learned', { passed: false })]).diagnosis).toBe('not_learned');
    expect(
      diagnoseAgent([
        ...passedThrough('a', ['learned']),
        ev('a', 'knowledge_check', { passed: false }),
      ]).diagnosis,
    ).toBe('not_understood');
    const cannot = diagnoseAgent([
      ...passedThrough('a', ['learned', 'knowledge_check']),
      ev('a', 'simulation', { passed: false }),
    ]);
    expect(cannot).toEqual({
      diagnosis: 'cannot_apply',
      executionRate: null,
    });
  });

  it('calls an execution rate under 80% not yet a habit, and exactly 80% on track', () => {
    const through = passedThrough('a', ['learned', 'knowledge_check', 'simulation']);
    // 39/50 = 0.78 < 0.8; 40/50 = 0.8 is not under it.
    const low = diagnoseAgent([
      ...through,
      ev('a', 'execution', { applicable_contacts: 50, applied_contacts: 39 }),
    ]);
    expect(low).toMatchObject({ diagnosis: 'not_yet_habit', executionRate: 0.78 });
    const ok = diagnoseAgent([
      ...through,
      ev('a', 'execution', { applicable_contacts: 50, applied_contacts: 40 }),
    ]);
    expect(ok).toMatchObject({ diagnosis: 'on_track', executionRate: 0.8 });
  });
});

describe('enablementReports', () => {
  it('counts the funnel and lists only the given agents', () => {
    const events = [
      ...passedThrough('a', ['learned', 'knowledge_check', 'simulation']),
      ev('a', 'execution', { applicable_contacts: 10, applied_contacts: 9 }),
      ...passedThrough('b', ['learned']),
      ev('b', 'knowledge_check', { passed: false }),
      ev('c', 'learned', { passed: false }),
      ...passedThrough('z', ['learned']),
    ];
    const [report] = enablementReports(events, new Set(['a', 'b', 'c']));
    // a passes all four (rate 0.9); b passed learned only; c nothing; z is not in the team.
    expect(report?.stages).toEqual({ learned: 2, knowledge_check: 1, simulation: 1, execution: 1 });
    expect(report?.agents.map((x) => [x.id, x.diagnosis])).toEqual([
      ['a', 'on_track'],
      ['b', 'not_understood'],
      ['c', 'not_learned'],
    ]);
  });
});
