/**
 * The y-axis tick formatter (formatters.ts) for each unit of measure: one table for every
 * chart of a metric's values. Handle time is charted in minutes: where the y axis has a
 * title naming the unit ("Handle time (minutes)", from axisLabel) the ticks are bare
 * numbers; where it has none (the dashboard's small panels) each tick says "min".
 */
import type { Unit } from '../../domain/metrics.ts';
import type { FormatterName, TickFormat } from '../spec.ts';

/** Whether the chart's y axis has a title that names the unit. */
export type YAxisTitle = 'titled' | 'untitled';

const FORMAT_BY_UNIT: Readonly<Record<Unit, Readonly<Record<YAxisTitle, FormatterName>>>> = {
  percent: { titled: 'percent', untitled: 'percent' },
  seconds: { titled: 'minutes', untitled: 'minutes_unit' },
  score: { titled: 'score', untitled: 'score' },
};

/**
 * @example yTickFormat('seconds', 'titled') // { scale: 'y', format: 'minutes' }
 * @example yTickFormat('seconds', 'untitled') // { scale: 'y', format: 'minutes_unit' }
 */
export function yTickFormat(unit: Unit, axis: YAxisTitle): TickFormat {
  return { scale: 'y', format: FORMAT_BY_UNIT[unit][axis] };
}
