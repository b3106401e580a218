/**
 * Who a team celebrates this week (PRODUCT.md, "No gaming, no popularity contest"): only
 * positive lists, never a bottom list, never a single-metric leaderboard.
 *
 * - **Top tier**: agents whose tier is `top` (balanced composite, METRICS.md), best
 *   composite first.
 * - **Most improved**: among agents tiered in both windows (composite and
 *   previousComposite present), gain = composite − previousComposite; the largest
 *   positive gains, `maxImproved` of them and every agent tied with the last one (a tie
 *   is never broken by name), excluding agents already named in the top tier so
 *   recognition reaches different people.
 * - **Personal best**: an agent's best ISO week on a metric in their own history. Days
 *   are grouped into ISO weeks (Monday–Sunday) and each week's value is the ratio of its
 *   sums (METRICS.md). The `current` week is a personal best on a metric when its
 *   denominator is at least `minN`, the agent has at least `minWeeks` earlier weeks with
 *   denominator ≥ `minN`, and the current value is strictly better (polarity applied)
 *   than every one of them. An efficiency best (handle time, answer rate) counts only
 *   when no quality metric that week fell below the median of the agent's earlier weeks,
 *   so speed bought with quality is never celebrated ("Balance"). At most one best per
 *   agent: the first in balanced order (quality first).
 */

import { isoWeek } from '../domain/dates.ts';
import {
  addSums,
  emptySums,
  METRICS,
  type Metric,
  metricN,
  metricValue,
  polaritySign,
  QUALITY_METRICS,
  type Sums,
} from '../domain/metrics.ts';
import type { LocalDate } from '../domain/records.ts';
import type { AgentReport } from '../domain/report-types.ts';
import { median } from './median.ts';

export interface Recognised {
  id: string;
  name: string;
}

export interface Improved extends Recognised {
  /** composite − previousComposite (positive). */
  gain: number;
}

export interface PersonalBest extends Recognised {
  metric: Metric;
  value: number;
  /** The best earlier week's value it beat. */
  previousBest: number;
  n: number;
}

export interface Recognition {
  top: Recognised[];
  mostImproved: Improved[];
  personalBests: PersonalBest[];
}

const BALANCED: readonly Metric[] = [
  ...QUALITY_METRICS,
  ...METRICS.filter((m) => !QUALITY_METRICS.includes(m)),
];

/**
 * Top tier and most improved from the agents of one team's report.
 * @example
 * // a top (0.9), b average 0.5 (was 0.2, +0.3), c average 0.4 (was 0.35, +0.05)
 * selectRecognition({ agents }).mostImproved // [{ id: 'b', gain: 0.3 }, { id: 'c', gain: 0.05 }]
 */
export function selectRecognition(args: {
  agents: readonly Pick<AgentReport, 'id' | 'name' | 'tier' | 'composite' | 'previousComposite'>[];
  maxTop?: number;
  maxImproved?: number;
}): Pick<Recognition, 'top' | 'mostImproved'> {
  if (!Array.isArray(args.agents)) throw new Error('selectRecognition needs agents as an array');
  const maxTop = args.maxTop ?? 10;
  const maxImproved = args.maxImproved ?? 3;
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const top = args.agents
    .filter((a) => a.tier === 'top' && a.composite !== null)
    .sort((a, b) => (b.composite as number) - (a.composite as number) || byName(a, b))
    .slice(0, maxTop)
    .map(({ id, name }) => ({ id, name }));
  const named = new Set(top.map((a) => a.id));
  const gains = args.agents
    .filter(
      (a) =>
        a.tier !== 'insufficient_data' &&
        a.composite !== null &&
        a.previousComposite !== null &&
        !named.has(a.id),
    )
    .map((a) => ({
      id: a.id,
      name: a.name,
      gain: (a.composite as number) - (a.previousComposite as number),
    }))
    .filter((a) => a.gain > 0)
    .sort((a, b) => b.gain - a.gain || byName(a, b));
  return { top, mostImproved: withTies(gains, maxImproved, (a) => a.gain) };
}

/**
 * The first `max` of a sorted list, and every later item whose key equals the last one's.
 * @example withTies([5, 3, 3, 1], 2, (x) => x) // [5, 3, 3]
 */
export function withTies<T>(sorted: readonly T[], max: number, key: (item: T) => number): T[] {
  const kept = sorted.slice(0, max);
  const last = kept[kept.length - 1];
  if (last === undefined) return kept;
  for (const item of sorted.slice(max)) {
    if (key(item) !== key(last)) break;
    kept.push(item);
  }
  return kept;
}

/** One agent's day of sums (the shape of `store.kpis.agentDailySums`). */
export type AgentDay = Partial<Sums> & { agent_id: string; date: LocalDate };

/**
 * Personal bests in `currentWeek` (an ISO week, `YYYY-Www`) from each agent's daily sums.
 * @example
 * // weeks W40–W43 CSAT 80%, 82%, 81%, 85% (n 50 each), current W43 → best 85% over 82%
 */
export function personalBests(args: {
  agents: readonly Recognised[];
  days: readonly AgentDay[];
  currentWeek: string;
  minN?: number;
  minWeeks?: number;
}): PersonalBest[] {
  if (!/^\d{4}-W\d{2}$/.test(args.currentWeek))
    throw new Error(`personalBests needs currentWeek as YYYY-Www (got "${args.currentWeek}")`);
  const minN = args.minN ?? 20;
  const minWeeks = args.minWeeks ?? 4;
  const weeks = new Map<string, Map<string, Sums>>();
  for (const day of args.days) {
    const byWeek = weeks.get(day.agent_id) ?? new Map<string, Sums>();
    weeks.set(day.agent_id, byWeek);
    const week = isoWeek(day.date);
    byWeek.set(week, addSums(byWeek.get(week) ?? emptySums(), day));
  }
  const bests: PersonalBest[] = [];
  for (const agent of args.agents) {
    const byWeek = weeks.get(agent.id);
    const current = byWeek?.get(args.currentWeek);
    if (!byWeek || !current) continue;
    const earlier = [...byWeek.entries()].filter(([w]) => w < args.currentWeek).map(([, s]) => s);
    const qualityHeld = QUALITY_METRICS.every((q) => {
      const now = metricN(current, q) >= minN ? metricValue(current, q) : null;
      const past = earlier
        .filter((s) => metricN(s, q) >= minN)
        .map((s) => metricValue(s, q) as number);
      return now === null || past.length === 0 || now >= median(past);
    });
    for (const metric of BALANCED) {
      if (!QUALITY_METRICS.includes(metric) && !qualityHeld) continue;
      const n = metricN(current, metric);
      const value = metricValue(current, metric);
      if (value === null || n < minN) continue;
      const past = earlier
        .filter((s) => metricN(s, metric) >= minN)
        .map((s) => metricValue(s, metric) as number);
      if (past.length < minWeeks) continue;
      const sign = polaritySign(metric);
      const previousBest = sign > 0 ? Math.max(...past) : Math.min(...past);
      if (sign * (value - previousBest) > 0) {
        bests.push({ id: agent.id, name: agent.name, metric, value, previousBest, n });
        break;
      }
    }
  }
  return bests;
}
