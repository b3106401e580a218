/**
 * Enablement funnel by team for one initiative: per team, the share of enrolled agents
 * past each checkpoint (learned → knowledge check → simulation → execution ≥ 80%), in
 * light-to-dark blues so the order reads without the legend. The alt text names each
 * team's biggest drop, which is where its agents are stuck (METRICS.md "Enablement
 * funnel diagnosis").
 */
import { ENABLEMENT_STAGES, type EnablementStage } from '../../domain/records.ts';
import type { EnablementReport } from '../../domain/report-types.ts';
import { tn } from '../../messages/plural.ts';
import { t } from '../../messages/t.ts';
import { INK, STAGE_COLORS } from '../palette.ts';
import { type ChartSpec, clampAltText, noDataSpec } from '../spec.ts';
import { pct } from './wording.ts';

export interface EnablementFunnelArgs {
  initiativeId: string;
  teams: { name: string; report: EnablementReport }[];
  width?: number;
}

/** A stage's legend label, from the catalogue. */
export function stageLabel(stage: EnablementStage): string {
  return t(`chart.funnel.stage.${stage}`);
}

/** The steps between which agents are lost: enrolment, then each stage. */
const STEP_KEYS = [
  'chart.funnel.step.0',
  'chart.funnel.step.1',
  'chart.funnel.step.2',
  'chart.funnel.step.3',
  'chart.funnel.step.4',
] as const;
const stepName = (i: number) => t(STEP_KEYS[i] ?? 'chart.funnel.step.4');

interface FunnelRow {
  name: string;
  enrolled: number;
  counts: number[];
  /** Index into STEP_NAMES of the step before the biggest drop, and its size. */
  drop: { from: number; lost: number };
}

/** Per team: enrolled (agents listed, or learned if none are), counts per stage, biggest drop. */
export function funnelRows(args: EnablementFunnelArgs): FunnelRow[] {
  return args.teams.map(({ name, report }) => {
    const counts = ENABLEMENT_STAGES.map((s) => report.stages[s]);
    counts.forEach((c, i) => {
      if (!Number.isInteger(c) || c < 0) {
        throw new Error(
          `enablementFunnelSpec: ${name} stage ${ENABLEMENT_STAGES[i]} count must be a whole number ≥ 0 (got ${c})`,
        );
      }
    });
    const enrolled = Math.max(report.agents.length, ...counts);
    const chain = [enrolled, ...counts];
    let drop = { from: 0, lost: -1 };
    for (let i = 0; i + 1 < chain.length; i++) {
      const lost = (chain[i] as number) - (chain[i + 1] as number);
      if (lost > drop.lost) drop = { from: i, lost };
    }
    return { name, enrolled, counts, drop };
  });
}

/**
 * @example enablementFunnelSpec({ initiativeId: 'refund-policy-v2', teams }).altText
 *   // 'Enablement of refund-policy-v2 across 4 teams. Austin Tech: 17 of 22 passed the simulation, 4 apply it (biggest drop: 13 agents between the simulation and execution). …'
 */
export function enablementFunnelSpec(args: EnablementFunnelArgs): ChartSpec {
  const width = args.width ?? 640;
  const rows = funnelRows(args).filter((r) => r.enrolled > 0);
  const height = Math.max(300, Math.min(2000, 150 + rows.length * 72));
  if (rows.length === 0)
    return noDataSpec(
      'enablement-funnel',
      t('chart.funnel.no_data_what', { initiative: args.initiativeId }),
      {
        width,
        height: 360,
      },
    );

  // The team with the biggest relative drop leads the alt text.
  const ranked = [...rows].sort((a, b) => b.drop.lost / b.enrolled - a.drop.lost / a.enrolled);
  const sentence = (r: FunnelRow) => {
    const [learned, , simulation, execution] = r.counts as [number, number, number, number];
    return t('chart.funnel.team', {
      team: r.name,
      learned,
      enrolled: r.enrolled,
      simulation,
      execution,
      lost: tn('chart.agents', r.drop.lost),
      from: stepName(r.drop.from),
      to: stepName(r.drop.from + 1),
    });
  };
  const alt = t('chart.funnel.alt', {
    initiative: args.initiativeId,
    teams: tn('chart.teams', rows.length),
    sentences: ranked.map(sentence).join(' '),
  });
  const worst = ranked[0] as FunnelRow;

  return {
    kind: 'enablement-funnel',
    width,
    height,
    altText: clampAltText(alt),
    tickFormats: [{ scale: 'x', format: 'share' }],
    valueLabels: {
      labels: ENABLEMENT_STAGES.map((_, s) => rows.map((r) => `${r.counts[s]}`)),
      position: 'end',
      colors: ENABLEMENT_STAGES.map(() => INK.text),
    },
    config: {
      type: 'bar',
      data: {
        labels: rows.map((r) => [r.name, t('chart.funnel.enrolled', { count: r.enrolled })]),
        datasets: ENABLEMENT_STAGES.map((stage, s) => ({
          label: stageLabel(stage),
          data: rows.map((r) => Number((((r.counts[s] as number) / r.enrolled) * 100).toFixed(4))),
          backgroundColor: STAGE_COLORS[s] ?? INK.muted,
          barPercentage: 0.92,
          categoryPercentage: 0.85,
        })),
      },
      options: {
        indexAxis: 'y',
        layout: { padding: { left: 8, right: 16 } },
        plugins: {
          title: {
            display: true,
            text: t('chart.funnel.title', { initiative: args.initiativeId }),
          },
          subtitle: {
            display: true,
            text: t('chart.funnel.subtitle', {
              team: worst.name,
              share: pct(worst.drop.lost / worst.enrolled),
              step: stepName(worst.drop.from + 1),
            }),
          },
          legend: { position: 'top', align: 'start', labels: { usePointStyle: false } },
        },
        scales: {
          x: { min: 0, max: 110, ticks: { stepSize: 25 } },
          y: { grid: { display: false } },
        },
      },
    },
  };
}
