/**
 * Expected instants worked out by hand from each zone's UTC offset in late November 2026
 * (no DST changes that week): Manila UTC+8, New York UTC−5 (EST), London UTC+0,
 * Kathmandu UTC+5:45. 2026-11-23 is a Monday, 2026-11-27 a Friday.
 */
import { describe, expect, it } from 'vitest';
import { heldUntil } from '../../../src/slack/delivery/working-hours.ts';

const hours = { start: '09:00', end: '17:00' };
const at = (iso: string) => new Date(iso);
const held = (tz: string, now: string) =>
  heldUntil({ tz, workingHours: hours, now: at(now) })?.toISOString() ?? null;

describe('heldUntil', () => {
  it('lets a DM through inside working hours (Monday 10:00 Manila = 02:00Z)', () => {
    expect(held('Asia/Manila', '2026-11-23T02:00:00Z')).toBeNull();
  });

  it('holds an early-morning DM until 09:00 the same day (Monday 08:30 New York → 14:00Z)', () => {
    expect(held('America/New_York', '2026-11-23T13:30:00Z')).toBe('2026-11-23T14:00:00.000Z');
  });

  it('treats the end of the day as outside (17:00 London Monday → Tuesday 09:00Z)', () => {
    expect(held('Europe/London', '2026-11-23T17:00:00Z')).toBe('2026-11-24T09:00:00.000Z');
  });

  it('counts the start as inside (09:00 London exactly)', () => {
    expect(held('Europe/London', '2026-11-23T09:00:00Z')).toBeNull();
  });

  it('holds Friday evening over the weekend (Friday 18:00 Manila → Monday 09:00 Manila = 01:00Z)', () => {
    expect(held('Asia/Manila', '2026-11-27T10:00:00Z')).toBe('2026-11-30T01:00:00.000Z');
  });

  it('holds Saturday midday until Monday (Saturday 12:00 London → Monday 09:00Z)', () => {
    expect(held('Europe/London', '2026-11-28T12:00:00Z')).toBe('2026-11-30T09:00:00.000Z');
  });

  it('judges the weekend in the recipient zone, not UTC (Monday 00:30Z is still Sunday in New York)', () => {
    // Sunday 19:30 EST → Monday 09:00 EST = 14:00Z.
    expect(held('America/New_York', '2026-11-23T00:30:00Z')).toBe('2026-11-23T14:00:00.000Z');
  });

  it('handles a quarter-hour zone (Saturday 00:00Z = 05:45 Saturday Kathmandu → Monday 09:00 = 03:15Z)', () => {
    expect(held('Asia/Kathmandu', '2026-11-28T00:00:00Z')).toBe('2026-11-30T03:15:00.000Z');
  });

  it('at one instant sends to London but holds Manila and New York (Friday 10:00Z)', () => {
    const now = '2026-11-27T10:00:00Z';
    expect(held('Europe/London', now)).toBeNull();
    expect(held('Asia/Manila', now)).toBe('2026-11-30T01:00:00.000Z');
    expect(held('America/New_York', now)).toBe('2026-11-27T14:00:00.000Z');
  });

  it('rejects an unknown zone and malformed hours, naming them', () => {
    expect(() => held('Mars/Olympus', '2026-11-23T10:00:00Z')).toThrow(/Mars\/Olympus/);
    expect(() =>
      heldUntil({ tz: 'UTC', workingHours: { start: '9am', end: '17:00' }, now: new Date() }),
    ).toThrow(/workingHours.start/);
    expect(() =>
      heldUntil({ tz: 'UTC', workingHours: { start: '17:00', end: '09:00' }, now: new Date() }),
    ).toThrow(/end after start/);
  });
});
