/**
 * Maps a validated agent-day row to the stored AgentDay. Two fields are derived
 * (src/domain/metrics.ts, SUM_FIELDS): `fcr_contacts` and `aht_contacts` are
 * contacts_handled counted only when first_contact_resolved, respectively
 * handle_time_sec, was measured, so a source without that column gives "no value",
 * not a ratio against contacts nobody checked. `team_id` is the agent's current team.
 */
import type { AgentDay } from '../domain/records.ts';

/** The measured counts of one row; optional ones are absent when not measured. */
export type AgentDayInput = Omit<AgentDay, 'team_id' | 'fcr_contacts' | 'aht_contacts'>;

/**
 * @example toAgentDay({ date: '2026-03-02', agent_id: 'a1', contacts_handled: 40, first_contact_resolved: 30 }, 't1')
 * // { date: '2026-03-02', agent_id: 'a1', team_id: 't1', contacts_handled: 40,
 * //   first_contact_resolved: 30, fcr_contacts: 40 }   (no aht_contacts: handle time not measured)
 */
export function toAgentDay(input: AgentDayInput, teamId: string): AgentDay {
  const day: AgentDay = {
    date: input.date,
    agent_id: input.agent_id,
    team_id: teamId,
    contacts_handled: input.contacts_handled,
  };
  // Written out field by field: this runs once per row of million-row files.
  if (input.handle_time_sec !== undefined) {
    day.handle_time_sec = input.handle_time_sec;
    day.aht_contacts = input.contacts_handled;
  }
  if (input.first_contact_resolved !== undefined) {
    day.first_contact_resolved = input.first_contact_resolved;
    day.fcr_contacts = input.contacts_handled;
  }
  if (input.csat_responses !== undefined) day.csat_responses = input.csat_responses;
  if (input.csat_positive !== undefined) day.csat_positive = input.csat_positive;
  if (input.qa_evaluations !== undefined) day.qa_evaluations = input.qa_evaluations;
  if (input.qa_score_total !== undefined) day.qa_score_total = input.qa_score_total;
  if (input.assigned !== undefined) day.assigned = input.assigned;
  if (input.answered_in_sla !== undefined) day.answered_in_sla = input.answered_in_sla;
  return day;
}
