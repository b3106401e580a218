/** The rows of durability batch i: agent `W<i>`, 200 consecutive days from 2023-01-01. */
import type { AgentDay } from '../../src/domain/records.ts';

export const BATCH_ROWS = 200;

export function batchRows(i: number): AgentDay[] {
  const start = Date.UTC(2023, 0, 1);
  return Array.from({ length: BATCH_ROWS }, (_, d) => ({
    date: new Date(start + d * 86_400_000).toISOString().slice(0, 10),
    agent_id: `W${i}`,
    team_id: 'T',
    contacts_handled: i + 1,
  }));
}
