/**
 * One metric of one team in detail: value and n, health and why, the sustained trend
 * (Theil–Sen slope a week, Mann–Kendall p), stability (the centre; XmR limits, or for a
 * p′ chart the words that its limits vary with each day's n; the signals with their
 * days), the monthly values, and always the other side of the balance beside it
 * (efficiency is never shown without quality). For a lead or director, a proportion also
 * names the agents worse than the team beyond chance (blocks/funnel-flags.ts).
 */
import type { KnownBlock } from '@slack/types';
import { isProportion, type Metric } from '../src/domain/metrics.ts';
import type { Query } from '../src/domain/query.ts';
import type { OrgReport, TeamReport } from '../src/domain/report-types.ts';
import { formatDelta, formatP, formatValue } from '../src/messages/format.ts';
import { metricLabel, metricNLabel } from '../src/messages/metric-names.ts';
import { escapeMrkdwn } from '../src/messages/mrkdwn.ts';
import { t } from '../src/messages/t.ts';
import { metricButtons, periodButtons } from './controls.ts';
import { funnelFlagsText } from './funnel-flags.ts';
import {
  chartBlocks,
  context,
  fitMessage,
  header,
  type SlackMessage,
  section,
  type ViewCharts,
} from './message.ts';
import { besideLine, healthLabel, statusLine, valueLine } from './metric-lines.ts';
import { windowLine } from './team-summary.ts';

/** Signals listed before the rest are summarised in a count. */
const MAX_SIGNALS = 8;

export interface MetricDetailArgs extends ViewCharts {
  team: TeamReport;
  metric: Metric;
  report: Pick<OrgReport, 'asOf' | 'window' | 'options'>;
  query: Query;
  canShare: boolean;
  /** A lead or director: a proportion also gets the funnel's names worse beyond chance. */
  seesAgents?: boolean;
}

export function buildMetricDetailBlocks(args: MetricDetailArgs): SlackMessage {
  const { team, metric } = args;
  const m = team.metrics[metric];
  if (!m) throw new TypeError(`buildMetricDetailBlocks: team ${team.id} has no metric "${metric}"`);
  const label = metricLabel(metric);
  const blocks: KnownBlock[] = [
    header(t('metric.header', { team: team.name, label })),
    context(windowLine(args.report)),
    section(`${valueLine(metric, m)}\n${statusLine(metric, m)}`),
  ];
  const slope = m.trend.slopePerDay;
  blocks.push(
    section(
      t('metric.trend', {
        direction: t(`direction.${m.trend.direction}`),
        slope: slope === null ? '–' : formatDelta(metric, slope * 7),
        p: formatP(m.trend.p),
        points: m.trend.points,
      }),
    ),
  );
  const s = m.stability;
  const signalLines = s.signals.slice(0, MAX_SIGNALS).map((signal) =>
    t('metric.signal', {
      rule: t(`metric.signal.${signal.rule}`),
      side: t(`metric.side.${signal.side}`),
      dates: signal.dates.join(' – '),
    }),
  );
  if (s.signals.length > MAX_SIGNALS)
    signalLines.push(t('common.truncated_fallback', { count: s.signals.length - MAX_SIGNALS }));
  blocks.push(
    section(
      [
        // A p′ chart has limits day by day (METRICS.md v2): no single "limits lcl – ucl".
        s.chart === 'p_prime'
          ? t('metric.stability_p_prime', {
              stability: t(`stability.${s.status}`),
              mean: formatValue(metric, s.mean),
              nLabel: metricNLabel(metric),
            })
          : t('metric.stability', {
              stability: t(`stability.${s.status}`),
              mean: formatValue(metric, s.mean),
              lcl: formatValue(metric, s.lcl),
              ucl: formatValue(metric, s.ucl),
            }),
        ...signalLines,
      ].join('\n'),
    ),
  );
  if (m.monthly.length > 0) {
    const months = m.monthly.map((p) =>
      t('metric.month_value', { month: p.month, value: formatValue(metric, p.value), n: p.n }),
    );
    blocks.push(section(t('metric.monthly', { months: months.join(' · ') })));
  }
  blocks.push(section(besideLine(metric, team.metrics)));
  if (args.seesAgents && isProportion(metric))
    blocks.push(section(funnelFlagsText(team, [metric])));
  blocks.push(...chartBlocks(args));
  blocks.push(metricButtons(args.query));
  blocks.push(
    periodButtons(args.query, { canShare: args.canShare, days: args.report.options.windowDays }),
  );
  const text = t('metric.fallback', {
    team: escapeMrkdwn(team.name),
    label,
    value: m.value === null ? t('common.no_value') : formatValue(metric, m.value),
    n: t('common.n_bare', { n: m.n }),
    health: healthLabel(m.health),
  });
  return fitMessage({ text, blocks });
}
