/**
 * The enablement initiative (pattern 5): every agent of the rollout teams gets events
 * on the four checkpoints, stopping at the one where they are stuck. Each stuck kind
 * gets the number of agents PATTERNS.enablement.stuck asks for; the rest are on track.
 * An agent who has not studied the material has a `learned` record with passed false,
 * so the report lists them rather than missing them.
 */
import { addDays } from '../domain/dates.ts';
import type { EnablementEvent } from '../domain/records.ts';
import type { EnablementDiagnosis } from '../domain/report-types.ts';
import { DEMO_ANCHOR, PATTERNS } from './patterns.ts';
import type { AgentProfile } from './people.ts';
import { createRandom } from './random.ts';

export interface PlantedEnablement {
  agentId: string;
  teamId: string;
  diagnosis: EnablementDiagnosis;
}

/** The events and, for the summary and tests, the diagnosis each agent was given. */
export function generateEnablement(
  seed: number,
  profiles: readonly AgentProfile[],
): { events: EnablementEvent[]; planted: PlantedEnablement[] } {
  const { initiative, teams, launchDaysBeforeAnchor, stuck } = PATTERNS.enablement;
  const launch = addDays(DEMO_ANCHOR, -launchDaysBeforeAnchor);
  const events: EnablementEvent[] = [];
  const planted: PlantedEnablement[] = [];
  for (const teamId of teams) {
    const rng = createRandom(seed, `enablement:${teamId}`);
    const members = profiles.filter((p) => p.agent.team_id === teamId);
    const plan: EnablementDiagnosis[] = [];
    for (const [diagnosis, count] of Object.entries(stuck) as [EnablementDiagnosis, number][]) {
      for (let i = 0; i < count; i++) plan.push(diagnosis);
    }
    if (members.length < plan.length + 2) {
      throw new Error(
        `demo enablement: team ${teamId} has ${members.length} agents, needs ${plan.length + 2}`,
      );
    }
    // Part-timers are the likeliest not to have studied it yet: put them first in line.
    const order = [
      ...members.filter((p) => p.kind === 'part_time'),
      ...rng.shuffle(members.filter((p) => p.kind === 'full_time')),
    ];
    order.forEach((p, i) => {
      const diagnosis = plan[i] ?? 'on_track';
      planted.push({ agentId: p.agent.id, teamId, diagnosis });
      const base = { initiative_id: initiative, agent_id: p.agent.id };
      const learnedOn = addDays(launch, rng.int(0, 6));
      events.push({
        ...base,
        stage: 'learned',
        date: learnedOn,
        passed: diagnosis !== 'not_learned',
      });
      if (diagnosis === 'not_learned') return;
      const checkedOn = addDays(learnedOn, rng.int(1, 4));
      events.push({
        ...base,
        stage: 'knowledge_check',
        date: checkedOn,
        passed: diagnosis !== 'not_understood',
      });
      if (diagnosis === 'not_understood') return;
      const simulatedOn = addDays(checkedOn, rng.int(2, 6));
      events.push({
        ...base,
        stage: 'simulation',
        date: simulatedOn,
        passed: diagnosis !== 'cannot_apply',
      });
      if (diagnosis === 'cannot_apply') return;
      const applicable = rng.int(40, 90);
      const rate =
        diagnosis === 'not_yet_habit' ? 0.35 + 0.3 * rng.next() : 0.85 + 0.12 * rng.next();
      events.push({
        ...base,
        stage: 'execution',
        date: addDays(DEMO_ANCHOR, -1),
        applicable_contacts: applicable,
        applied_contacts: Math.round(applicable * rate),
      });
    });
  }
  return { events, planted };
}
