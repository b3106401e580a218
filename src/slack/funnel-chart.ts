/**
 * The funnel chart of one proportion for a team (METRICS.md v2, "Funnel view"), as a PNG
 * file with alt text, for leads and directors. No name is drawn on it; the agents worse
 * beyond chance are named only in the lead's private text (blocks/funnel-flags.ts).
 */
import { agentFunnel } from '../analytics/funnel.ts';
import type { ChartSpec } from '../charts/spec.ts';
import { funnelChartSpec } from '../charts/specs/funnel-chart.ts';
import { METRIC_DEFS, type ProportionMetric } from '../domain/metrics.ts';
import type { TeamReport } from '../domain/report.ts';
import { t } from '../messages/t.ts';
import type { OutgoingFile } from './delivery/types.ts';

export async function funnelChart(args: {
  render: (spec: ChartSpec) => Promise<Buffer>;
  team: Pick<TeamReport, 'id' | 'name' | 'agents'>;
  metric: ProportionMetric;
}): Promise<OutgoingFile> {
  const { team, metric } = args;
  const spec = funnelChartSpec({
    teamName: team.name,
    metric,
    funnel: agentFunnel(team.agents, metric),
  });
  return {
    filename: `${team.id}-${metric}-funnel.png`,
    bytes: await args.render(spec),
    alt_text: spec.altText,
    title: t('charts_post.funnel_title', { team: team.name, label: METRIC_DEFS[metric].label }),
  };
}
