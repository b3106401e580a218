/**
 * The demo organisation's calendar and its planted patterns: every knob in one place.
 * Each pattern is sized so that METRICS.md's rules find it in the 28 days ending on the
 * anchor date (the default as-of for `teamhealth report` on the demo store), whatever
 * the seed; the healthy teams carry none of them, so the contrast shows.
 */
import type { LocalDate } from '../domain/records.ts';

/**
 * The last local day of data. Fixed, not "today", so the same seed gives the same
 * organisation on any machine and any day. 2026-10-31 is a Saturday.
 */
export const DEMO_ANCHOR: LocalDate = '2026-10-31';

/** Local days of history ending on the anchor (2026-05-05 … 2026-10-31). */
export const DEMO_DAYS = 180;

/** The seed when none is given (matches the CLI default). */
export const DEFAULT_SEED = 42;

export const PATTERNS = {
  /**
   * (1) Sustained CSAT decline: the returns team's CSAT falls steadily from 1 October,
   * when a stricter returns policy began: 0.8 points a day, 20 points inside the
   * window, about 5 daily standard deviations (≈ 90 survey answers a team-day, sd ≈ 4.3
   * points). Mann–Kendall on ~20 weekday points then finds it (p < 0.05) with ≈ 99.9%
   * certainty whatever the seed (found for every seed tried, 1–100 and 42); at 0.4 a day it would be missed by about one seed in
   * twenty.
   */
  csatDecline: { team: 'TM02', startDaysBeforeAnchor: 30, csatPointsPerDay: 0.8 },

  /**
   * (2) Volatility: the Manila technical team has thin staffing; on three incident days
   * its answer rate collapses to about a third, far beyond the XmR limits (LCL ≈ 0.6);
   * the rest of the time its day-to-day swings are wider than other teams'. The days
   * sit mid-window and spread out, so they make no trend.
   */
  volatile: {
    team: 'TM03',
    incidentDaysBeforeAnchor: [19, 11, 4],
    incidentAnswerRate: 0.35,
    /** Share of offered contacts missed outright on an incident day. */
    incidentMissedShare: 0.25,
    /** Team-day shock to the answer rate (sd), against 0.012 for other teams. */
    answerRateShockSd: 0.035,
  },

  /**
   * (3) Speed bought with quality: the payments team is pushed on handle time; AHT
   * falls 3 s a day while QA falls 0.45 points and FCR 0.35 points a day. Inside the
   * window that is about 5, 4.5 and 3.5 daily standard deviations, so `aht` is improving
   * and at least one of `qa` and `fcr` declining for every seed tried (1–100, 42).
   */
  speedOverQuality: {
    team: 'TM05',
    startDaysBeforeAnchor: 41,
    ahtSecondsPerDay: -3,
    qaPointsPerDay: -0.45,
    fcrPointsPerDay: -0.35,
  },

  /**
   * (4) Contact-reason mix shift: a billing incident in the last 7 days sends the Kraków
   * billing team's `refund` share from 14% to 35% (others scaled down in proportion);
   * every other team's mix stays put.
   */
  mixShift: { team: 'TM07', reason: 'refund', days: 7, shiftedShare: 0.35 },

  /**
   * (5) Enablement: the `returns-2026` procedure, launched 35 days before the anchor in
   * two teams, with agents stuck at each checkpoint (counts per team) and the rest on
   * track. Execution below 80% is `not_yet_habit`; stuck agents apply it 35–65% of
   * the time, on-track agents 85–97%.
   */
  enablement: {
    initiative: 'returns-2026',
    teams: ['TM01', 'TM06'],
    launchDaysBeforeAnchor: 35,
    stuck: { not_learned: 1, not_understood: 2, cannot_apply: 2, not_yet_habit: 2 },
  },

  /**
   * (6) Clear top agents: two a team with a strong all-round ability (+2.2 sd on the
   * shared skill factor), each sharing a tip on the metric they are best at; one tip
   * in four is shared without consent to be named. Percentiles are organisation-wide,
   * so top agents of the declining teams can be pulled into `average`; for seeds 1–9
   * and 42, 10 to 14 of the 16 land in the top tier.
   */
  topAgents: { perTeam: 2, abilityBoost: 2.2, unnamedTipEvery: 4 },

  /**
   * (7) Thin days (METRICS.md v2, Laney p′): on three Sundays in the window the Leeds
   * team runs a skeleton crew of two agents, so the day rests on about 10 survey answers
   * instead of about 90. The p′ limits widen on exactly those days, and a low rate there
   * is not called a signal.
   */
  thinDays: { team: 'TM06', daysBeforeAnchor: [20, 13, 6], crew: 2 },

  /**
   * (8) Thin evidence (METRICS.md v2, ranking values): one agent of the first team works
   * email, where customers answer the survey about 1 time in 100 (against 22), with a
   * very low CSAT on those few answers (≈ 50%), and has had only two QA reviews in the
   * window, both poor. Ranked on raw rates (v1) their CSAT and QA are the worst of the
   * organisation and they land `lagging`; ranked on shrunk rates and with QA only from 5
   * reviews (v2) the few answers count for little and they are `average` (seed 42; also
   * 1, 2 and 7; with other seeds the draws on their other metrics can keep them lagging).
   */
  thinEvidence: {
    team: 'TM01',
    csat: 0.5,
    csatResponseRate: 0.005,
    qa: 62,
    /** Slightly below the usual on the well-measured metrics (usual: 0.72, 0.90). */
    fcr: 0.7,
    answerRate: 0.89,
    /** Handle time as a multiple of the team's usual. */
    ahtFactor: 1.04,
    /** Reviewed only on working days this many days apart (about two in 28 days). */
    reviewEveryDays: 9,
  },

  /**
   * Part-timers under the eligibility floor (30 contacts in 28 days): one short shift
   * on a fixed weekday, 3–6 contacts. Any 28 days hold exactly 4 of each weekday, so a
   * part-timer has at most 4 × 6 = 24 contacts in any window.
   */
  partTimers: {
    teams: ['TM01', 'TM03', 'TM04', 'TM06', 'TM08'],
    contactsPerShift: [3, 6] as const,
  },
} as const;
