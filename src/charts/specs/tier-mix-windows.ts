/**
 * Tier mix of one team over its last 8 windows: one stacked column per window (oldest
 * left), shares of tiered agents with the counts written in, so a lead sees whether the
 * lagging slice is shrinking.
 */
import type { Tier, TierMix } from '../../domain/report-types.ts';
import { t } from '../../messages/t.ts';
import { INK, TIER_COLORS } from '../palette.ts';
import { type ChartSpec, clampAltText, DEFAULT_SIZE, noDataSpec } from '../spec.ts';
import { TIERS, tierLabel } from './tier-mix-teams.ts';
import { pct } from './wording.ts';

export interface TierMixWindowsArgs {
  teamName: string;
  /** Oldest first; only the last `MAX_WINDOWS` are drawn. */
  windows: { label: string; mix: TierMix }[];
  size?: { width: number; height: number };
}

export const MAX_WINDOWS = 8;

/**
 * @example tierMixWindowsSpec({ teamName: 'Team A', windows }).altText
 *   // 'Tier mix for Team A over the last 8 windows (Apr 12 to Oct 25): lagging went from 35% to 15% of tiered agents, top from 15% to 30%.'
 */
export function tierMixWindowsSpec(args: TierMixWindowsArgs): ChartSpec {
  const { teamName } = args;
  const size = args.size ?? DEFAULT_SIZE;
  const windows = args.windows.slice(-MAX_WINDOWS).map(({ label, mix }) => {
    const tiered = mix.top + mix.average + mix.lagging;
    if (![mix.top, mix.average, mix.lagging].every((v) => Number.isInteger(v) && v >= 0)) {
      throw new Error(
        `tierMixWindowsSpec: window "${label}" of ${teamName} has a tier count that is not a whole number ≥ 0`,
      );
    }
    const share = (tier: Tier) => (tiered ? mix[tier] / tiered : 0);
    return { label, mix, tiered, share };
  });
  const withData = windows.filter((w) => w.tiered > 0);
  const first = withData[0];
  const last = withData[withData.length - 1];
  if (!first || !last)
    return noDataSpec(
      'tier-mix-windows',
      t('chart.windows.no_data_what', { team: teamName }),
      size,
    );

  const span =
    windows.length === 1
      ? t('chart.windows.one', { label: first.label })
      : t('chart.windows.span', {
          count: windows.length,
          first: windows[0]?.label ?? '',
          last: windows[windows.length - 1]?.label ?? '',
        });
  const move = (tier: 'lagging' | 'top') => {
    const name = t(`chart.windows.tier.${tier}`);
    return first === last
      ? t('chart.windows.share', { share: pct(last.share(tier)), tier: name })
      : t('chart.windows.move', {
          tier: name,
          from: pct(first.share(tier)),
          to: pct(last.share(tier)),
        });
  };
  const alt = t('chart.windows.alt', {
    team: teamName,
    span,
    lagging: move('lagging'),
    top: move('top'),
  });

  return {
    kind: 'tier-mix-windows',
    width: size.width,
    height: size.height,
    altText: clampAltText(alt),
    tickFormats: [{ scale: 'y', format: 'share' }],
    valueLabels: {
      labels: TIERS.map((tier) => windows.map((w) => (w.mix[tier] ? `${w.mix[tier]}` : null))),
      position: 'inside',
      colors: ['#FFFFFF', INK.text, '#FFFFFF'],
    },
    config: {
      type: 'bar',
      data: {
        labels: windows.map((w) => [w.label, t('chart.n', { n: w.tiered })]),
        datasets: TIERS.map((tier) => ({
          label: tierLabel(tier),
          data: windows.map((w) => Number((w.share(tier) * 100).toFixed(4))),
          backgroundColor: TIER_COLORS[tier],
          borderColor: '#FFFFFF',
          borderWidth: { top: 1, bottom: 1, left: 0, right: 0 },
          borderSkipped: false,
          barPercentage: 0.85,
        })),
      },
      options: {
        plugins: {
          title: { display: true, text: t('chart.windows.title', { team: teamName }) },
          subtitle: {
            display: true,
            text: t('chart.windows.subtitle', {
              laggingFrom: pct(first.share('lagging')),
              laggingTo: pct(last.share('lagging')),
              topFrom: pct(first.share('top')),
              topTo: pct(last.share('top')),
            }),
          },
          legend: { position: 'top', align: 'start', labels: { usePointStyle: false } },
        },
        scales: {
          x: { stacked: true, grid: { display: false }, ticks: { maxRotation: 0 } },
          y: {
            stacked: true,
            min: 0,
            max: 100,
            ticks: { stepSize: 25 },
            title: { display: true, text: t('chart.windows.axis') },
          },
        },
      },
    },
  };
}
