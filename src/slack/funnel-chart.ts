/**
 * The funnel chart (METRICS.md v2, "Funnel view") in the extra slot of the `metric` and
 * `tiers` chart selections: each agent's rate against its n, with 95% and 99.8% limits
 * around the team's pooled rate, for leads and directors only (the request's `funnel`
 * flag). No name is drawn on it; the agents worse beyond chance are named only in the
 * lead's private text (blocks/funnel-flags.ts).
 */
import { agentFunnel } from '../analytics/funnel.ts';
import { funnelChartSpec } from '../charts/specs/funnel-chart.ts';
import { isProportion, PROPORTION_METRICS, type ProportionMetric } from '../domain/metrics.ts';
import type { TeamReport } from '../domain/report-types.ts';
import { metricLabel } from '../messages/metric-names.ts';
import { t } from '../messages/t.ts';
import type { ChartChoice, ExtraChartSlots } from './charts.ts';

/** The funnel of one proportion for a team, or null when no agent has n > 0. */
export function funnelChoice(team: TeamReport, metric: ProportionMetric): ChartChoice | null {
  const funnel = agentFunnel(team.agents, metric);
  if (!funnel) return null;
  return {
    spec: funnelChartSpec({ teamName: team.name, metric, funnel }),
    name: `${metric}-funnel`,
    title: t('charts_post.funnel_title', { team: team.name, label: metricLabel(metric) }),
  };
}

/**
 * The proportion whose funnel the tiers view shows (a view carries at most two charts):
 * the one with the most agents worse than the team beyond chance, CSAT first on a tie.
 */
export function tiersFunnelMetric(team: TeamReport): ProportionMetric {
  let best: ProportionMetric = PROPORTION_METRICS[0] as ProportionMetric;
  let most = -1;
  for (const metric of PROPORTION_METRICS) {
    const flagged = agentFunnel(team.agents, metric)?.points.filter((p) => p.flagged).length ?? 0;
    if (flagged > most) {
      most = flagged;
      best = metric;
    }
  }
  return best;
}

/** The slots: a funnel beside the trend of a proportion, and beside the tier mix. */
export const funnelSlots: ExtraChartSlots = {
  metric: (request) =>
    request.funnel && isProportion(request.metric)
      ? funnelChoice(request.team, request.metric)
      : null,
  tiers: (request) =>
    request.funnel ? funnelChoice(request.team, tiersFunnelMetric(request.team)) : null,
};
