/**
 * The words beside a funnel chart, for a lead or director only (METRICS.md v2, "Funnel
 * view"): the agents whose rate is outside the 99.8% limits on the worse side, each with
 * the rate, its Wilson interval and n; or the one true sentence that nobody is. Agents
 * inside the limits are never named: there, a difference can be chance.
 */
import { agentFunnel } from '../src/analytics/funnel.ts';
import type { ProportionMetric } from '../src/domain/metrics.ts';
import type { TeamReport } from '../src/domain/report-types.ts';
import { formatInterval, formatN, formatValue } from '../src/messages/format.ts';
import { metricLabel } from '../src/messages/metric-names.ts';
import { escapeMrkdwn } from '../src/messages/mrkdwn.ts';
import { t } from '../src/messages/t.ts';

/**
 * @example funnelFlagsText(team, ['csat'])
 *   // '*Worse than the team beyond chance* (outside the 99.8% funnel limits for their n; only you see this)\n• CSAT: Lee Chen 61.0% (55–67%, n = 240 survey responses)'
 */
export function funnelFlagsText(
  team: Pick<TeamReport, 'agents'>,
  metrics: readonly ProportionMetric[],
): string {
  const lines: string[] = [];
  const clear: string[] = [];
  for (const metric of metrics) {
    const funnel = agentFunnel(team.agents, metric);
    if (!funnel) continue;
    const flagged = funnel.points.filter((p) => p.flagged);
    if (flagged.length === 0) {
      clear.push(metricLabel(metric));
      continue;
    }
    for (const point of flagged) {
      const agent = team.agents.find((a) => a.id === point.id);
      const interval = agent?.intervals[metric];
      lines.push(
        t('funnel.flag', {
          label: metricLabel(metric),
          name: escapeMrkdwn(agent?.name ?? point.id),
          value: formatValue(metric, point.rate),
          interval: interval ? `${formatInterval(interval)}, ` : '',
          n: formatN(metric, point.n),
        }),
      );
    }
  }
  const out = [t('funnel.header')];
  out.push(...lines);
  if (clear.length > 0) out.push(t('funnel.clear', { labels: clear.join(', ') }));
  return out.join('\n');
}
