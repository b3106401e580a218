/**
 * Tier mix across teams: one stacked horizontal bar per team, top | average | lagging as
 * shares of the team's tiered agents (agents with too little data are counted apart, in
 * the team's label, as METRICS.md "Tier mix" says). Teams are sorted by lagging share
 * minus top share, worst first, so the outlier is the first bar the eye meets.
 */
import type { Tier, TierMix } from '../../domain/report-types.ts';
import { tn } from '../../messages/plural.ts';
import { t } from '../../messages/t.ts';
import { INK, TIER_COLORS } from '../palette.ts';
import { type ChartSpec, clampAltText, noDataSpec } from '../spec.ts';
import { listJoin, pct } from './wording.ts';

export interface TierMixTeamsArgs {
  teams: { name: string; tierMix: TierMix }[];
  width?: number;
}

export const TIERS: readonly Tier[] = ['top', 'average', 'lagging'];
/** A tier's legend label, from the catalogue (shared with the tier mix over time). */
export function tierLabel(tier: Tier): string {
  return t(`chart.tiers.${tier}`);
}

export interface Row {
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
    return noDataSpec('tier-mix-teams', t('chart.tiers.no_data_teams'), {
      width,
      height: 360,
    });

  const most = mostLagging(rows);
  const top = most.teams[0] as Row;
  const median = medianOf(most.others.map((r) => r.share.lagging));
  const standsOut =
    most.others.length > 0 && top.share.lagging > 0 && top.share.lagging - median >= 0.1;
  const names = listJoin(most.teams.map((r) => r.name));

  const title = standsOut
    ? tn('chart.tiers.title_outlier', most.teams.length, {
        teams: names,
        share: pct(top.share.lagging),
      })
    : t('chart.tiers.title');
  const teamList = rows.map((r) =>
    t(r.mix.insufficient_data ? 'chart.tiers.team_untiered' : 'chart.tiers.team', {
      team: r.name,
      top: r.mix.top,
      average: r.mix.average,
      lagging: r.mix.lagging,
      new: r.mix.insufficient_data,
    }),
  );
  const lead = standsOut
    ? tn('chart.tiers.outlier', most.teams.length, {
        teams: names,
        share: pct(top.share.lagging),
        counts: listJoin(
          most.teams.map((r) => t('chart.tiers.of', { lagging: r.mix.lagging, tiered: r.tiered })),
        ),
        median: pct(median),
      })
    : rows.length <= 1
      ? ''
      : most.others.length === 0
        ? t('chart.tiers.all_equal', { share: pct(top.share.lagging) })
        : t('chart.tiers.no_outlier', { share: pct(top.share.lagging), median: pct(median) });
  const alt = t('chart.tiers.alt', {
    teams: tn('chart.teams', rows.length),
    lead,
    list: teamList.join('; '),
  });

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
            ? [
                r.name,
                t('chart.tiers.tiered_new', { count: r.tiered, new: r.mix.insufficient_data }),
              ]
            : [r.name, t('chart.tiers.tiered', { count: r.tiered })],
        ),
        datasets: TIERS.map((tier) => ({
          label: tierLabel(tier),
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
        layout: { padding: { left: 8, right: 16 } },
        plugins: {
          title: { display: true, text: title },
          subtitle: {
            display: true,
            text: t('chart.tiers.subtitle'),
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

/**
 * The teams sharing the highest lagging share (compared exactly, as fractions), and the
 * rest. Ties name every team: 2 of 6 and 4 of 12 both have "the most".
 * @example mostLagging([A 5 of 14, B 4 of 12, C 2 of 6]).teams // [A] (36% against 33%)
 */
export function mostLagging(rows: readonly Row[]): { teams: Row[]; others: Row[] } {
  // a/b > c/d ⇔ a·d > c·b for positive b, d: no floating-point ties missed or invented.
  const cmp = (x: Row, y: Row) => x.mix.lagging * y.tiered - y.mix.lagging * x.tiered;
  let best: Row | null = null;
  for (const r of rows) if (!best || cmp(r, best) > 0) best = r;
  if (!best) return { teams: [], others: [] };
  const b = best;
  return {
    teams: rows.filter((r) => cmp(r, b) === 0),
    others: rows.filter((r) => cmp(r, b) !== 0),
  };
}

function medianOf(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
