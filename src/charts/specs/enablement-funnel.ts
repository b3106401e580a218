/**
 * Enablement funnel by team for one initiative: per team, the share of enrolled agents
 * past each checkpoint (learned → knowledge check → simulation → execution ≥ 80%), in
 * light-to-dark blues so the order reads without the legend. The alt text names each
 * team's biggest drop, which is where its agents are stuck (METRICS.md "Enablement
 * funnel diagnosis").
 */
import { ENABLEMENT_STAGES, type EnablementStage } from '../../domain/records.ts';
import type { EnablementReport } from '../../domain/report.ts';
import { INK, STAGE_COLORS } from '../palette.ts';
import { type ChartSpec, clampAltText, noDataSpec } from '../spec.ts';
import { pct } from './wording.ts';

export interface EnablementFunnelArgs {
  initiativeId: string;
  teams: { name: string; report: EnablementReport }[];
  width?: number;
}

export const STAGE_LABELS: Readonly<Record<EnablementStage, string>> = {
  learned: 'Learned',
  knowledge_check: 'Knowledge check',
  simulation: 'Simulation',
  execution: 'Applies it (≥ 80%)',
};

const STEP_NAMES: readonly string[] = [
  'enrolment',
  'learning',
  'the knowledge check',
  'the simulation',
  'execution',
];

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
    return noDataSpec('enablement-funnel', `enablement of ${args.initiativeId}`, {
      width,
      height: 360,
    });

  // The team with the biggest relative drop leads the alt text.
  const ranked = [...rows].sort((a, b) => b.drop.lost / b.enrolled - a.drop.lost / a.enrolled);
  const sentence = (r: FunnelRow) => {
    const [learned, , simulation, execution] = r.counts as [number, number, number, number];
    const where = `between ${STEP_NAMES[r.drop.from]} and ${STEP_NAMES[r.drop.from + 1]}`;
    return `${r.name}: ${learned} of ${r.enrolled} learned it, ${simulation} passed the simulation, ${execution} apply it (biggest drop: ${r.drop.lost} ${r.drop.lost === 1 ? 'agent' : 'agents'} ${where}).`;
  };
  const alt = `Enablement of ${args.initiativeId} across ${rows.length} ${rows.length === 1 ? 'team' : 'teams'}. ${ranked.map(sentence).join(' ')}`;
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
        labels: rows.map((r) => [r.name, `${r.enrolled} enrolled`]),
        datasets: ENABLEMENT_STAGES.map((stage, s) => ({
          label: STAGE_LABELS[stage],
          data: rows.map((r) => Number((((r.counts[s] as number) / r.enrolled) * 100).toFixed(4))),
          backgroundColor: STAGE_COLORS[s] ?? INK.muted,
          barPercentage: 0.92,
          categoryPercentage: 0.85,
        })),
      },
      options: {
        indexAxis: 'y',
        layout: { padding: { right: 16 } },
        plugins: {
          title: { display: true, text: `Enablement: ${args.initiativeId}` },
          subtitle: {
            display: true,
            text: `Share of enrolled agents past each checkpoint · biggest drop: ${worst.name}, ${pct(worst.drop.lost / worst.enrolled)} lost at ${STEP_NAMES[worst.drop.from + 1]}`,
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
