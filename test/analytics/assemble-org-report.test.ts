import { describe, expect, it } from 'vitest';
import { assembleOrgReport, type ReportInputs } from '../../src/analytics/assemble-org-report.ts';
import { defaultReportOptions } from '../../src/analytics/options.ts';
import { reportWindows } from '../../src/analytics/windows.ts';
import { addDays } from '../../src/domain/dates.ts';
import { emptySums } from '../../src/domain/metrics.ts';
import type { Agent, Team } from '../../src/domain/records.ts';
import type { AgentWindowSums, TeamDaySums } from '../../src/domain/sums.ts';

const AS_OF = '2026-10-31';
const FROM = '2026-10-04';
const team = (id: string, site: string): Team => ({
  id,
  name: `Team ${id}`,
  channel_id: '',
  lead_slack_ids: [],
  timezone: 'Europe/London',
  site,
});
const TEAMS = [team('T1', 'S1'), team('T2', 'S2')];
const A_IDS = ['a1', 'a2', 'a3', 'a4', 'a5'];
const B_IDS = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'];
const AGENTS: Agent[] = [
  ...A_IDS.map((id) => ({ id, name: id.toUpperCase(), team_id: 'T1' })),
  ...B_IDS.map((id) => ({ id, name: id.toUpperCase(), team_id: 'T2' })),
];

// T1, days d = 0…27 of the window: CSAT (100 − d)/100 falls 1 pt a day; handle time
// (400 − 2d) s falls 2 s a day (an improvement); FCR never measured. Plus one September day.
const day = (teamId: string, date: string, extra: Partial<TeamDaySums>): TeamDaySums => ({
  ...emptySums(),
  team_id: teamId,
  date,
  ...extra,
});
const TEAM_DAYS: TeamDaySums[] = [
  day('T1', '2026-09-15', { csat_positive: 50, csat_responses: 100 }),
  ...Array.from({ length: 28 }, (_, d) =>
    day('T1', addDays(FROM, d), {
      contacts_handled: 100,
      aht_contacts: 100,
      handle_time_sec: (400 - 2 * d) * 100,
      csat_positive: 100 - d,
      csat_responses: 100,
    }),
  ),
  ...Array.from({ length: 5 }, (_, d) =>
    day('T2', addDays(FROM, d), { csat_positive: 9, csat_responses: 10 }),
  ),
];

const agentSums = (
  id: string,
  teamId: string,
  positive: number,
  contacts = 100,
): AgentWindowSums => ({
  ...emptySums(),
  agent_id: id,
  team_id: teamId,
  days: 20,
  contacts_handled: contacts,
  csat_positive: positive,
  csat_responses: 50,
});
// Current window: a1 48/50 best … b5 39/50 worst; b6 has 29 contacts (under the floor).
const CURRENT = [
  ...A_IDS.map((id, i) => agentSums(id, 'T1', 48 - i)),
  ...B_IDS.slice(0, 5).map((id, i) => agentSums(id, 'T2', 43 - i)),
  agentSums('b6', 'T2', 50, 29),
];
// Previous window: the order reversed (a1 worst, b5 best).
const PREVIOUS = [
  ...A_IDS.map((id, i) => agentSums(id, 'T1', 39 + i)),
  ...B_IDS.slice(0, 5).map((id, i) => agentSums(id, 'T2', 44 + i)),
];

const inputs = (over: Partial<ReportInputs> = {}): ReportInputs => ({
  asOf: AS_OF,
  options: defaultReportOptions(),
  teams: TEAMS,
  agents: AGENTS,
  teamDays: TEAM_DAYS,
  agentWindow: CURRENT,
  agentPreviousWindow: PREVIOUS,
  contactsBaseline: [
    { team_id: 'T1', reason: 'billing', count: 200 },
    { team_id: 'T1', reason: 'refund', count: 100 },
    { team_id: 'T1', reason: 'tech', count: 100 },
  ],
  contactsRecent: [
    { team_id: 'T1', reason: 'billing', count: 40 },
    { team_id: 'T1', reason: 'refund', count: 60 },
    { team_id: 'T1', reason: 'tech', count: 20 },
  ],
  enablement: [
    { initiative_id: 'I1', agent_id: 'a1', stage: 'learned', date: '2026-10-20', passed: false },
  ],
  ...over,
});

describe('reportWindows', () => {
  it('places the window, previous window, monthly span and mix periods', () => {
    // By hand: 28 days ending 31 Oct start 4 Oct; the 28 before end 3 Oct and start 6 Sep;
    // 6 months back to 1 May; last 7 days 25–31 Oct; the 28 before 27 Sep – 24 Oct.
    expect(reportWindows(AS_OF, 28, 6)).toEqual({
      window: { from: '2026-10-04', to: '2026-10-31' },
      previousWindow: { from: '2026-09-06', to: '2026-10-03' },
      monthly: { from: '2026-05-01', to: '2026-10-31' },
      mixRecent: { from: '2026-10-25', to: '2026-10-31' },
      mixBaseline: { from: '2026-09-27', to: '2026-10-24' },
    });
  });
});

describe('assembleOrgReport on a small organisation', () => {
  const report = assembleOrgReport(inputs());
  const t1 = report.teams[0];
  const t2 = report.teams[1];

  it('reports the window and a declining CSAT as at_risk', () => {
    expect(report.window).toEqual({ from: FROM, to: AS_OF });
    const csat = t1?.metrics.csat;
    // Σ positive = 2800 − (0+…+27) = 2800 − 378 = 2422 over 2800 responses.
    expect(csat?.value).toBeCloseTo(2422 / 2800, 12);
    expect(csat?.n).toBe(2800);
    expect(csat?.series).toHaveLength(28);
    expect(csat?.trend.slopePerDay).toBeCloseTo(-0.01, 12);
    expect(csat?.trend.s).toBe(-378); // all 28·27/2 pairs fall
    expect(csat?.health).toBe('at_risk');
    expect(csat?.reasons[0]).toMatchObject({
      kind: 'trend',
      direction: 'declining',
      slopePerDay: -0.01,
      days: 28,
    });
    // September 50/100 = 0.5; October holds only the window days.
    expect(csat?.monthly).toEqual([
      { month: '2026-09', value: 0.5, n: 100 },
      { month: '2026-10', value: 2422 / 2800, n: 2800 },
    ]);
  });

  it('keeps a never-measured metric present with value null and insufficient_data', () => {
    expect(t1?.metrics.fcr).toMatchObject({
      value: null,
      n: 0,
      series: [],
      health: 'insufficient_data',
    });
    expect(t2?.metrics.csat.health).toBe('insufficient_data');
  });

  it('flags speed bought with quality when handle time improves while CSAT declines', () => {
    // aht = Σ(400 − 2d)·100 / 2800 = (11200 − 756)/28 = 373 s; falling → improving.
    expect(t1?.metrics.aht.value).toBeCloseTo(373, 12);
    expect(t1?.metrics.aht.trend.direction).toBe('improving');
    expect(t1?.balance).toMatchObject([
      { kind: 'speed_over_quality', improving: 'aht', declining: ['csat'] },
    ]);
  });

  it('tiers agents across the organisation: round(0.2·10) = 2 top and 2 lagging', () => {
    expect(t1?.tierMix).toEqual({ top: 2, average: 3, lagging: 0, insufficient_data: 0 });
    expect(t2?.tierMix).toEqual({ top: 0, average: 3, lagging: 2, insufficient_data: 1 });
    const b6 = t2?.agents.find((a) => a.id === 'b6');
    expect(b6).toMatchObject({ tier: 'insufficient_data', composite: null, contacts: 29 });
    // a1 is the best of 10 → p = 1; a3 is 3rd best → rank 8 → p = 7/9.
    expect(t1?.agents.find((a) => a.id === 'a3')?.composite).toBeCloseTo(7 / 9, 12);
  });

  it('counts tier movement from the previous window', () => {
    // Previously a1, a2 were the two worst (lagging) and a3–a5 average; now a1, a2 top.
    expect(t1?.tierMovement).toEqual({
      top: { top: 0, average: 0, lagging: 0 },
      average: { top: 0, average: 3, lagging: 0 },
      lagging: { top: 2, average: 0, lagging: 0 },
    });
  });

  it('ranks a filtered report’s agents against the whole organisation', () => {
    const only = assembleOrgReport(inputs({ reportTeamIds: ['T2'] }));
    expect(only.teams.map((t) => t.id)).toEqual(['T2']);
    expect(only.teams[0]?.tierMix).toEqual(t2?.tierMix);
  });

  it('ranks within the site when the peer group is the site', () => {
    // T1's five agents alone at site S1: round(0.2·5) = 1 top (a1) and 1 lagging (a5).
    const bySite = assembleOrgReport(
      inputs({ options: { ...defaultReportOptions(), peerGroup: 'site' } }),
    );
    expect(bySite.teams[0]?.tierMix).toEqual({
      top: 1,
      average: 3,
      lagging: 1,
      insufficient_data: 0,
    });
  });

  it('detects the contact-mix shift with refunds as the main driver', () => {
    // Shares before 0.5 / 0.25 / 0.25, after 0.333 / 0.5 / 0.167: refund moved most (+0.25).
    expect(t1?.contactMix.shift).toBe(true);
    expect(t1?.contactMix.drivers[0]).toMatchObject({ reason: 'refund', before: 0.25, after: 0.5 });
    expect(t2?.contactMix).toMatchObject({ shift: false, p: null, nBefore: 0 });
  });

  it('diagnoses enablement and pairs peers within the team', () => {
    expect(t1?.enablement).toMatchObject([
      { initiativeId: 'I1', agents: [{ id: 'a1', diagnosis: 'not_learned' }] },
    ]);
    expect(t2?.enablement).toEqual([]);
    // Only CSAT measured, so it is everyone's weakest: leader a1 (0.96), learners a2–a5.
    // The gap is on ranking values (shrunk rates): raw 0.96 − mean(0.94, 0.92, 0.90, 0.88)
    // = 0.05, times n/(n + κ) with n = 50 for everyone. Over the 10 eligible agents
    // (48 … 39 of 50, Python one-off): μ = 0.87, v = 0.0036667, e = 0.87·0.13/50 = 0.002262,
    // τ² = 0.0014047, κ = 79.517323 → gap 0.05·50/129.517323 = 0.019302437218983226.
    expect(t1?.peers).toHaveLength(1);
    expect(t1?.peers[0]).toMatchObject({
      metric: 'csat',
      leader: 'a1',
      learners: ['a2', 'a3', 'a4', 'a5'],
    });
    expect(t1?.peers[0]?.gap).toBeCloseTo(0.019302437218983226, 10);
  });

  it('charts proportions on p′ (a limit pair for every day) and means on XmR', () => {
    const csat = t1?.metrics.csat.stability;
    expect(csat?.chart).toBe('p_prime');
    if (csat?.chart !== 'p_prime') return;
    // Centre: Σx/Σn over the 28 days = (100 + 99 + … + 73)/2800 = 2422/2800.
    expect(csat.mean).toBeCloseTo(2422 / 2800, 12);
    expect(csat.limits.map((l) => l.date)).toEqual(t1?.metrics.csat.series.map((p) => p.date));
    expect(csat.sigmaZ).not.toBeNull();
    expect(t1?.metrics.aht.stability).toMatchObject({ chart: 'xmr' });
    expect(t1?.metrics.aht.stability.ucl).not.toBeNull();
  });

  it('gives each agent ranking values and a Wilson interval per proportion with n > 0', () => {
    const a1 = t1?.agents.find((a) => a.id === 'a1');
    // 48 of 50: scipy binomtest(48, 50).proportion_ci(method='wilson') = 0.8654 – 0.9890.
    expect(a1?.intervals.csat?.[0]).toBeCloseTo(0.8654, 4);
    expect(a1?.intervals.csat?.[1]).toBeCloseTo(0.989, 4);
    expect(a1?.intervals).not.toHaveProperty('fcr');
    // Its summed numerators, for the funnel: 48 CSAT answers of 4 or 5; FCR never measured.
    expect(a1?.numerators).toEqual({ csat: 48 });
    expect(a1?.rankingValues.csat).toBeLessThan(0.96);
    expect(a1?.rankingValues.csat).toBeGreaterThan(0.87);
    // b6 is under the floor: an interval, but no ranking value.
    const b6 = t2?.agents.find((a) => a.id === 'b6');
    expect(b6?.rankingValues).toEqual({});
    expect(b6?.intervals.csat).toBeDefined();
  });

  it('lets the QA minimum of the options decide who may lead on QA', () => {
    // T1 adds QA: a1 100 on 3 reviews, a2 90 on 12, a3–a5 70, 72, 74 on 10 each.
    // At 5 (the default) a1's 3 reviews do not count: a2 leads. At 3 they do: a1 leads.
    // Either way a3 (QA percentile 0, CSAT 7/9) is weakest on QA, so QA has a learner.
    const qa: Record<string, [number, number]> = {
      a1: [300, 3],
      a2: [1080, 12],
      a3: [700, 10],
      a4: [720, 10],
      a5: [740, 10],
    };
    const agentWindow = CURRENT.map((a) => {
      const [total, reviews] = qa[a.agent_id] ?? [0, 0];
      return { ...a, qa_score_total: total, qa_evaluations: reviews };
    });
    const qaLead = (qaMinEvaluations: number) =>
      assembleOrgReport(
        inputs({ agentWindow, options: { ...defaultReportOptions(), qaMinEvaluations } }),
      ).teams[0]?.peers.find((m) => m.metric === 'qa');
    expect(qaLead(5)).toMatchObject({ leader: 'a2', leaders: ['a2'] });
    expect(qaLead(5)?.learners).toContain('a3');
    expect(qaLead(3)).toMatchObject({ leader: 'a1', leaders: ['a1'] });
    expect(qaLead(3)?.learners).toContain('a3');
  });

  it('refuses a malformed asOf', () => {
    expect(() => assembleOrgReport(inputs({ asOf: '2026-02-30' }))).toThrow(
      'asOf must be a date written YYYY-MM-DD',
    );
  });
});
