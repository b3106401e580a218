/**
 * Small wording rules the chart titles and alt texts share: short dates, plurals, lists,
 * and how a signal is said. Kept apart so every chart says the same thing the same way.
 */
import type { LocalDate } from '../../domain/records.ts';
import type { Signal } from '../../domain/report.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** @example shortDate('2026-10-04') // 'Oct 4' */
export function shortDate(date: LocalDate): string {
  return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${Number(date.slice(8, 10))}`;
}

/** @example monthLabel('2026-10') // 'Oct 2026' */
export function monthLabel(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** @example plural(1, 'day') // '1 day'; plural(3, 'day') // '3 days' */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** @example listJoin(['a', 'b', 'c']) // 'a, b and c' */
export function listJoin(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
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
    switch (signal.rule) {
      case 'beyond_limits':
        return `${plural(days, 'day')} ${signal.side === 'above' ? 'above the upper' : 'below the lower'} limit`;
      case 'run': {
        const runs = count === 1 ? `a run of ${days} days` : `${count} runs (${days} days)`;
        return `${runs} ${signal.side} the centre line`;
      }
      default: {
        const drifts = count === 1 ? `a drift of ${days} days` : `${count} drifts (${days} days)`;
        return `${drifts} ${signal.side === 'up' || signal.side === 'above' ? 'upwards' : 'downwards'}`;
      }
    }
  });
}
