/**
 * Validates one agent-day row (METRICS.md, "Input records"): a real date, a known agent,
 * counts that are whole numbers 0 or more, each part with its whole and never larger.
 */
import type { AgentDay } from '../../domain/records.ts';
import { toAgentDay } from '../agent-day.ts';
import type { KnownIds } from '../known-ids.ts';
import type { Checked } from './checked.ts';
import { createFieldReader, type RawRow } from './field-reader.ts';
import { checkPartWhole } from './part-whole.ts';

export function checkKpiRow(row: RawRow, known: KnownIds): Checked<AgentDay> {
  const read = createFieldReader(row);
  const date = read.date('date', true);
  const agentId = read.text('agent_id', true);
  const teamId = agentId === undefined ? undefined : known.agentTeams.get(agentId);
  if (agentId !== undefined && teamId === undefined) {
    read.fail('agent_id', `unknown agent "${agentId}" (import the agents file first)`);
  }
  const contacts = read.count('contacts_handled', true);
  const handleTime = read.amount('handle_time_sec');
  const resolved = read.count('first_contact_resolved');
  const csatResponses = read.count('csat_responses');
  const csatPositive = read.count('csat_positive');
  const qaEvaluations = read.count('qa_evaluations');
  const qaScoreTotal = read.amount('qa_score_total');
  const assigned = read.count('assigned');
  const answeredInSla = read.count('answered_in_sla');

  if (contacts !== undefined) {
    checkPartWhole(read, {
      part: 'first_contact_resolved',
      whole: 'contacts_handled',
      partValue: resolved,
      wholeValue: contacts,
      partOptional: true,
    });
  }
  checkPartWhole(read, {
    part: 'csat_positive',
    whole: 'csat_responses',
    partValue: csatPositive,
    wholeValue: csatResponses,
  });
  checkPartWhole(read, {
    part: 'qa_score_total',
    whole: 'qa_evaluations',
    partValue: qaScoreTotal,
    wholeValue: qaEvaluations,
    scale: 100,
  });
  checkPartWhole(read, {
    part: 'answered_in_sla',
    whole: 'assigned',
    partValue: answeredInSla,
    wholeValue: assigned,
  });

  // No closure (checked()) here: captured locals would live in a heap context per row.
  if (read.issues.length > 0) return { ok: false, issues: read.issues };
  return {
    ok: true,
    record: toAgentDay(
      {
        date: date as string,
        agent_id: agentId as string,
        contacts_handled: contacts as number,
        handle_time_sec: handleTime,
        first_contact_resolved: resolved,
        csat_responses: csatResponses,
        csat_positive: csatPositive,
        qa_evaluations: qaEvaluations,
        qa_score_total: qaScoreTotal,
        assigned,
        answered_in_sla: answeredInSla,
      },
      teamId as string,
    ),
  };
}
