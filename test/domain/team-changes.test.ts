/**
 * What a change post names (docs/metrics.md, "What changed"): the facts teamChanges reads
 * from the report as of the last post's day and today's, and the sentence changeLine
 * (blocks/team-charts.ts) makes of each. Every fixture is written out by hand below, and
 * each expected sentence is the catalogue's template (src/messages/en.ts) filled in by hand.
 */
import { describe, expect, it } from 'vitest';
import { changeLine } from '../../blocks/team-charts.ts';
import { METRICS, type Metric } from '../../src/domain/metrics.ts';
import type {
  ContactMix,
  Health,
  MetricReport,
  MixDriver,
  Signal,
} from '../../src/domain/report-types.ts';
import { changeMetric, type TeamState, teamChanges } from '../../src/domain/team-changes.ts';
import { metricReport } from '../blocks/fixtures.ts';

// The last post went out on 24 Nov with the report as of 23 Nov; today's report is 24 Nov.
const LAST_POST_DAY = '2026-11-23';

/** Only a metric's health and signals are read by teamChanges. */
function metric(health: Health, signals: Signal[] = []): MetricReport {
  return metricReport(0.8, 400, health, [], 'xmr', signals);
}

function driver(reason: string, residual: number): MixDriver {
  return { reason, before: 0.2, after: 0.3, residual, countBefore: 200, countAfter: 90 };
}

function mix(shift: boolean, drivers: MixDriver[] = []): ContactMix {
  return {
    shift,
    chiSquare: shift ? 30 : 2,
    df: 3,
    p: shift ? 0.0001 : 0.5,
    drivers,
    nBefore: 1000,
    nAfter: 300,
    baseline: { from: '2026-10-20', to: '2026-11-16' },
    recent: { from: '2026-11-17', to: '2026-11-23' },
  };
}

/** Every metric healthy with no signal, no mix shift, then the given overrides. */
function team(
  overrides: Partial<Record<Metric, MetricReport>> = {},
  contactMix: ContactMix = mix(false),
): TeamState {
  const metrics = Object.fromEntries(METRICS.map((m) => [m, metric('healthy')])) as Record<
    Metric,
    MetricReport
  >;
  return { metrics: { ...metrics, ...overrides }, contactMix };
}

const lowQa: Signal = {
  rule: 'beyond_limits',
  dates: ['2026-11-24'],
  points: ['2026-11-24'],
  side: 'below',
  bad: true,
};

describe('teamChanges: a quiet day', () => {
  it('names nothing when the report is the same as at the last post', () => {
    expect(teamChanges(team(), team(), LAST_POST_DAY)).toEqual([]);
  });

  it('names nothing for a signal that ended on or before the last post’s day', () => {
    // Its last day, 23 Nov, is the last post's day: the post already had it to show.
    const old: Signal = { ...lowQa, dates: ['2026-11-23'], points: ['2026-11-23'] };
    expect(teamChanges(team(), team({ qa: metric('healthy', [old]) }), LAST_POST_DAY)).toEqual([]);
  });

  it('names nothing for a run that grew by a day: it shares days with the run already posted', () => {
    // 8 days 16–23 Nov at the last post; 9 days 16–24 Nov today. Same rule, same side.
    const days = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => `2026-11-${from + i}`);
    const run = (to: number): Signal => ({
      rule: 'run',
      dates: ['2026-11-16', `2026-11-${to}`],
      points: days(16, to),
      side: 'below',
      bad: true,
    });
    const before = team({ csat: metric('watch', [run(23)]) });
    const now = team({ csat: metric('watch', [run(24)]) });
    expect(teamChanges(before, now, LAST_POST_DAY)).toEqual([]);
  });

  it('names nothing for a mix that had already shifted at the last post', () => {
    const shifted = mix(true, [driver('Billing', 3.1)]);
    expect(teamChanges(team({}, shifted), team({}, shifted), LAST_POST_DAY)).toEqual([]);
  });
});

describe('teamChanges and changeLine: each kind of change and its sentence', () => {
  it('a status change: CSAT from Healthy to Watch', () => {
    const changes = teamChanges(team(), team({ csat: metric('watch') }), LAST_POST_DAY);
    expect(changes).toEqual([{ kind: 'status', metric: 'csat', from: 'healthy', to: 'watch' }]);
    // '{emoji} *{label}*: {from} → {to}' with the emoji of the new status.
    expect(changes.map(changeLine)).toEqual([':large_yellow_circle: *CSAT*: Healthy → Watch']);
  });

  it('a new signal: QA below its lower limit today', () => {
    const changes = teamChanges(team(), team({ qa: metric('healthy', [lowQa]) }), LAST_POST_DAY);
    expect(changes).toEqual([
      {
        kind: 'signal',
        metric: 'qa',
        rule: 'beyond_limits',
        side: 'below',
        bad: true,
        since: '2026-11-24',
        to: '2026-11-24',
      },
    ]);
    expect(changes.map(changeLine)).toEqual([
      '*QA score*: a day beyond its control limits on the worse side (24 Nov)',
    ]);
  });

  it('a new signal on the better side: a drift up in answer rate, dated from its first new day', () => {
    // Six days 19–24 Nov each higher than the last; the last post (23 Nov) had only 19–23,
    // which is five rises and no drift, so the drift is new and its first new day is 24 Nov.
    const drift: Signal = {
      rule: 'drift',
      dates: ['2026-11-19', '2026-11-24'],
      points: ['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24'],
      side: 'up',
      bad: false,
    };
    const changes = teamChanges(
      team(),
      team({ answer_rate: metric('healthy', [drift]) }),
      LAST_POST_DAY,
    );
    expect(changes).toEqual([
      {
        kind: 'signal',
        metric: 'answer_rate',
        rule: 'drift',
        side: 'up',
        bad: false,
        since: '2026-11-24',
        to: '2026-11-24',
      },
    ]);
    expect(changes.map(changeLine)).toEqual([
      '*Answer rate*: 6 or more days in a row each better than the last (to 24 Nov)',
    ]);
  });

  it('a run first posted days after it began is dated to its last day, not its first new one', () => {
    // The last post was 20 Nov (a day's post was skipped since); the run is 17–24 Nov,
    // new to this post: it reaches past 20 Nov and the report of 20 Nov had no run.
    const run: Signal = {
      rule: 'run',
      dates: ['2026-11-17', '2026-11-24'],
      points: Array.from({ length: 8 }, (_, i) => `2026-11-${17 + i}`),
      side: 'below',
      bad: true,
    };
    const changes = teamChanges(team(), team({ fcr: metric('healthy', [run]) }), '2026-11-20');
    expect(changes).toEqual([
      {
        kind: 'signal',
        metric: 'fcr',
        rule: 'run',
        side: 'below',
        bad: true,
        since: '2026-11-21',
        to: '2026-11-24',
      },
    ]);
    expect(changes.map(changeLine)).toEqual([
      '*First-contact resolution*: 8 or more days in a row on the worse side of its centre line (to 24 Nov)',
    ]);
  });

  it('a mix shift names at most three reasons beyond ±1.96, in the report’s order', () => {
    // |3.4| > 1.96, |−2.5| > 1.96, |1.5| ≤ 1.96 (left out), |2.2| > 1.96, |−2.0| > 1.96 but a
    // fourth: the first three beyond ±1.96 are Billing, Refunds and Login.
    const now = mix(true, [
      driver('Billing', 3.4),
      driver('Refunds', -2.5),
      driver('Password reset', 1.5),
      driver('Login', 2.2),
      driver('Delivery', -2.0),
    ]);
    const changes = teamChanges(team(), team({}, now), LAST_POST_DAY);
    expect(changes).toEqual([{ kind: 'mix_shift', drivers: ['Billing', 'Refunds', 'Login'] }]);
    expect(changes.map(changeLine)).toEqual([
      '*Contact reasons* shifted in the last 7 days, led by Billing, Refunds, Login',
    ]);
    expect(changes.map(changeMetric)).toEqual([null]);
  });

  it('a mix shift with no reason beyond ±1.96 says the shift without naming one', () => {
    const now = mix(true, [driver('Billing', 1.9), driver('Refunds', -1.2)]);
    const changes = teamChanges(team(), team({}, now), LAST_POST_DAY);
    expect(changes).toEqual([{ kind: 'mix_shift', drivers: [] }]);
    expect(changes.map(changeLine)).toEqual(['*Contact reasons* shifted in the last 7 days']);
  });

  it('escapes a reason name in the sentence so it cannot mention a channel or hide a link', () => {
    const now = mix(true, [driver('<!channel> & co', 3)]);
    expect(teamChanges(team(), team({}, now), LAST_POST_DAY).map(changeLine)).toEqual([
      '*Contact reasons* shifted in the last 7 days, led by &lt;!channel&gt; &amp; co',
    ]);
  });
});

describe('teamChanges: worst first', () => {
  it('orders a worse status, a bad signal, a mix shift, a better status, then a good signal', () => {
    const goodRun: Signal = {
      rule: 'run',
      dates: ['2026-11-17', '2026-11-24'],
      points: [
        '2026-11-17',
        '2026-11-18',
        '2026-11-19',
        '2026-11-20',
        '2026-11-21',
        '2026-11-22',
        '2026-11-23',
        '2026-11-24',
      ],
      side: 'above',
      bad: false,
    };
    const before = team({ fcr: metric('at_risk') });
    // Listed in METRICS order (csat, fcr, aht, qa, answer_rate); the result must not be.
    const now = team(
      {
        csat: metric('healthy', [goodRun]),
        fcr: metric('healthy'),
        qa: metric('healthy', [lowQa]),
        answer_rate: metric('at_risk'),
      },
      mix(true, [driver('Billing', 2.5)]),
    );
    expect(teamChanges(before, now, LAST_POST_DAY).map(changeLine)).toEqual([
      ':red_circle: *Answer rate*: Healthy → At risk',
      '*QA score*: a day beyond its control limits on the worse side (24 Nov)',
      '*Contact reasons* shifted in the last 7 days, led by Billing',
      ':large_green_circle: *First-contact resolution*: At risk → Healthy',
      '*CSAT*: 8 or more days in a row on the better side of its centre line (to 24 Nov)',
    ]);
  });
});
