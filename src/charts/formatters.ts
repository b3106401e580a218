/**
 * Tick formatters named in specs (spec.ts `FormatterName`) and hydrated here, because a
 * spec must stay JSON. Values arrive already in display units (toDisplayUnit).
 */
import type { FormatterName } from './spec.ts';

type Formatter = (value: number | string) => string;

/** @example FORMATTERS.percent(87.5) // '87.5%'; FORMATTERS.minutes(5.25) // '5.3' */
export const FORMATTERS: Readonly<Record<FormatterName, Formatter>> = {
  /** Rates in percent, trailing zeros dropped: 80 → '80%', 87.5 → '87.5%'. */
  percent: (v) => `${trim(Number(v), 1)}%`,
  /** Handle time in decimal minutes (the axis title says 'minutes'): 5.25 → '5.3'. */
  minutes: (v) => trim(Number(v), 1),
  /** Handle time where no axis title says the unit (dashboard panels): 8 → '8 min'. */
  minutes_unit: (v) => `${trim(Number(v), 1)} min`,
  score: (v) => trim(Number(v), 1),
  /** Shares on a 0–100 axis; ticks past 100 (room left for labels) stay unlabelled. */
  share: (v) => (Number(v) > 100 ? '' : `${Math.round(Number(v))}%`),
  integer: (v) => (Number.isInteger(Number(v)) ? String(v) : ''),
};

function trim(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}
