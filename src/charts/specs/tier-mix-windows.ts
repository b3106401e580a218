/**
 * Tier mix of one team over its last 8 windows: one stacked column per window (oldest
 * left), shares of tiered agents with the counts written in, so a lead sees whether the
 * lagging slice is shrinking.
 */
import type { Tier, TierMix } from '../../domain/report.ts';
import { INK, TIER_COLORS } from '../palette.ts';
import { type ChartSpec, clampAltText, DEFAULT_SIZE, noDataSpec } from '../spec.ts';
import { TIERS } from './tier-mix-teams.ts';
import { pct } from './wording.ts';

export interface TierMixWindowsArgs {
  teamName: string;
  /** Oldest first; only the last `MAX_WINDOWS` are drawn. */
  windows: { label: string; mix: TierMix }[];
  size?: { width: number; height: number };
}

export const MAX_WINDOWS = 8;
const TIER_LABELS: Readonly<Record<Tier, string>> = {
  top: 'Top',
  average: 'Average',
  lagging: 'Lagging',
};

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
    const share = (t: Tier) => (tiered ? mix[t] / tiered : 0);
    return { label, mix, tiered, share };
  });
  const withData = windows.filter((w) => w.tiered > 0);
  const first = withData[0];
  const last = withData[withData.length - 1];
  if (!first || !last)
    return noDataSpec(
      'tier-mix-windows',
      `tier mix of ${teamName}: no tiered agents in these windows`,
      size,
    );

  const span =
    windows.length === 1
      ? `window ${first.label}`
      : `last ${windows.length} windows (${windows[0]?.label} to ${windows[windows.length - 1]?.label})`;
  const move = (t: Tier) =>
    first === last
      ? `${pct(last.share(t))} ${t}`
      : `${t} went from ${pct(first.share(t))} to ${pct(last.share(t))}`;
  const alt = `Tier mix for ${teamName} over the ${span}: ${move('lagging')} of tiered agents, ${move('top')}.`;

  return {
    kind: 'tier-mix-windows',
    width: size.width,
    height: size.height,
    altText: clampAltText(alt),
    tickFormats: [{ scale: 'y', format: 'share' }],
    valueLabels: {
      labels: TIERS.map((t) => windows.map((w) => (w.mix[t] ? `${w.mix[t]}` : null))),
      position: 'inside',
      colors: ['#FFFFFF', INK.text, '#FFFFFF'],
    },
    config: {
      type: 'bar',
      data: {
        labels: windows.map((w) => [w.label, `n = ${w.tiered}`]),
        datasets: TIERS.map((t) => ({
          label: TIER_LABELS[t],
          data: windows.map((w) => Number((w.share(t) * 100).toFixed(4))),
          backgroundColor: TIER_COLORS[t],
          borderColor: '#FFFFFF',
          borderWidth: { top: 1, bottom: 1, left: 0, right: 0 },
          borderSkipped: false,
          barPercentage: 0.85,
        })),
      },
      options: {
        plugins: {
          title: { display: true, text: `Tier mix over time, ${teamName}` },
          subtitle: {
            display: true,
            text: `Lagging ${pct(first.share('lagging'))} → ${pct(last.share('lagging'))} · top ${pct(first.share('top'))} → ${pct(last.share('top'))} · counts in bars, n = tiered agents`,
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
            title: { display: true, text: 'Share of tiered agents' },
          },
        },
      },
    },
  };
}
