/**
 * Sums per-contact rows (a ticket, a call) into one agent-day each. Every validated row
 * is already an AgentDay of one contact, so the day is the field-by-field sum, derived
 * counts included (aht_contacts counts only the contacts whose handle time was
 * measured: METRICS.md keeps ratios exact over any group).
 *
 * A day with a rejected row is not stored at all (it is "poisoned"): storing the rest
 * would write a day short of contacts and replace a complete day already stored. The
 * operator fixes the row and imports the file again.
 *
 * Holds one record per agent-day of the file until the end (the file must be read in
 * full before any day is complete): a year of 2,000 agents is 730,000 small records.
 */
import type { AgentDay } from '../../domain/records.ts';

const SUMMED = [
  'contacts_handled',
  'handle_time_sec',
  'aht_contacts',
  'first_contact_resolved',
  'fcr_contacts',
  'csat_responses',
  'csat_positive',
  'qa_evaluations',
  'qa_score_total',
  'assigned',
  'answered_in_sla',
] as const;

export interface PoisonedDay {
  agent_id: string;
  date: string;
  /** Lines of the day's rows that were valid and are not stored. */
  withheld: number[];
  /** Lines of the day's rejected rows. */
  rejected: number[];
}

export interface AgentDayRollup {
  add(record: AgentDay, line: number): void;
  /** A rejected row whose agent and day are known: that day will not be stored. */
  poison(agentId: string, date: string, line: number): void;
  /** The summed days to store, and the days withheld. */
  finish(): { days: AgentDay[]; poisoned: PoisonedDay[] };
}

/**
 * @example
 * const r = createAgentDayRollup();
 * r.add({ date: '2026-11-30', agent_id: 'A1', team_id: 'T1', contacts_handled: 1, csat_responses: 1, csat_positive: 1 }, 2);
 * r.add({ date: '2026-11-30', agent_id: 'A1', team_id: 'T1', contacts_handled: 1, csat_responses: 1, csat_positive: 0 }, 3);
 * r.finish().days // [{ date: '2026-11-30', agent_id: 'A1', team_id: 'T1', contacts_handled: 2, csat_responses: 2, csat_positive: 1 }]
 */
export function createAgentDayRollup(): AgentDayRollup {
  const days = new Map<string, { day: AgentDay; lines: number[] }>();
  const poisoned = new Map<string, PoisonedDay>();
  const keyOf = (agentId: string, date: string) => `${date}\u0000${agentId}`;

  return {
    add(record, line) {
      const key = keyOf(record.agent_id, record.date);
      const held = days.get(key);
      if (held === undefined) {
        days.set(key, { day: { ...record }, lines: [line] });
        return;
      }
      held.lines.push(line);
      const day = held.day as unknown as Record<string, number | undefined>;
      const add = record as unknown as Record<string, number | undefined>;
      for (const field of SUMMED) {
        const value = add[field];
        if (value !== undefined) day[field] = (day[field] ?? 0) + value;
      }
    },
    poison(agentId, date, line) {
      const key = keyOf(agentId, date);
      const entry = poisoned.get(key) ?? { agent_id: agentId, date, withheld: [], rejected: [] };
      entry.rejected.push(line);
      poisoned.set(key, entry);
    },
    finish() {
      const out: AgentDay[] = [];
      for (const [key, { day, lines }] of days) {
        const bad = poisoned.get(key);
        if (bad === undefined) out.push(day);
        else bad.withheld.push(...lines);
      }
      return { days: out, poisoned: [...poisoned.values()] };
    },
  };
}
