/**
 * Tier movement (METRICS.md, "Agent tiers"): the 3×3 count of agents by tier in the
 * previous window (rows) against the current one (columns). Agents `insufficient_data`
 * in either window, or absent from one, are not counted: the matrix shows moves between
 * real tiers only.
 */
import type { Tier, TierMovement, TierOrInsufficient } from '../domain/report-types.ts';

const TIERS: readonly Tier[] = ['top', 'average', 'lagging'];

/**
 * @param pairs each agent's previous and current tier (null when not known)
 * @returns previous tier → current tier → count
 * @example tierMovement([{ previous: 'top', current: 'average' }, { previous: 'top', current: 'top' }])
 *   // top: { top: 1, average: 1, lagging: 0 }, other rows all 0
 */
export function tierMovement(
  pairs: readonly { previous: TierOrInsufficient | null; current: TierOrInsufficient | null }[],
): TierMovement {
  const matrix = emptyMovement();
  for (const { previous, current } of pairs) {
    if (!isTier(previous) || !isTier(current)) continue;
    matrix[previous][current] += 1;
  }
  return matrix;
}

export function emptyMovement(): TierMovement {
  const row = () => ({ top: 0, average: 0, lagging: 0 });
  return { top: row(), average: row(), lagging: row() };
}

function isTier(value: TierOrInsufficient | null): value is Tier {
  return value !== null && (TIERS as readonly string[]).includes(value);
}
