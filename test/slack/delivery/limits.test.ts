/** The engine's limits: defaults filled in, settings that cannot pace refused, and the gate they make. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, resolveLimits } from '../../../src/slack/delivery/limits.ts';
import { SendGate } from '../../../src/slack/delivery/send-gate.ts';
import { fakeClock } from './fake-clock.ts';

describe('resolveLimits', () => {
  it('fills every limit not given from the defaults', () => {
    expect(resolveLimits({ postsPerMinute: 120 })).toEqual({
      ...DEFAULT_LIMITS,
      postsPerMinute: 120,
    });
    // Slack's documented pace: about one post a second per channel.
    expect(DEFAULT_LIMITS.perChannelMs).toBe(1000);
  });

  it.each([
    ['postsPerMinute 0', { postsPerMinute: 0 }],
    ['a negative perChannelMs', { perChannelMs: -1 }],
    ['maxAttempts 0', { maxAttempts: 0 }],
    ['a negative catchUpMs', { catchUpMs: -5 }],
    ['a fractional workspaceBurst', { workspaceBurst: 1.5 }],
    ['postsPerMinute NaN', { postsPerMinute: Number.NaN }],
    ['a claim TTL not above twice its margin', { claimTtlMs: 120_000, claimMarginMs: 60_000 }],
  ])('refuses %s, saying what it needs', (_, overrides) => {
    expect(() => resolveLimits(overrides)).toThrow(/needs postsPerMinute > 0/);
  });
});

describe('SendGate.fromLimits', () => {
  it('turns postsPerMinute into the workspace spacing across channels', async () => {
    const clock = fakeClock(0);
    const gate = SendGate.fromLimits(
      clock,
      resolveLimits({ postsPerMinute: 120, perChannelMs: 1000, catchUpMs: 0 }),
    );
    const at: number[] = [];
    for (const channel of ['C1', 'C2', 'C3', 'C1']) {
      await gate.waitTurn(channel);
      at.push(clock.now().getTime());
    }
    // 120 a minute = one per 500 ms; C1's second post also waits its 1,000 ms.
    expect(at).toEqual([0, 500, 1000, 1500]);
  });
});
