/**
 * Calendar arithmetic on local dates (src/domain/dates.ts), checked against the
 * platform's own parse of the same dates, and its refusals of what is not a date.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateRange, daysBetween, isLocalDate } from '../../src/domain/dates.ts';

const DAY_MS = 86_400_000;
/** Any calendar day from 1900 to 2200, written YYYY-MM-DD. */
const localDate = fc
  .integer({ min: Date.UTC(1900, 0, 1) / DAY_MS, max: Date.UTC(2200, 11, 31) / DAY_MS })
  .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));

describe('local dates', () => {
  it('counts days between two dates as the platform parses them', () => {
    fc.assert(
      fc.property(localDate, localDate, (a, b) => {
        const expected = (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS;
        expect(daysBetween(a, b)).toBe(expected);
      }),
    );
  });

  it('adds days and comes back, across months, leap days and years', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: -800, max: 800 }), (date, n) => {
        const later = addDays(date, n);
        expect(isLocalDate(later)).toBe(true);
        expect(daysBetween(date, later)).toBe(n);
        expect(addDays(later, -n)).toBe(date);
      }),
    );
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('lists a range inclusively', () => {
    expect(dateRange('2024-02-27', '2024-03-01')).toEqual([
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
  });

  it('refuses what is not a real date written YYYY-MM-DD', () => {
    for (const bad of [
      '2026-02-30',
      '2026-1-05',
      '2026-01-5',
      'abcd-ef-gh',
      '2026/01/05',
      '',
      ' 2026-01-05',
    ]) {
      expect(isLocalDate(bad), bad).toBe(false);
    }
    expect(Number.isNaN(daysBetween('2026-01-05', '2026-1-05'))).toBe(true);
    expect(isLocalDate('2024-02-29')).toBe(true);
  });
});
