/**
 * Tips from the planted top agents (pattern 6): each shares one tip on the metric they
 * stand out on most (leaving out metrics their team's planted pattern moves), measured against the organisation's usual level in sd units of the
 * ability spread (see people.ts). Dates are fixed relative to the anchor, never the clock.
 */
import { addDays } from '../domain/dates.ts';
import type { Metric } from '../domain/metrics.ts';
import type { Tip } from '../domain/surfaces.ts';
import { DEMO_ANCHOR, PATTERNS } from './patterns.ts';
import type { AgentProfile } from './people.ts';
import { createRandom } from './random.ts';
import { TEAMS } from './roster.ts';

const TIP_TEXTS: Readonly<Record<Metric, readonly string[]>> = {
  csat: [
    'Before closing, I repeat back what I did and what happens next, with a date. Customers rate the certainty, not just the fix.',
    'I use the customer’s name twice and say sorry once, early, for the situation rather than the policy. It changes the tone of the whole contact.',
  ],
  fcr: [
    'I ask “is there anything else on this order?” before I fix the first thing. Half of my repeat contacts used to be the second problem.',
    'I check the last three contacts on the account before answering. If they called about it before, I solve the root, not the symptom.',
  ],
  aht: [
    'I keep the five macros I use most pinned and personalise one line. Typing the rest from scratch was costing me a minute a chat.',
    'I take notes during the call in the ticket template, so wrap-up is a check rather than a rewrite.',
  ],
  qa: [
    'I read the QA form once a week and pick one line to get perfect. Verification and the closing summary were my two.',
    'I say the security check out loud as a script every time, even with regulars. It is the item that costs most points when skipped.',
  ],
  answer_rate: [
    'I set my status to wrap-up only when I really am; ready the rest of the time. Short wraps keep the queue moving.',
    'I take breaks on the schedule rather than when the queue looks quiet. The quiet moment is usually just before the spike.',
  ],
};

/** How far a top agent stands above the organisation's usual level on each metric, in ability sd. */
export function standing(p: AgentProfile): Record<Metric, number> {
  const teamAht = TEAMS.find((t) => t.id === p.agent.team_id)?.ahtSeconds ?? p.aht;
  return {
    csat: (p.csat - 0.86) / 0.035,
    fcr: (p.fcr - 0.72) / 0.045,
    aht: (teamAht - p.aht) / (0.08 * teamAht),
    qa: (p.qa - 84) / 4,
    answer_rate: (p.answerRate - 0.9) / 0.025,
  };
}

/**
 * Metrics a planted pattern moves for a whole team: an agent there does not stand out
 * on them against the organisation, whatever their own ability, so no tip is written
 * on them.
 */
export function patternMetrics(teamId: string): Metric[] {
  if (teamId === PATTERNS.csatDecline.team) return ['csat'];
  if (teamId === PATTERNS.volatile.team) return ['answer_rate'];
  if (teamId === PATTERNS.speedOverQuality.team) return ['aht', 'qa', 'fcr'];
  return [];
}

export function generateTips(seed: number, profiles: readonly AgentProfile[]): Tip[] {
  const rng = createRandom(seed, 'tips');
  const tops = profiles.filter((p) => p.top);
  return tops.map((p, i) => {
    const scores = standing(p);
    const excluded = patternMetrics(p.agent.team_id);
    const candidates = (Object.keys(scores) as Metric[]).filter((m) => !excluded.includes(m));
    const metric = candidates.reduce((best, m) => (scores[m] > scores[best] ? m : best));
    const created = addDays(DEMO_ANCHOR, -rng.int(3, 60));
    return {
      id: `tip-${p.agent.id}-${metric}`,
      agent_id: p.agent.id,
      team_id: p.agent.team_id,
      metric,
      text: rng.pick(TIP_TEXTS[metric]),
      consent_named: (i + 1) % PATTERNS.topAgents.unnamedTipEvery !== 0,
      created_at: `${created}T${String(rng.int(9, 16)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z`,
      helpful_count: rng.int(0, 14),
    };
  });
}
