import type { Clock } from '../../../src/slack/delivery/types.ts';

/** A clock whose sleep advances time at once; `sleeps` records every wait asked for. */
export function fakeClock(startMs: number): Clock & { sleeps: number[]; set(ms: number): void } {
  let now = startMs;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => new Date(now),
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += Math.max(0, ms);
    },
    set: (ms: number) => {
      now = ms;
    },
  };
}
