/**
 * Enablement funnel diagnosis (METRICS.md, "Enablement funnel diagnosis"). Per agent and
 * initiative, the first checkpoint not passed names the root cause:
 * not `learned` → hasn't studied it; `knowledge_check` not passed → studied, not
 * understood; `simulation` not passed → understands, can't apply; execution rate
 * (applied_contacts / applicable_contacts) < 80% → can apply, doesn't yet.
 * Our choices, written down:
 * - A checkpoint with no record counts as not passed (the agent has not got there).
 * - Execution with no applicable contacts has no rate: the agent is `on_track` with a
 *   null rate (nothing to apply yet is not a failure to apply).
 * - `stages` counts the funnel: agents who passed a checkpoint and every one before it,
 *   execution meaning a rate ≥ 80%.
 */
import type { EnablementEvent, EnablementStage } from '../domain/records.ts';
import type {
  EnablementAgent,
  EnablementDiagnosis,
  EnablementReport,
} from '../domain/report-types.ts';

export const EXECUTION_TARGET = 0.8;

/**
 * @param events enablement events (any initiatives, any agents)
 * @param agentIds the agents to diagnose (a team); events of other agents are ignored
 * @returns one report per initiative that has events for these agents, sorted by id
 * @example an agent who learned and passed the check but failed the simulation
 *   // diagnosis 'cannot_apply' (its action is words: `enablement.action.cannot_apply`)
 */
export function enablementReports(
  events: readonly EnablementEvent[],
  agentIds: ReadonlySet<string>,
): EnablementReport[] {
  const byInitiative = new Map<string, Map<string, EnablementEvent[]>>();
  for (const event of events) {
    if (!agentIds.has(event.agent_id)) continue;
    const agents = byInitiative.get(event.initiative_id) ?? new Map<string, EnablementEvent[]>();
    const list = agents.get(event.agent_id) ?? [];
    list.push(event);
    agents.set(event.agent_id, list);
    byInitiative.set(event.initiative_id, agents);
  }
  const reports: EnablementReport[] = [];
  for (const [initiativeId, agents] of [...byInitiative].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const stages: Record<EnablementStage, number> = {
      learned: 0,
      knowledge_check: 0,
      simulation: 0,
      execution: 0,
    };
    const diagnosed: EnablementAgent[] = [];
    for (const [id, list] of [...agents].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const result = diagnoseAgent(list);
      diagnosed.push({ id, ...result });
      for (const stage of passedStages(result.diagnosis, result.executionRate)) stages[stage] += 1;
    }
    reports.push({ initiativeId, stages, agents: diagnosed });
  }
  return reports;
}

/**
 * One agent's diagnosis from their events on one initiative.
 * @example diagnoseAgent([learned ✓, knowledge_check ✓, simulation ✓, execution 30 of 50])
 *   // { diagnosis: 'not_yet_habit', executionRate: 0.6 }
 */
export function diagnoseAgent(events: readonly EnablementEvent[]): Omit<EnablementAgent, 'id'> {
  const passed = (stage: EnablementStage) =>
    events.some((e) => e.stage === stage && e.passed === true);
  let applicable = 0;
  let applied = 0;
  for (const e of events) {
    if (e.stage !== 'execution') continue;
    applicable += e.applicable_contacts ?? 0;
    applied += e.applied_contacts ?? 0;
  }
  const executionRate = applicable > 0 ? applied / applicable : null;
  let diagnosis: EnablementDiagnosis = 'on_track';
  if (!passed('learned')) diagnosis = 'not_learned';
  else if (!passed('knowledge_check')) diagnosis = 'not_understood';
  else if (!passed('simulation')) diagnosis = 'cannot_apply';
  else if (executionRate !== null && executionRate < EXECUTION_TARGET) diagnosis = 'not_yet_habit';
  return { diagnosis, executionRate };
}

function passedStages(diagnosis: EnablementDiagnosis, rate: number | null): EnablementStage[] {
  switch (diagnosis) {
    case 'not_learned':
      return [];
    case 'not_understood':
      return ['learned'];
    case 'cannot_apply':
      return ['learned', 'knowledge_check'];
    case 'not_yet_habit':
      return ['learned', 'knowledge_check', 'simulation'];
    case 'on_track':
      return rate === null
        ? ['learned', 'knowledge_check', 'simulation']
        : ['learned', 'knowledge_check', 'simulation', 'execution'];
  }
}
