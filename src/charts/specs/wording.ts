/**
 * Small wording rules the chart titles and alt texts share: short dates, plurals, lists,
 * and how a signal is said. Kept apart so every chart says the same thing the same way.
 */
import type { LocalDate } from '../../domain/records.ts';
import type { Signal } from '../../domain/report-types.ts';
import { tn } from '../../messages/plural.ts';
import { t } from '../../messages/t.ts';
import { listJoin, monthName } from '../../messages/words.ts';

export { listJoin };

/** @example shortDate('2026-10-04') // 'Oct 4' */
export function shortDate(date: LocalDate): string {
  return t('chart.date', {
    month: monthName(date.slice(5, 7)),
    day: String(Number(date.slice(8, 10))),
  });
}

/** @example monthLabel('2026-10') // 'Oct 2026' */
export function monthLabel(month: string): string {
  return t('chart.month', { month: monthName(month.slice(5, 7)), year: month.slice(0, 4) });
}

/** A share 0…1 as a whole percent. @example pct(0.4499) // '45%' */
export function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * One phrase per signal rule and side, counting the days it covers; signals of the same
 * rule and side are added up (two separate breaches below the LCL are "3 days below").
 * @example signalPhrases([{ rule: 'beyond_limits', side: 'below', points: ['2026-10-03','2026-10-09','2026-10-10'], … }])
 *   // ['3 days below the lower limit']
 */
export function signalPhrases(signals: Signal[]): string[] {
  const groups = new Map<string, { signal: Signal; days: number; count: number }>();
  for (const signal of signals) {
    const key = `${signal.rule}|${signal.side}`;
    const group = groups.get(key);
    if (group) {
      group.days += signal.points.length;
      group.count += 1;
    } else groups.set(key, { signal, days: signal.points.length, count: 1 });
  }
  return [...groups.values()].map(({ signal, days, count }): string => {
    const up = signal.side === 'up' || signal.side === 'above';
    switch (signal.rule) {
      case 'beyond_limits':
        return t(up ? 'chart.signal.above_upper' : 'chart.signal.below_lower', {
          days: tn('chart.days', days),
        });
      case 'run': {
        const runs =
          count === 1 ? t('chart.signal.a_run', { days }) : t('chart.signal.runs', { count, days });
        return t(up ? 'chart.signal.run_above' : 'chart.signal.run_below', { runs });
      }
      default: {
        const drifts =
          count === 1
            ? t('chart.signal.a_drift', { days })
            : t('chart.signal.drifts', { count, days });
        return t(up ? 'chart.signal.drift_up' : 'chart.signal.drift_down', { drifts });
      }
    }
  });
}
