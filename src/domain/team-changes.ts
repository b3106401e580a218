/**
 * What changed for a team since its channel's last post (issue 15): the facts a change
 * post names, as data (blocks/team-charts.ts makes the words). Compared are the report
 * as of the last post's day and today's:
 * - `status`: a metric's health differs (healthy, watch, at risk, not enough data);
 * - `signal`: a control-chart signal that reaches past the last post's day and shares
 *   no day with a signal of the same rule and side in the last post's report (so a run
 *   that grows by a day, or whose start slides out of the window, is the same run);
 * - `mix_shift`: the contact mix shifted (METRICS.md, "Contact-reason mix shift") and had
 *   not at the last post; with the reasons that drove it.
 * Ordered worst first: a status that got worse, a bad signal, a mix shift, then good news.
 */
import { METRICS, type Metric } from './metrics.ts';
import { isMixDriver } from './mix-drivers.ts';
import type { LocalDate } from './records.ts';
import type { Health, Signal, SignalRule, TeamReport } from './report-types.ts';

export type TeamChange =
  | { kind: 'status'; metric: Metric; from: Health; to: Health }
  | {
      kind: 'signal';
      metric: Metric;
      rule: SignalRule;
      side: Signal['side'];
      bad: boolean;
      /** The signal's first day after the last post. */
      since: LocalDate;
      /** The signal's last day. */
      to: LocalDate;
    }
  | { kind: 'mix_shift'; drivers: string[] };

/** The parts of a team report a change is read from. */
export type TeamState = Pick<TeamReport, 'metrics' | 'contactMix'>;

const MAX_DRIVERS = 3;

const HEALTH_RANK: Record<Health, number> = {
  at_risk: 0,
  watch: 1,
  healthy: 2,
  insufficient_data: 3,
};

/** Whether `signal` is one of `known`: same rule and side, and at least one day in common. */
function isKnown(signal: Signal, known: readonly Signal[]): boolean {
  return known.some(
    (k) =>
      k.rule === signal.rule &&
      k.side === signal.side &&
      k.points.some((day) => signal.points.includes(day)),
  );
}

/**
 * @param previous the team as of the last post's day (null: never posted)
 * @param current the team today
 * @param lastPostDay the report day of the last post; signals must reach past it
 * @example teamChanges(monday, tuesday, '2026-11-22')
 *   // [{ kind: 'status', metric: 'csat', from: 'healthy', to: 'watch' }]
 */
export function teamChanges(
  previous: TeamState,
  current: TeamState,
  lastPostDay: LocalDate,
): TeamChange[] {
  const changes: { change: TeamChange; rank: number }[] = [];
  for (const metric of METRICS) {
    const before = previous.metrics[metric];
    const now = current.metrics[metric];
    if (before.health !== now.health) {
      const worse = HEALTH_RANK[now.health] < HEALTH_RANK[before.health];
      changes.push({
        change: { kind: 'status', metric, from: before.health, to: now.health },
        rank: worse ? 0 : 3,
      });
    }
    for (const signal of now.stability.signals) {
      const last = signal.points[signal.points.length - 1] ?? signal.dates[signal.dates.length - 1];
      if (!last || last <= lastPostDay || isKnown(signal, before.stability.signals)) continue;
      changes.push({
        change: {
          kind: 'signal',
          metric,
          rule: signal.rule,
          side: signal.side,
          bad: signal.bad,
          since: signal.points.find((d) => d > lastPostDay) ?? last,
          to: last,
        },
        rank: signal.bad ? 1 : 4,
      });
    }
  }
  if (current.contactMix.shift && !previous.contactMix.shift) {
    const drivers = current.contactMix.drivers
      .filter((d) => isMixDriver(current.contactMix, d))
      .slice(0, MAX_DRIVERS)
      .map((d) => d.reason);
    changes.push({ change: { kind: 'mix_shift', drivers }, rank: 2 });
  }
  // Stable sort: within a rank, metrics keep the table's order.
  return changes.sort((a, b) => a.rank - b.rank).map((c) => c.change);
}

/** The metric a change is about, if any (a mix shift is about contact reasons). */
export function changeMetric(change: TeamChange): Metric | null {
  return change.kind === 'mix_shift' ? null : change.metric;
}
