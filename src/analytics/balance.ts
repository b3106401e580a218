/**
 * Efficiency against quality (METRICS.md): flag a team when, over the window, `aht` is
 * `improving` while any of `csat`, `fcr` or `qa` is `declining` (speed bought with
 * quality), and the reverse: any of `csat`, `fcr`, `qa` improving while `aht` is declining
 * (quality bought with speed). The flag is a fact; src/messages/reasons.ts says it.
 */
import { type Metric, QUALITY_METRICS } from '../domain/metrics.ts';
import type { BalanceFlag, Direction } from '../domain/report-types.ts';

/**
 * @param directions each metric's trend direction over the window
 * @returns zero, one or (never both at once, since aht has one direction) one flag
 * @example balanceFlags({ aht: 'improving', qa: 'declining', csat: 'flat', … })
 *   // [{ kind: 'speed_over_quality', improving: 'aht', declining: ['qa'] }]
 */
export function balanceFlags(directions: Readonly<Record<Metric, Direction>>): BalanceFlag[] {
  const declining = QUALITY_METRICS.filter((m) => directions[m] === 'declining');
  const improving = QUALITY_METRICS.filter((m) => directions[m] === 'improving');
  if (directions.aht === 'improving' && declining.length > 0)
    return [{ kind: 'speed_over_quality', improving: 'aht', declining }];
  if (directions.aht === 'declining' && improving.length > 0)
    return [{ kind: 'quality_over_speed', improving, declining: ['aht'] }];
  return [];
}
