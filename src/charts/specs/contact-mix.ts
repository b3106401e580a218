/**
 * Contact-reason mix: each reason's share of contacts in the 28 baseline days against the
 * last 7 days (METRICS.md "Contact-reason mix shift"). Drivers, the reasons whose recent
 * cell is significant (isMixDriver: |adjusted residual| > 1.96, two-sided 5%), are
 * highlighted three ways: vermillion bar, ▲/▼ in the reason's label and the change written
 * at the bar's end.
 */

import { isMixDriver } from '../../domain/mix-drivers.ts';
import type { ContactMix, MixDriver } from '../../domain/report-types.ts';
import { formatP } from '../../messages/format.ts';
import { t } from '../../messages/t.ts';
import { INK, OKABE_ITO } from '../palette.ts';
import { type ChartSpec, clampAltText, noDataSpec } from '../spec.ts';
import { listJoin, shortDate } from './wording.ts';

export interface ContactMixArgs {
  teamName: string;
  mix: ContactMix;
  width?: number;
}

/** Reasons drawn; the rest are named in the alt text only. */
export const MAX_REASONS = 8;

export const MIX_COLORS = {
  baseline: '#B3B3B3',
  recent: OKABE_ITO.blue,
  driver: OKABE_ITO.vermillion,
} as const;

/**
 * @example contactMixSpec({ teamName: 'Team A', mix }).altText
 *   // 'Contact reasons for Team A shifted in the last 7 days (p < 0.001): Billing dispute rose from 17.2% to 29.5% of contacts; Password reset fell from 25.2% to 17.0%.'
 */
export function contactMixSpec(args: ContactMixArgs): ChartSpec {
  const { teamName, mix } = args;
  const width = args.width ?? 640;
  const reasons = mix.drivers.slice(0, MAX_REASONS);
  for (const d of reasons) {
    for (const key of ['before', 'after'] as const) {
      if (!Number.isFinite(d[key]) || d[key] < 0 || d[key] > 1) {
        throw new Error(
          `contactMixSpec: ${teamName} reason "${d.reason}" has ${key} share ${d[key]}; shares are 0…1`,
        );
      }
    }
  }
  const height = Math.max(300, Math.min(2000, 160 + reasons.length * 40));
  if (reasons.length === 0 || mix.nBefore + mix.nAfter === 0) {
    return noDataSpec('contact-mix', t('chart.mix.no_data_what', { team: teamName }), {
      width,
      height: 360,
    });
  }
  const drivers = reasons.filter((d) => isMixDriver(mix, d));
  const share = (x: number) => `${(x * 100).toFixed(1)}%`;
  const change = (d: MixDriver) => {
    const pts = (d.after - d.before) * 100;
    return t('chart.pts', { delta: `${pts >= 0 ? '+' : '−'}${Math.abs(pts).toFixed(1)}` });
  };
  const mark = (d: MixDriver) => (isMixDriver(mix, d) ? (d.after >= d.before ? '▲ ' : '▼ ') : '');
  const period = `${shortDate(mix.recent.from)}–${shortDate(mix.recent.to)}`;

  const title = mix.shift
    ? t('chart.mix.title_shift', { team: teamName, p: formatP(mix.p) })
    : mix.p === null
      ? t('chart.mix.title_steady', { team: teamName })
      : t('chart.mix.title_steady_p', { team: teamName, p: formatP(mix.p) });
  const driverText = drivers.map((d) =>
    t(d.after >= d.before ? 'chart.mix.rose' : 'chart.mix.fell', {
      reason: d.reason,
      before: share(d.before),
      after: share(d.after),
    }),
  );
  // "A rose from x to y of contacts; B fell from …": every change but the last says "of contacts".
  const driverList = driverText
    .map((text, i) =>
      i < driverText.length - 1 ? t('chart.mix.of_contacts', { change: text }) : text,
    )
    .join('; ');
  const alt = mix.shift
    ? t('chart.mix.alt_shift', {
        team: teamName,
        p: formatP(mix.p),
        drivers: driverList || t('chart.mix.no_driver'),
      })
    : t('chart.mix.alt_steady', {
        team: teamName,
        p: formatP(mix.p),
        change: listJoin(reasons.slice(0, 1).map((d) => `${d.reason} ${change(d)}`)),
      });

  return {
    kind: 'contact-mix',
    width,
    height,
    altText: clampAltText(alt),
    tickFormats: [{ scale: 'x', format: 'share' }],
    valueLabels: {
      labels: [
        reasons.map(() => null),
        reasons.map((d) => (isMixDriver(mix, d) ? null : `${share(d.after)} (${change(d)})`)),
        reasons.map((d) => (isMixDriver(mix, d) ? `${share(d.after)} (${change(d)})` : null)),
      ],
      position: 'end',
      colors: [INK.text, INK.text, INK.text],
    },
    config: {
      type: 'bar',
      data: {
        labels: reasons.map((d) => `${mark(d)}${d.reason}`),
        datasets: [
          {
            label: t('chart.mix.baseline', { n: mix.nBefore }),
            data: reasons.map((d) => round(d.before * 100)),
            backgroundColor: MIX_COLORS.baseline,
            barPercentage: 0.9,
            categoryPercentage: 0.8,
            skipNull: true,
          },
          // Drivers are their own dataset so the legend shows both colours; skipNull keeps
          // each reason to two bars.
          {
            label: t('chart.mix.recent', { n: mix.nAfter }),
            data: reasons.map((d) => (isMixDriver(mix, d) ? null : round(d.after * 100))),
            backgroundColor: MIX_COLORS.recent,
            barPercentage: 0.9,
            categoryPercentage: 0.8,
            skipNull: true,
          },
          {
            label: t('chart.mix.driver'),
            hideInLegend: drivers.length === 0,
            data: reasons.map((d) => (isMixDriver(mix, d) ? round(d.after * 100) : null)),
            backgroundColor: MIX_COLORS.driver,
            barPercentage: 0.9,
            categoryPercentage: 0.8,
            skipNull: true,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        layout: { padding: { left: 8, right: 24 } },
        plugins: {
          title: { display: true, text: title },
          subtitle: {
            display: true,
            text: t('chart.mix.subtitle', {
              baseline: `${shortDate(mix.baseline.from)}–${shortDate(mix.baseline.to)}`,
              recent: period,
            }),
          },
          legend: { position: 'top', align: 'start', labels: { usePointStyle: false } },
        },
        scales: {
          x: { min: 0, max: niceMax(reasons), ticks: { maxTicksLimit: 6 } },
          y: { grid: { display: false } },
        },
      },
    },
  };
}

/** Axis end past the largest share, leaving room for the end labels. */
function niceMax(reasons: MixDriver[]): number {
  const top = Math.max(...reasons.flatMap((d) => [d.before, d.after])) * 100;
  return Math.min(100, Math.ceil((top * 1.35) / 10) * 10);
}

function round(x: number): number {
  return Number(x.toFixed(4));
}
