/**
 * The control limits a chart draws, day by day, whichever control chart the analytics
 * used (METRICS.md v2, "Stability"):
 * - Laney p′ (`chart: 'p_prime'`, proportions): each day has its own limits, wider on
 *   days with few responses; drawn as a stepped band, one step per day. A day without a
 *   value has no limits and leaves a gap.
 * - XmR (`chart: 'xmr'`, or a stability without `chart`, as before v2): one UCL and LCL
 *   for the whole window; drawn flat across every day.
 * - No limits (too few points, or p̄ of 0 or 1): nothing to draw.
 * Values stay in metric units (0…1 for rates); the spec converts them for display.
 */
import type { LocalDate } from '../../domain/records.ts';
import type { DayLimits, Stability } from '../../domain/report-types.ts';

/** One day of the band: that day's limits, or nulls where no limit applies. */
type BandDay = Pick<DayLimits, 'date'> & { [K in 'lcl' | 'ucl']: DayLimits[K] | null };

/**
 * What the band needs of a stability (METRICS.md v2): which chart, one pair of limits
 * (XmR) or, for p′, the limits day by day. `chart` may be left out, as in test fixtures
 * that stand for either shape: then the one pair is drawn flat.
 */
export type StabilityWithLimits = Omit<Stability, 'chart' | 'ucl' | 'lcl'> & {
  chart?: 'p_prime' | 'xmr';
  ucl: number | null;
  lcl: number | null;
  limits?: readonly DayLimits[];
  sigmaZ?: number | null;
};

export interface LimitBand {
  /** 'p_prime': per-day limits (stepped); 'flat': one pair for every day; 'none': no limits. */
  kind: 'p_prime' | 'flat' | 'none';
  /** One entry per date asked for, in order; nulls where no limit applies. */
  days: BandDay[];
}

/**
 * @param stability the metric's stability (today's fields, or v2's)
 * @param dates the days the chart shows, in order
 * @example limitBand({ mean: 0.85, ucl: 0.9, lcl: 0.8, … }, ['2026-10-04', '2026-10-05'])
 *   // { kind: 'flat', days: [{ date: '2026-10-04', lcl: 0.8, ucl: 0.9 }, { date: '2026-10-05', lcl: 0.8, ucl: 0.9 }] }
 * @example limitBand({ chart: 'p_prime', limits: [{ date: '2026-10-04', lcl: 0.7, ucl: 0.95 }], … }, ['2026-10-04', '2026-10-05'])
 *   // { kind: 'p_prime', days: [{ date: '2026-10-04', lcl: 0.7, ucl: 0.95 }, { date: '2026-10-05', lcl: null, ucl: null }] }
 */
export function limitBand(stability: StabilityWithLimits, dates: readonly LocalDate[]): LimitBand {
  if (stability.chart === 'p_prime' && stability.limits) {
    const byDate = new Map(stability.limits.map((l) => [l.date, l]));
    const days = dates.map((date) => {
      const day = byDate.get(date);
      return { date, lcl: day?.lcl ?? null, ucl: day?.ucl ?? null };
    });
    const any = days.some((d) => d.lcl !== null || d.ucl !== null);
    return { kind: any ? 'p_prime' : 'none', days };
  }
  const { ucl, lcl } = stability;
  if (ucl === null || lcl === null) {
    return { kind: 'none', days: dates.map((date) => ({ date, lcl: null, ucl: null })) };
  }
  return { kind: 'flat', days: dates.map((date) => ({ date, lcl, ucl })) };
}
