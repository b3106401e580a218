/**
 * The gate's waits, read off a fake clock whose sleep advances time: the spacing is a
 * property of the schedule, not of how fast the machine runs.
 */
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/slack/delivery/backoff.ts';
import { SendGate } from '../../../src/slack/delivery/send-gate.ts';
import { fakeClock } from './fake-clock.ts';

describe('SendGate', () => {
  it('spaces posts to one channel by perChannelMs but lets another channel go at once', async () => {
    const clock = fakeClock(0);
    const gate = new SendGate(clock, 1000, 0);
    const times: [string, number][] = [];
    for (const channel of ['C1', 'C1', 'C2', 'C1']) {
      await gate.waitTurn(channel);
      times.push([channel, clock.now().getTime()]);
    }
    // C1 at 0, C1 at 1000, C2 at once (1000), C1 at 2000.
    expect(times).toEqual([
      ['C1', 0],
      ['C1', 1000],
      ['C2', 1000],
      ['C1', 2000],
    ]);
  });

  it('spaces posts across the workspace by its interval', async () => {
    const clock = fakeClock(0);
    const gate = new SendGate(clock, 1000, 200);
    const times: number[] = [];
    for (const channel of ['C1', 'C2', 'C3']) {
      await gate.waitTurn(channel);
      times.push(clock.now().getTime());
    }
    expect(times).toEqual([0, 200, 400]);
  });

  it('keeps the schedule when timers fire a little late, instead of drifting behind', async () => {
    // Every sleep overshoots by 10 ms, within the 50 ms catch-up.
    const clock = fakeClock(0);
    const late = { ...clock, sleep: (ms: number) => clock.sleep(ms + 10) };
    const gate = new SendGate(late, 0, 100, 50);
    const times: number[] = [];
    for (const channel of ['C1', 'C2', 'C3', 'C4']) {
      await gate.waitTurn(channel);
      times.push(clock.now().getTime());
    }
    // Slots 0, 100, 200, 300, each taken 10 ms late; without catch-up: 0, 110, 220, 330.
    expect(times).toEqual([0, 110, 210, 310]);
  });

  it('after a quiet spell lets workspaceBurst posts go back to back, then paces', async () => {
    const clock = fakeClock(10_000);
    const gate = new SendGate(clock, 0, 100, 0, 3);
    const times: number[] = [];
    for (const channel of ['C1', 'C2', 'C3', 'C4', 'C5']) {
      await gate.waitTurn(channel);
      times.push(clock.now().getTime());
    }
    // Burst of 3 at 10 000; then one per 100 ms.
    expect(times).toEqual([10_000, 10_000, 10_000, 10_100, 10_200]);
  });

  it('refuses a burst below 1', () => {
    expect(() => new SendGate(fakeClock(0), 0, 100, 0, 0)).toThrow(/workspaceBurst/);
  });

  it('holds every call, of any method, for a 429 Retry-After', async () => {
    const clock = fakeClock(5000);
    const gate = new SendGate(clock, 1000, 0);
    gate.pauseAll(3000);
    await gate.waitTurn();
    expect(clock.now().getTime()).toBe(8000);
    await gate.waitTurn('C9');
    expect(clock.now().getTime()).toBe(8000);
  });
});

describe('backoffDelay', () => {
  it('draws from [0, base · 2^attempt] capped (random 0.5 → half the ceiling)', () => {
    const opts = { baseMs: 500, capMs: 30_000 };
    // Ceilings 500, 1000, 2000, 4000, …; halves 250, 500, 1000, 2000.
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, opts, () => 0.5))).toEqual([
      250, 500, 1000, 2000,
    ]);
    // 500 · 2^10 = 512,000 > cap 30,000 → ceiling 30,000.
    expect(backoffDelay(10, opts, () => 0.999_999)).toBe(29_999);
  });
});
