/**
 * Charts for Slack views: which charts a view shows, made into PNG files with alt text.
 * The chart specs and the renderer live in src/charts; this only chooses and names them.
 */

import type { ChartSpec } from '../charts/spec.ts';
import { trendStabilitySpec } from '../charts/specs/trend-stability.ts';
import { METRIC_DEFS, type Metric, type ProportionMetric } from '../domain/metrics.ts';
import type { OrgReport, TeamReport } from '../domain/report.ts';
import { t } from '../messages/t.ts';
import type { OutgoingFile } from './delivery/types.ts';
import { funnelChart } from './funnel-chart.ts';

export interface ChartMaker {
  /** The charts for a team view focused on `metric`. */
  teamCharts(args: {
    report: Pick<OrgReport, 'window'>;
    team: TeamReport;
    metric: Metric;
  }): Promise<OutgoingFile[]>;
  /** Funnel charts of these proportions, for leads and directors (funnel-chart.ts). */
  funnelCharts?(args: { team: TeamReport; metrics: ProportionMetric[] }): Promise<OutgoingFile[]>;
}

/** A chart maker drawing the trend-and-stability chart of the metric with `render` (the worker pool). */
export function createChartMaker(render: (spec: ChartSpec) => Promise<Buffer>): ChartMaker {
  return {
    async teamCharts({ report, team, metric }) {
      const spec = trendStabilitySpec({
        teamName: team.name,
        metric,
        report: team.metrics[metric],
        window: report.window,
      });
      const bytes = await render(spec);
      return [
        {
          filename: `${team.id}-${metric}-trend.png`,
          bytes,
          alt_text: spec.altText,
          title: t('charts_post.trend_title', {
            team: team.name,
            label: METRIC_DEFS[metric].label,
          }),
        },
      ];
    },
    funnelCharts: ({ team, metrics }) =>
      Promise.all(metrics.map((metric) => funnelChart({ render, team, metric }))),
  };
}
