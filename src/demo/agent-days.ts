/**
 * The daily KPI records: one AgentDay per agent per local working day. Each day's rates
 * are drawn around the agent's persistent ability, plus a shock the whole team shares
 * that day, plus the planted patterns; then the counts are drawn from those rates, so
 * every count is a whole number and every part is at most its whole
 * (csat_positive ≤ csat_responses, first_contact_resolved ≤ contacts_handled,
 * answered_in_sla ≤ assigned, qa_score_total ≤ 100·qa_evaluations).
 */
import { addDays, dateRange, daysBetween } from '../domain/dates.ts';
import type { AgentDay, LocalDate, Team } from '../domain/records.ts';
import { DEMO_ANCHOR, DEMO_DAYS, PATTERNS } from './patterns.ts';
import type { AgentProfile } from './people.ts';
import { createRandom, type Random } from './random.ts';
import { TEAMS } from './roster.ts';

/** Share of contacts that answer the satisfaction survey. */
const CSAT_RESPONSE_RATE = 0.22;
/** Offers an agent misses or declines on an ordinary day, per contact handled. */
const MISSED_OFFER_RATE = 0.03;
/** Seven-day teams see this share of weekday volume per agent at weekends. */
const WEEKEND_VOLUME = 0.85;
/** QA reviews a team-day, per agent at work: about three reviews a week per agent. */
const QA_REVIEWS_PER_AGENT_DAY = 0.6;
/** Chance a scheduled full-timer is off (sick, leave, training) on a given day. */
const ABSENCE_RATE = 0.04;
/** Days a new hire takes to reach their usual pace. */
const RAMP_DAYS = 30;

/** The planted shifts for one team on one day (0 when none). */
export interface DayEffects {
  csat: number;
  fcr: number;
  ahtSeconds: number;
  qa: number;
  /** When set, the answer rate that day (an incident) and the share of offers missed. */
  incident?: { answerRate: number; missedShare: number };
}

/**
 * The planted pattern effects for a team on a day `daysBefore` the anchor, from PATTERNS.
 * @example dayEffects('TM02', 0).csat // −0.24: 30 days × 0.8 points, as a proportion
 */
export function dayEffects(teamId: string, daysBefore: number): DayEffects {
  const effects: DayEffects = { csat: 0, fcr: 0, ahtSeconds: 0, qa: 0 };
  const decline = PATTERNS.csatDecline;
  if (teamId === decline.team && daysBefore < decline.startDaysBeforeAnchor) {
    effects.csat = (-decline.csatPointsPerDay / 100) * (decline.startDaysBeforeAnchor - daysBefore);
  }
  const speed = PATTERNS.speedOverQuality;
  if (teamId === speed.team && daysBefore < speed.startDaysBeforeAnchor) {
    const t = speed.startDaysBeforeAnchor - daysBefore;
    effects.ahtSeconds = speed.ahtSecondsPerDay * t;
    effects.qa = speed.qaPointsPerDay * t;
    effects.fcr = (speed.fcrPointsPerDay / 100) * t;
  }
  const volatile = PATTERNS.volatile;
  if (
    teamId === volatile.team &&
    (volatile.incidentDaysBeforeAnchor as readonly number[]).includes(daysBefore)
  ) {
    effects.incident = {
      answerRate: volatile.incidentAnswerRate,
      missedShare: volatile.incidentMissedShare,
    };
  }
  return effects;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Every agent-day of the organisation, team by team, date by date, agent by agent. */
export function generateAgentDays(
  seed: number,
  teams: readonly Team[],
  profiles: readonly AgentProfile[],
): AgentDay[] {
  const dates = dateRange(addDays(DEMO_ANCHOR, -(DEMO_DAYS - 1)), DEMO_ANCHOR);
  const rows: AgentDay[] = [];
  for (const team of teams) {
    const rng = createRandom(seed, `kpis:${team.id}`);
    const members = profiles.filter((p) => p.agent.team_id === team.id);
    const sevenDays = TEAMS.find((t) => t.id === team.id)?.coverage === 'seven_days';
    const arShockSd =
      team.id === PATTERNS.volatile.team ? PATTERNS.volatile.answerRateShockSd : 0.012;
    for (const date of dates) {
      const daysBefore = daysBetween(date, DEMO_ANCHOR);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      const weekend = weekday === 0 || weekday === 6;
      const effects = dayEffects(team.id, daysBefore);
      // One shock a day shared by the whole team: busy days, system slowness, a good briefing.
      const shock = {
        csat: rng.normal(0, 0.008),
        fcr: rng.normal(0, 0.008),
        aht: 1 + rng.normal(0, 0.025),
        qa: rng.normal(0, 0.8),
        answerRate: rng.normal(0, arShockSd),
      };
      let atWork = members.filter((p) => isAtWork(rng, p, date, weekday));
      // Pattern 7: a skeleton crew on the thin days.
      const thin = PATTERNS.thinDays;
      if (
        team.id === thin.team &&
        (thin.daysBeforeAnchor as readonly number[]).includes(daysBefore)
      )
        atWork = atWork.slice(0, thin.crew);
      // QA reviewers work weekdays and review a steady number of the agents at work.
      const reviews = weekend ? 0 : Math.round(QA_REVIEWS_PER_AGENT_DAY * atWork.length);
      const reviewed = new Set(rng.shuffle(atWork).slice(0, reviews));
      for (const p of atWork) {
        // Pattern 8: the thin-evidence agent is reviewed only every few working days.
        const qaEvaluations = p.thinEvidence
          ? !weekend && daysBefore % PATTERNS.thinEvidence.reviewEveryDays === 0
            ? 1
            : 0
          : reviewed.has(p)
            ? 1
            : 0;
        rows.push(
          agentDay({ rng, p, date, weekend: weekend && sevenDays, qaEvaluations, effects, shock }),
        );
      }
    }
  }
  return rows;
}

/** Hired by then, rostered that weekday, and (full-timers) not off sick or on leave. */
function isAtWork(rng: Random, p: AgentProfile, date: LocalDate, weekday: number): boolean {
  if (daysBetween(p.firstDay, date) < 0 || !p.workDays.includes(weekday)) return false;
  return p.kind === 'part_time' || !rng.chance(ABSENCE_RATE);
}

function agentDay(args: {
  rng: Random;
  p: AgentProfile;
  date: LocalDate;
  weekend: boolean;
  qaEvaluations: number;
  effects: DayEffects;
  shock: { csat: number; fcr: number; aht: number; qa: number; answerRate: number };
}): AgentDay {
  const { rng, p, date, weekend, qaEvaluations, effects, shock } = args;
  const tenure = daysBetween(p.firstDay, date);
  const ramp = Math.min(1, tenure / RAMP_DAYS);
  let contacts: number;
  if (p.kind === 'part_time') {
    const [lo, hi] = PATTERNS.partTimers.contactsPerShift;
    contacts = rng.int(lo, hi);
  } else {
    const pace = p.throughput * (weekend ? WEEKEND_VOLUME : 1) * (0.6 + 0.4 * ramp);
    contacts = Math.round(clamp(rng.normal(pace, 4), 20, 60));
  }

  const aht = Math.max(
    60,
    p.aht * (1.25 - 0.25 * ramp) * shock.aht * (1 + rng.normal(0, 0.06)) + effects.ahtSeconds,
  );
  const csatRate = clamp(p.csat + effects.csat + shock.csat + rng.normal(0, 0.015), 0.3, 0.995);
  const fcrRate = clamp(p.fcr + effects.fcr + shock.fcr + rng.normal(0, 0.015), 0.3, 0.97);
  const arRate = effects.incident
    ? effects.incident.answerRate
    : clamp(p.answerRate + shock.answerRate + rng.normal(0, 0.015), 0.5, 0.995);
  const missedShare = effects.incident?.missedShare ?? MISSED_OFFER_RATE / (1 + MISSED_OFFER_RATE);

  const csatResponses = rng.binomial(contacts, p.csatResponseRate ?? CSAT_RESPONSE_RATE);
  let qaTotal = 0;
  for (let i = 0; i < qaEvaluations; i++) {
    qaTotal += clamp(Math.round(rng.normal(p.qa + effects.qa + shock.qa, 5)), 0, 100);
  }
  const missed = rng.binomial(contacts, missedShare / (1 - missedShare));

  return {
    date,
    agent_id: p.agent.id,
    team_id: p.agent.team_id,
    contacts_handled: contacts,
    handle_time_sec: Math.round(contacts * aht),
    aht_contacts: contacts,
    first_contact_resolved: rng.binomial(contacts, fcrRate),
    fcr_contacts: contacts,
    csat_responses: csatResponses,
    csat_positive: rng.binomial(csatResponses, csatRate),
    qa_evaluations: qaEvaluations,
    qa_score_total: qaTotal,
    assigned: contacts + missed,
    answered_in_sla: rng.binomial(contacts, arRate),
  };
}
