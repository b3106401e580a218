/**
 * Reads the cells real exports write (durations as `00:04:10`, percentages as `85.5%`,
 * counts with thousands separators) into plain numbers. Each reader returns the number,
 * undefined for an empty cell ("not measured"), or a string saying what is wrong.
 */
import { decimalOf, shown } from '../rows/field-reader.ts';

export const DURATION_UNITS = ['seconds', 'minutes', 'milliseconds', 'hh:mm:ss'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export type CellValue = number | undefined | string;

const PERCENT = 37; // %
const COLON = 58; // :

/**
 * Seconds of `h:mm:ss` / `hh:mm:ss` written with digits only, or -1 for anything else
 * (the general reader then decides).
 */
function clockSeconds(text: string): number {
  const n = text.length;
  if (n < 7 || n > 9 || text.charCodeAt(n - 3) !== COLON || text.charCodeAt(n - 6) !== COLON) {
    return -1;
  }
  let total = 0;
  let part = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === COLON) {
      total = total * 60 + part;
      part = 0;
    } else if (c >= 48 && c <= 57) part = part * 10 + (c - 48);
    else return -1;
  }
  return total * 60 + part;
}

/** An empty cell: absent, null, or only spaces. */
export function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

/**
 * A number 0 or more; `1,234` and `1 234` read as 1234 (exports format counts for people).
 * @example numberOf('1,234.5') // 1234.5
 * @example numberOf('-3') // 'must be a number 0 or more, got "-3"'
 */
export function numberOf(value: unknown): CellValue {
  if (isEmpty(value)) return undefined;
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0
      ? value
      : `must be a number 0 or more, got ${shown(value)}`;
  }
  if (typeof value !== 'string') return `must be a number, got ${shown(value)}`;
  // Plain digits (nearly every cell) without a regex.
  const plain = decimalOf(value);
  if (plain !== -1) return plain;
  let text = value.trim();
  if (/^\d{1,3}([, ]\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/[, ]/g, '');
  if (!/^\d+(\.\d+)?$/.test(text)) return `must be a number 0 or more, got ${shown(value)}`;
  return Number(text);
}

/**
 * Seconds from a duration in `unit`. `hh:mm:ss` also takes `mm:ss` and a plain number
 * of seconds; hours may exceed 24 (`26:00:00` is a long day's total).
 * @example durationSeconds('00:04:10', 'hh:mm:ss') // 250
 * @example durationSeconds('2.5', 'minutes') // 150
 */
export function durationSeconds(value: unknown, unit: DurationUnit): CellValue {
  if (isEmpty(value)) return undefined;
  if (unit === 'hh:mm:ss' && typeof value === 'string' && value.includes(':')) {
    const fast = clockSeconds(value);
    if (fast !== -1) return fast;
    const parts = value.trim().split(':');
    if (parts.length > 3 || parts.some((part) => !/^\d+(\.\d+)?$/.test(part))) {
      return `must be a duration written hh:mm:ss, got ${shown(value)}`;
    }
    let seconds = 0;
    for (const part of parts) seconds = seconds * 60 + Number(part);
    return seconds;
  }
  const n = numberOf(value);
  if (typeof n === 'string' && unit === 'hh:mm:ss') {
    return `must be a duration written hh:mm:ss, got ${shown(value)}`;
  }
  if (typeof n !== 'number') return n;
  if (unit === 'minutes') return n * 60;
  if (unit === 'milliseconds') return n / 1000;
  return n;
}

/**
 * A percentage as a fraction: `85.5%`, `85.5 %` and `85.5` are 0.855. A value between 0
 * and 1 with no `%` is refused as ambiguous (is `0.9` 90% or 0.9%?) unless written `0.9%`.
 * @example percentOf('85.5%') // 0.855
 */
export function percentOf(value: unknown): CellValue {
  if (isEmpty(value)) return undefined;
  // `85.5%` (nearly every cell) without a regex.
  if (typeof value === 'string' && value.charCodeAt(value.length - 1) === PERCENT) {
    const n = decimalOf(value.slice(0, -1));
    if (n !== -1 && n <= 100) return n / 100;
  }
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  const match = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!match) return `must be a percentage such as 85.5%, got ${shown(value)}`;
  const n = Number(match[1]);
  if (n > 100) return `must be a percentage from 0% to 100%, got ${shown(value)}`;
  if (match[2] === '' && n > 0 && n < 1) {
    return `is ambiguous: ${shown(value)} could be a fraction or a percentage; write it with % (such as ${n * 100}%)`;
  }
  return n / 100;
}
