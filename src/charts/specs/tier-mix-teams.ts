/**
 * Tier mix across teams: one stacked horizontal bar per team, top | average | lagging as
 * shares of the team's tiered agents (agents with too little data are counted apart, in
 * the team's label, as METRICS.md "Tier mix" says). Teams are sorted by lagging share
 * minus top share, worst first, so the outlier is the first bar the eye meets.
 */
import type { Tier, TierMix } from '../../domain/report.ts';
import { INK, TIER_COLORS } from '../palette.ts';
import { type ChartSpec, clampAltText, noDataSpec } from '../spec.ts';
import { pct } from './wording.ts';

export interface TierMixTeamsArgs {
  teams: { name: string; tierMix: TierMix }[];
  width?: number;
}

export const TIERS: readonly Tier[] = ['top', 'average', 'lagging'];
const TIER_LABELS: Readonly<Record<Tier, string>> = {
  top: 'Top',
  average: 'Average',
  lagging: 'Lagging',
};

interface Row {
  name: string;
  mix: TierMix;
  tiered: number;
  share: Record<Tier, number>;
}

/** Rows with shares of tiered agents, worst (most lagging, fewest top) first. */
export function rankTeams(teams: TierMixTeamsArgs['teams']): Row[] {
  return teams
    .map(({ name, tierMix }) => {
      for (const key of [...TIERS, 'insufficient_data'] as const) {
        const v = tierMix[key];
        if (!Number.isInteger(v) || v < 0) {
          throw new Error(
            `tierMixTeamsSpec: ${name}'s tierMix.${key} must be a whole number ≥ 0 (got ${v})`,
          );
        }
      }
      const tiered = tierMix.top + tierMix.average + tierMix.lagging;
      const share = {
        top: tiered ? tierMix.top / tiered : 0,
        average: tiered ? tierMix.average / tiered : 0,
        lagging: tiered ? tierMix.lagging / tiered : 0,
      };
      return { name, mix: tierMix, tiered, share };
    })
    .filter((r) => r.tiered > 0)
    .sort(
      (a, b) =>
        b.share.lagging - b.share.top - (a.share.lagging - a.share.top) ||
        a.name.localeCompare(b.name),
    );
}

/**
 * @example tierMixTeamsSpec({ teams }).altText
 *   // 'Tier mix across 5 teams, as shares of tiered agents. Austin Tech stands out: 50% lagging (11 of 22) against a median of 20% for the others. …'
 */
export function tierMixTeamsSpec(args: TierMixTeamsArgs): ChartSpec {
  const rows = rankTeams(args.teams);
  const width = args.width ?? 640;
  // 44 px a team plus title, legend and axis, so bars stay thick enough for their labels.
  const height = Math.max(240, Math.min(2000, 150 + rows.length * 44));
  if (rows.length === 0)
    return noDataSpec('tier-mix-teams', 'tier mix: no team has tiered agents', {
      width,
      height: 360,
    });

  const outlier = rows[0] as Row;
  const others = rows.slice(1).map((r) => r.share.lagging);
  const median = medianOf(others);
  const standsOut =
    rows.length > 1 && outlier.share.lagging > 0 && outlier.share.lagging - median >= 0.1;

  const title = standsOut
    ? `Tier mix by team: ${outlier.name} has the most lagging agents (${pct(outlier.share.lagging)})`
    : 'Tier mix by team';
  const teamList = rows.map(
    (r) =>
      `${r.name}: ${r.mix.top} top, ${r.mix.average} average, ${r.mix.lagging} lagging` +
      (r.mix.insufficient_data ? ` (${r.mix.insufficient_data} not yet tiered)` : ''),
  );
  const lead = standsOut
    ? `${outlier.name} stands out: ${pct(outlier.share.lagging)} lagging (${outlier.mix.lagging} of ${outlier.tiered}) against a median of ${pct(median)} for the others.`
    : rows.length > 1
      ? 'No team stands out: lagging shares are within 10 points of each other.'
      : '';
  const alt = `Tier mix across ${rows.length} ${rows.length === 1 ? 'team' : 'teams'}, as shares of tiered agents. ${lead} ${teamList.join('; ')}.`;

  return {
    kind: 'tier-mix-teams',
    width,
    height,
    altText: clampAltText(alt.replace(/\s+/g, ' ')),
    tickFormats: [{ scale: 'x', format: 'share' }],
    valueLabels: {
      labels: TIERS.map((tier) =>
        rows.map((r) => (r.mix[tier] ? `${r.mix[tier]} · ${pct(r.share[tier])}` : null)),
      ),
      position: 'inside',
      colors: ['#FFFFFF', INK.text, '#FFFFFF'],
    },
    config: {
      type: 'bar',
      data: {
        labels: rows.map((r) =>
          r.mix.insufficient_data
            ? [r.name, `${r.tiered} tiered, +${r.mix.insufficient_data} new`]
            : [r.name, `${r.tiered} tiered`],
        ),
        datasets: TIERS.map((tier) => ({
          label: TIER_LABELS[tier],
          data: rows.map((r) => Number((r.share[tier] * 100).toFixed(4))),
          backgroundColor: TIER_COLORS[tier],
          borderColor: '#FFFFFF',
          borderWidth: { left: 1, right: 1, top: 0, bottom: 0 },
          borderSkipped: false,
          barPercentage: 0.8,
          categoryPercentage: 0.9,
        })),
      },
      options: {
        indexAxis: 'y',
        layout: { padding: { right: 16 } },
        plugins: {
          title: { display: true, text: title },
          subtitle: {
            display: true,
            text: 'Share of tiered agents · count · share; worst mix first',
          },
          legend: { position: 'top', align: 'start', labels: { usePointStyle: false } },
        },
        scales: {
          x: { stacked: true, min: 0, max: 100, ticks: { stepSize: 25 } },
          y: { stacked: true, grid: { display: false } },
        },
      },
    },
  };
}

function medianOf(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
