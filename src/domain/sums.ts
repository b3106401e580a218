/**
 * Summed rows: what the store's aggregations answer and what analytics read. They are
 * data shapes, so they live here, below both (analytics may not import the store).
 */
import type { Sums } from './metrics.ts';
import type { LocalDate } from './records.ts';

export interface TeamDaySums extends Sums {
  team_id: string;
  date: LocalDate;
}

export interface AgentWindowSums extends Sums {
  agent_id: string;
  team_id: string;
  /** Days with a record in the window. */
  days: number;
}

export interface AgentDaySums extends Sums {
  agent_id: string;
  date: LocalDate;
}

export interface ContactCount {
  team_id: string;
  reason: string;
  count: number;
}
