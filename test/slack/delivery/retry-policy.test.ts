/**
 * The retry policy on a fake clock (its sleep advances time), with failures as the
 * engine sees them: SlackDeliveryErrors carrying the classifier's verdict.
 */
import { describe, expect, it } from 'vitest';
import { SlackDeliveryError } from '../../../src/errors.ts';
import { slackFailure } from '../../../src/slack/classify-slack-error.ts';
import { createRetryPolicy } from '../../../src/slack/delivery/retry-policy.ts';
import { SendGate } from '../../../src/slack/delivery/send-gate.ts';
import { quietLogger } from '../../../support/quiet-logger.ts';
import { fakeClock } from './fake-clock.ts';

function policy(limits: Partial<Parameters<typeof createRetryPolicy>[0]['limits']> = {}) {
  const clock = fakeClock(0);
  const gate = new SendGate(clock, 0, 0);
  const retry = createRetryPolicy({
    gate,
    clock,
    logger: quietLogger,
    random: () => 0.5,
    limits: {
      maxAttempts: 4,
      backoffBaseMs: 500,
      backoffCapMs: 30_000,
      maxRateLimitWaits: 3,
      ...limits,
    },
  });
  return { clock, gate, retry };
}

/** A call failing with `failures` in turn, then answering 'ok'; `calls` counts tries. */
function scripted(...failures: ReturnType<typeof slackFailure>[]) {
  const state = { calls: 0 };
  const call = async () => {
    const failure = failures[state.calls++];
    if (failure) throw new SlackDeliveryError(failure);
    return 'ok';
  };
  return { state, call };
}

const http503 = slackFailure('transient', 'http_503');

describe('transient failures', () => {
  it('backs off with full jitter and then succeeds', async () => {
    const { clock, retry } = policy();
    const { state, call } = scripted(http503, http503);
    expect(await retry.attempt('chat.postMessage', call)).toBe('ok');
    expect(state.calls).toBe(3);
    // random 0.5 × min(cap, 500 · 2^attempt): 250 ms, then 500 ms.
    expect(clock.sleeps).toEqual([250, 500]);
  });

  it('gives up after maxAttempts, keeping the failure transient and naming the attempts', async () => {
    const { retry } = policy({ maxAttempts: 3 });
    const { state, call } = scripted(http503, http503, http503, http503);
    const error = await retry.attempt('chat.postMessage', call).catch((e: unknown) => e);
    expect(state.calls).toBe(3);
    expect(error).toBeInstanceOf(SlackDeliveryError);
    expect((error as SlackDeliveryError).failure).toMatchObject({
      kind: 'transient',
      code: 'http_503',
      detail: 'http_503 (chat.postMessage, 3 attempts)',
    });
  });

  it('returns what beforeRetry finds instead of calling again', async () => {
    const { retry } = policy();
    const { state, call } = scripted(http503);
    const found = await retry.attempt('chat.postMessage', call, {
      beforeRetry: async () => 'found earlier',
    });
    expect(found).toBe('found earlier');
    expect(state.calls).toBe(1);
  });
});

describe('rate limits', () => {
  it('waits out Retry-After (through the gate, which pauses every send) and tries again', async () => {
    const { clock, retry } = policy();
    const limited = slackFailure('rate_limited', 'ratelimited', { retryAfterMs: 2000 });
    const tries: number[] = [];
    const { call } = scripted(limited);
    await retry.attempt('chat.postMessage', () => {
      tries.push(clock.now().getTime());
      return call();
    });
    expect(tries).toEqual([0, 2000]);
  });

  it('gives up after maxRateLimitWaits, as a passing fault', async () => {
    const { retry } = policy({ maxRateLimitWaits: 2 });
    const limited = slackFailure('rate_limited', 'ratelimited', { retryAfterMs: 10 });
    const { state, call } = scripted(limited, limited, limited);
    const error = (await retry
      .attempt('chat.postMessage', call)
      .catch((e: unknown) => e)) as SlackDeliveryError;
    expect(state.calls).toBe(3);
    expect(error.failure).toMatchObject({
      kind: 'rate_limited',
      detail: 'ratelimited (chat.postMessage, still limited after 2 waits)',
    });
  });
});

describe('what is not retried', () => {
  it('throws a permanent failure at once', async () => {
    const { retry, clock } = policy();
    const { state, call } = scripted(slackFailure('permanent', 'not_in_channel'));
    await expect(retry.attempt('chat.postMessage', call)).rejects.toMatchObject({
      failure: { kind: 'permanent', code: 'not_in_channel' },
    });
    expect(state.calls).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('lets an error that is not Slack’s propagate untouched', async () => {
    const { retry } = policy();
    const bug = new TypeError('x is undefined');
    let calls = 0;
    await expect(
      retry.attempt('chat.postMessage', async () => {
        calls += 1;
        throw bug;
      }),
    ).rejects.toBe(bug);
    expect(calls).toBe(1);
  });

  it('runs beforeCall before every try, and stops when it throws', async () => {
    const { retry } = policy();
    const { call } = scripted(http503, http503);
    let checks = 0;
    await retry.attempt('chat.postMessage', call, {
      beforeCall: async () => {
        checks += 1;
      },
    });
    expect(checks).toBe(3);
    const stopped = scripted();
    await expect(
      retry.attempt('chat.postMessage', stopped.call, {
        beforeCall: async () => {
          throw new SlackDeliveryError(slackFailure('transient', 'claim_lapsed'));
        },
      }),
    ).rejects.toMatchObject({ failure: { code: 'claim_lapsed' } });
    expect(stopped.state.calls).toBe(0);
  });
});
