/**
 * The aggregation pipelines behind the KPI questions, run server-side by MongoDB. They
 * end at `$group`; the repository shapes and sorts the (few) groups in plain code.
 * A missing field is "not measured": `$sum` skips it in both engines.
 */

import type { Pipeline } from '../collection.ts';
import type { DateRange } from '../types.ts';
import { sumAccumulators } from './documents.ts';

function dateMatch(range: DateRange, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { date: { $gte: range.from, $lte: range.to }, ...extra };
}

/** Σ per (team, day): `$match` date range [+ teams] → `$group` by {team_id, date}. */
export function teamDailyPipeline(args: DateRange & { teamIds?: string[] }): Pipeline {
  const extra = args.teamIds ? { team_id: { $in: args.teamIds } } : {};
  return [
    { $match: dateMatch(args, extra) },
    { $group: { _id: { team_id: '$team_id', date: '$date' }, ...sumAccumulators() } },
  ];
}

/**
 * Σ per agent over the range, with `days` = rows counted and `latest` = the greatest
 * `{ date, team_id }` document, whose `team_id` is the team of the agent's latest day in
 * range: documents compare field by field in order, so the later date wins (an agent has
 * one row per date, so there are no ties). No `$sort` stage: a sort before `$group` is
 * bounded by the server's 100 MB sort memory unless it may spill to disk (`allowDiskUse`,
 * which Atlas's shared tiers ignore), while `$max` keeps one value per agent and runs on
 * every server version. (`$top` would say the same, but needs MongoDB 5.2, and mingo
 * 7.2's `$top` returns a one-element array where the server returns the value.)
 */
export function agentWindowPipeline(
  args: DateRange & { teamIds?: string[]; agentIds?: string[] },
): Pipeline {
  const extra: Record<string, unknown> = {};
  if (args.teamIds) extra.team_id = { $in: args.teamIds };
  if (args.agentIds) extra.agent_id = { $in: args.agentIds };
  return [
    { $match: dateMatch(args, extra) },
    {
      $group: {
        _id: '$agent_id',
        latest: { $max: { date: '$date', team_id: '$team_id' } },
        days: { $sum: 1 },
        ...sumAccumulators(),
      },
    },
  ];
}

/** Σ per (agent, day) for the given agents. */
export function agentDailyPipeline(args: DateRange & { agentIds: string[] }): Pipeline {
  return [
    { $match: dateMatch(args, { agent_id: { $in: args.agentIds } }) },
    { $group: { _id: { agent_id: '$agent_id', date: '$date' }, ...sumAccumulators() } },
  ];
}

/** Σ count per (team, reason). */
export function reasonCountPipeline(args: DateRange & { teamIds?: string[] }): Pipeline {
  const extra = args.teamIds ? { team_id: { $in: args.teamIds } } : {};
  return [
    { $match: dateMatch(args, extra) },
    { $group: { _id: { team_id: '$team_id', reason: '$reason' }, count: { $sum: '$count' } } },
  ];
}
