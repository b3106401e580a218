/**
 * Agent-day KPI rows, keyed by (agent_id, date). Missing counts stay missing ("not
 * measured"), so sums skip them.
 */
import { SUM_FIELDS } from '../../domain/metrics.ts';
import { type AgentDay, naturalKey } from '../../domain/records.ts';
import type { Doc, DocCollection, IndexSpec } from '../collection.ts';
import type { AgentDaySums, AgentWindowSums, KpiStore, TeamDaySums } from '../types.ts';
import { agentDayCounts, byText, checkRange, readSums } from './documents.ts';
import { agentDailyPipeline, agentWindowPipeline, teamDailyPipeline } from './kpi-pipelines.ts';

export const AGENT_DAYS = 'agent_days';
export const agentDayIndexes: IndexSpec[] = [
  { key: { date: 1 } },
  { key: { agent_id: 1, date: 1 } },
  { key: { team_id: 1, date: 1 } },
];

/** The stored document: keys first, then the measured counts in SUM_FIELDS order. */
function toAgentDayDoc(row: AgentDay, i: number): Doc {
  const counts = agentDayCounts(row, i);
  const doc: Doc = {
    _id: naturalKey.agentDay(row),
    date: row.date,
    agent_id: row.agent_id,
    team_id: row.team_id,
  };
  for (let f = 0; f < SUM_FIELDS.length; f++) {
    const value = counts[f];
    if (value !== null && value !== undefined) doc[SUM_FIELDS[f] as string] = value;
  }
  return doc;
}

function idOf(row: Record<string, unknown>): Record<string, string> {
  return row._id as Record<string, string>;
}

export function makeKpiStore(coll: DocCollection): KpiStore {
  return {
    upsertMany: async ({ rows }) => coll.upsertMany(rows.map(toAgentDayDoc)),

    teamDailySums: async (args) => {
      checkRange(args, 'kpis.teamDailySums');
      const groups = await coll.aggregate(teamDailyPipeline(args));
      return groups
        .map(
          (g): TeamDaySums => ({
            team_id: idOf(g).team_id as string,
            date: idOf(g).date as string,
            ...readSums(g),
          }),
        )
        .sort((a, b) => byText(a.team_id, b.team_id) || byText(a.date, b.date));
    },

    agentWindowSums: async (args) => {
      checkRange(args, 'kpis.agentWindowSums');
      const groups = await coll.aggregate(agentWindowPipeline(args));
      return groups
        .map(
          (g): AgentWindowSums => ({
            agent_id: g._id as string,
            team_id: (g.latest as { team_id: string }).team_id,
            days: Number(g.days),
            ...readSums(g),
          }),
        )
        .sort((a, b) => byText(a.agent_id, b.agent_id));
    },

    agentDailySums: async (args) => {
      checkRange(args, 'kpis.agentDailySums');
      if (args.agentIds.length === 0) return [];
      const groups = await coll.aggregate(agentDailyPipeline(args));
      return groups
        .map(
          (g): AgentDaySums => ({
            agent_id: idOf(g).agent_id as string,
            date: idOf(g).date as string,
            ...readSums(g),
          }),
        )
        .sort((a, b) => byText(a.agent_id, b.agent_id) || byText(a.date, b.date));
    },

    /** Two finds on the date index, one document each, instead of grouping every row. */
    dateSpan: async () => {
      const [first] = await coll.find({}, { sort: { date: 1 }, limit: 1 });
      const [last] = await coll.find({}, { sort: { date: -1 }, limit: 1 });
      if (!first || !last || typeof first.date !== 'string' || typeof last.date !== 'string')
        return null;
      return { from: first.date, to: last.date };
    },

    count: () => coll.countDocuments({}),
  };
}
