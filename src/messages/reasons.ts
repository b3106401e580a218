/**
 * The words for a metric's health reasons (src/analytics/health.ts returns them as facts)
 * and for a balance flag. One phrase per kind of fact, signals of the same rule and side
 * grouped into one phrase that lists their days ("below its lower limit on 3 days: 12, 20
 * and 27 Oct"), so a reader meets each fact once, in plain words first.
 */

import type { Metric } from '../domain/metrics.ts';
import type { BalanceFlag, HealthReason } from '../domain/report-types.ts';
import { formatDelta, formatP } from './format.ts';
import { metricLabel } from './metric-names.ts';
import { tn } from './plural.ts';
import { t } from './t.ts';
import { dayList, dayMonth, listJoin } from './words.ts';

type SignalReason = Extract<HealthReason, { kind: 'signal' }>;

export interface ReasonWording {
  /** Add the trend's p-value after its phrase (lead views); the digest leaves it to a note. */
  withP: boolean;
  /** Leave out a flat trend when other reasons are given (the digest's "Why"). */
  skipFlatTrend?: boolean;
}

/**
 * Phrases for a metric's reasons, in their order, signals of one rule and side merged.
 * @example reasonPhrases('answer_rate', [3 beyond_limits below on 12, 20, 27 Oct, flat trend], { withP: false, skipFlatTrend: true })
 *   // ['below its lower limit on 3 days: 12, 20 and 27 Oct']
 */
export function reasonPhrases(
  metric: Metric,
  reasons: readonly HealthReason[],
  wording: ReasonWording,
): string[] {
  const groups = new Map<string, SignalReason[]>();
  const order: (HealthReason | string)[] = [];
  for (const reason of reasons) {
    if (reason.kind !== 'signal') {
      order.push(reason);
      continue;
    }
    const key = `${reason.rule}|${reason.side}`;
    const group = groups.get(key);
    if (group) group.push(reason);
    else {
      groups.set(key, [reason]);
      order.push(key);
    }
  }
  const hasOthers = reasons.some((r) => r.kind === 'signal');
  return order.flatMap((item): string[] => {
    if (typeof item === 'string') return [signalPhrase(groups.get(item) ?? [])];
    if (item.kind === 'too_few_points')
      return [
        t('reason.insufficient_points', { points: item.points, days: item.days, min: item.min }),
      ];
    if (item.kind === 'trend') {
      if (item.direction === 'flat' && wording.skipFlatTrend && hasOthers) return [];
      const text =
        item.direction === 'flat' || item.slopePerDay === 0
          ? t('reason.no_trend', { days: item.days })
          : t(item.slopePerDay < 0 ? 'reason.fell' : 'reason.rose', {
              amount: formatDelta(metric, Math.abs(item.slopePerDay)).replace(/^\+/, ''),
              days: item.days,
            });
      return [wording.withP ? t('reason.with_p', { text, p: formatP(item.p) }) : text];
    }
    return [];
  });
}

/** One phrase for the signals of one rule and side. */
function signalPhrase(group: readonly SignalReason[]): string {
  const first = group[0];
  if (!first) return '';
  const up = first.side === 'above' || first.side === 'up';
  const span = (s: SignalReason) => {
    const sorted = [...s.dates].sort();
    const a = sorted[0] ?? '';
    const b = sorted[sorted.length - 1] ?? a;
    return a === b ? dayMonth(a) : t('reason.span', { first: dayMonth(a), last: dayMonth(b) });
  };
  const spans = listJoin(group.map(span));
  switch (first.rule) {
    case 'beyond_limits': {
      const dates = group.flatMap((s) => s.dates);
      const count = new Set(dates).size;
      const when = tn('reason.on_days', count, { list: dayList(dates) });
      return t(up ? 'reason.beyond_upper' : 'reason.beyond_lower', { when });
    }
    case 'run':
      return group.length === 1
        ? t(up ? 'reason.run_above' : 'reason.run_below', { count: first.dates.length, spans })
        : t(up ? 'reason.runs_above' : 'reason.runs_below', { runs: group.length, spans });
    case 'drift':
      return group.length === 1
        ? t(up ? 'reason.drift_up' : 'reason.drift_down', { count: first.dates.length, spans })
        : t(up ? 'reason.drifts_up' : 'reason.drifts_down', { drifts: group.length, spans });
  }
}

/**
 * A balance flag in words.
 * @example balanceReason({ kind: 'speed_over_quality', improving: 'aht', declining: ['qa'] })
 *   // 'Handle time is improving while QA score is declining: speed may be bought with quality'
 */
export function balanceReason(flag: BalanceFlag): string {
  const label = (m: Metric) => metricLabel(m);
  if (flag.kind === 'speed_over_quality')
    return tn('reason.speed_over_quality', flag.declining.length, {
      speed: label('aht'),
      quality: listJoin(flag.declining.map(label)),
    });
  const improving = Array.isArray(flag.improving) ? flag.improving : [flag.improving];
  return tn('reason.quality_over_speed', improving.length, {
    speed: label('aht'),
    quality: listJoin(improving.map(label)),
  });
}
