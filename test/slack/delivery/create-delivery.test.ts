/**
 * The delivery engine against the Slack stand-in over real HTTP, with the real WebClient
 * and the in-memory fake store (see harness.ts). Timing assertions are about the spacing
 * of the calls the stand-in recorded, never about how long a test took.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveryKey } from '../../../src/domain/surfaces.ts';
import { DELIVERY_EVENT_TYPE } from '../../../src/slack/delivery/reconcile.ts';
import { type Clock, systemClock } from '../../../src/slack/delivery/types.ts';
import { fakeClock } from './fake-clock.ts';
import { type Harness, message, startHarness } from './harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

/** Differences between consecutive instants. */
const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] ?? t));

/** The real clock, moved past every claim made just now (claims last 5 minutes). */
const afterClaims: Clock = {
  now: () => new Date(Date.now() + 5 * 60_000 + 1),
  sleep: systemClock.sleep,
};

const key = (target: string, period = '2026-11-23', job = 'team-charts') =>
  deliveryKey(job, period, target);

describe('exactly once', () => {
  it('posts once with its delivery key in the metadata and records it sent', async () => {
    const outcome = await h.engine().deliver(message('C1'));
    const [posted] = h.slack.messages('C1');
    expect(posted?.metadata).toEqual({
      event_type: DELIVERY_EVENT_TYPE,
      event_payload: {
        delivery_key: 'team-charts|2026-11-23|C1',
        job: 'team-charts',
        period: '2026-11-23',
      },
    });
    expect(outcome).toMatchObject({ status: 'sent', channel: 'C1', ts: posted?.ts });
    expect(await h.store.deliveries.get({ key: key('C1') })).toMatchObject({
      status: 'sent',
      attempts: 1,
      ts: posted?.ts,
    });
  });

  it('posts nothing new when the job is re-run for the same period', async () => {
    const batch = [message('C1'), message('C2'), message('C3')];
    const first = await h.engine().deliverAll(batch);
    const second = await h.engine().deliverAll(batch);
    expect(first.summary).toEqual({
      sent: 3,
      skipped: 0,
      reconciled: 0,
      failed: [],
      held: 0,
      inProgress: 0,
    });
    expect(second.summary).toEqual({
      sent: 0,
      skipped: 3,
      reconciled: 0,
      failed: [],
      held: 0,
      inProgress: 0,
    });
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it('writes a new message to the ledger twice, claimed as attempted before the post and then sent', async () => {
    const writes: string[] = [];
    const store = {
      ...h.store,
      deliveries: {
        ...h.store.deliveries,
        claim: async (args: Parameters<typeof h.store.deliveries.claim>[0]) => {
          writes.push(`claim attempts=${args.delivery.attempts}`);
          return h.store.deliveries.claim(args);
        },
        update: async (args: Parameters<typeof h.store.deliveries.update>[0]) => {
          writes.push(`update ${String(args.set.status)}`);
          return h.store.deliveries.update(args);
        },
      },
    };
    await h.engine({ store }).deliver(message('C1'));
    // Counted as attempted by the claim itself, so a crash after the post is reconciled.
    expect(writes).toEqual(['claim attempts=1', 'update sent']);
  });

  it('posts again for a new period', async () => {
    await h.engine().deliver(message('C1'));
    await h.engine().deliver(message('C1', { period: '2026-11-24' }));
    expect(h.slack.messages('C1')).toHaveLength(2);
  });
});

describe('rate limits and transient errors', () => {
  it('waits out a 429 for its Retry-After, then delivers exactly once', async () => {
    h.slack.failNext('chat.postMessage', { kind: 'ratelimited', retryAfter: 1 });
    // Pacing off, so only Retry-After can space the retry.
    const outcome = await h
      .engine({ limits: { perChannelMs: 0, postsPerMinute: 60_000 } })
      .deliver(message('C1'));
    const calls = h.slack.callsTo('chat.postMessage');
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    // Retry-After: 1 → the retry arrived at least 1,000 ms after the refused call.
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(outcome.status).toBe('sent');
    expect(h.slack.messages('C1')).toHaveLength(1);
  });

  it('retries a 5xx with backoff and then delivers once', async () => {
    h.slack.failNext('chat.postMessage', { kind: 'http', status: 503 }, 2);
    const outcome = await h.engine({ limits: { perChannelMs: 0 } }).deliver(message('C1'));
    expect(h.slack.callsTo('chat.postMessage').map((c) => c.status)).toEqual([503, 503, 200]);
    expect(outcome.status).toBe('sent');
    expect(h.slack.messages('C1')).toHaveLength(1);
  });

  it('finds a post Slack stored before answering 503, instead of posting it again', async () => {
    h.slack.failNext('chat.postMessage', { kind: 'http', status: 503, afterHandling: true });
    const outcome = await h.engine({ limits: { perChannelMs: 0 } }).deliver(message('C1'));
    const [stored] = h.slack.messages('C1');
    // One post, found through history by its key; no second chat.postMessage.
    expect(h.slack.callsTo('chat.postMessage').map((c) => c.status)).toEqual([503]);
    expect(h.slack.messages('C1')).toHaveLength(1);
    expect(outcome).toMatchObject({ status: 'sent', channel: 'C1', ts: stored?.ts });
    expect(await h.store.deliveries.get({ key: key('C1') })).toMatchObject({
      status: 'sent',
      ts: stored?.ts,
    });
  });

  it('does the same for a DM, searching the DM channel it opens', async () => {
    h.slack.failNext('chat.postMessage', { kind: 'http', status: 502, afterHandling: true });
    const dm = message('ULON', { job: 'coaching-dms', kind: 'dm', tz: 'Europe/London' });
    // Monday 10:00 London: inside working hours.
    const clock = fakeClock(Date.parse('2026-11-23T10:00:00Z'));
    const outcome = await h.engine({ clock, limits: { perChannelMs: 0 } }).deliver(dm);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.slack.messages('ULON')).toHaveLength(1);
    expect(h.slack.callsTo('conversations.open')).toHaveLength(1);
    expect(outcome).toMatchObject({ status: 'sent', channel: 'DULON' });
  });

  it('gives up on a 5xx after maxAttempts, reports it, and the next run delivers it', async () => {
    h.slack.failNext('chat.postMessage', { kind: 'http', status: 502 }, 3);
    const engine = h.engine({ limits: { maxAttempts: 3, backoffBaseMs: 1, perChannelMs: 0 } });
    const { summary } = await engine.deliverAll([message('C1')]);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(3);
    expect(summary.failed).toEqual([
      { target: 'C1', key: key('C1'), error: expect.stringMatching(/^http_502/) },
    ]);
    // A passing fault is not final: the record stays pending for the next run.
    expect((await h.store.deliveries.get({ key: key('C1') }))?.status).toBe('pending');
    const again = await engine.deliver(message('C1'));
    expect(again.status).toBe('sent');
    expect(h.slack.messages('C1')).toHaveLength(1);
  });

  it('keeps a message still rate limited after maxRateLimitWaits pending for the next run', async () => {
    h.slack.failNext('chat.postMessage', { kind: 'ratelimited', retryAfter: 0 }, 3);
    const engine = h.engine({ limits: { maxRateLimitWaits: 2, perChannelMs: 0 } });
    const outcome = await engine.deliver(message('C1'));
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(3);
    expect(outcome).toMatchObject({
      status: 'failed',
      error: 'ratelimited (chat.postMessage, still limited after 2 waits)',
      failure: { kind: 'rate_limited', code: 'ratelimited', messageKey: 'error.ratelimited' },
    });
    expect((await h.store.deliveries.get({ key: key('C1') }))?.status).toBe('pending');
  });

  it('treats a network failure as transient and bounded', async () => {
    const { createSlackClient } = await import('../../../src/slack/delivery/slack-client.ts');
    const { quietSlackLogger } = await import('../../../support/quiet-logger.ts');
    // Port 9 (discard) on loopback has no listener: the connection is refused.
    const client = createSlackClient({
      token: h.slack.token,
      apiUrl: 'http://127.0.0.1:9/api/',
      logger: quietSlackLogger,
    });
    const outcome = await h
      .engine({ client, limits: { maxAttempts: 2, backoffBaseMs: 1, perChannelMs: 0 } })
      .deliver(message('C1'));
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringMatching(/^network/) });
  });
});

describe('permanent errors', () => {
  it.each([
    ['COUT', 'not_in_channel'],
    ['CARCH', 'is_archived'],
    ['CNOPE', 'channel_not_found'],
  ])(
    'records a post to %s as failed with %s, tried once, and not retried on re-run',
    async (target, error) => {
      const first = await h.engine().deliverAll([message(target)]);
      expect(first.summary.failed).toEqual([{ target, key: key(target), error }]);
      expect(await h.store.deliveries.get({ key: key(target) })).toMatchObject({
        status: 'failed',
        error,
      });
      const second = await h.engine().deliverAll([message(target)]);
      expect(second.summary).toMatchObject({ skipped: 1, failed: [] });
      expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
    },
  );

  it('records missing_scope with the scope needed', async () => {
    h.slack.setScopes(['users:read']);
    const outcome = await h.engine().deliver(message('C1'));
    expect(outcome.error).toBe('missing_scope (needed: chat:write; provided: users:read)');
  });

  it('records invalid_blocks (other than the file race) with the problem, tried once', async () => {
    const blocks = Array.from({ length: 51 }, () => message('C1').blocks[0]) as never;
    const outcome = await h.engine().deliver(message('C1', { blocks }));
    expect(outcome.error).toMatch(/^invalid_blocks: \[ERROR\] must be less than 51 items/);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('records invalid_auth without retrying', async () => {
    const { createSlackClient } = await import('../../../src/slack/delivery/slack-client.ts');
    const { quietSlackLogger } = await import('../../../support/quiet-logger.ts');
    const client = createSlackClient({
      token: 'xoxb-revoked',
      apiUrl: h.slack.apiUrl,
      logger: quietSlackLogger,
    });
    const outcome = await h.engine({ client }).deliver(message('C1'));
    expect(outcome).toMatchObject({ status: 'failed', error: 'invalid_auth' });
    expect(h.slack.calls).toHaveLength(1);
  });

  it('carries on with the rest of the run after a failure', async () => {
    const { summary } = await h
      .engine()
      .deliverAll([message('COUT'), message('C1'), message('C2')]);
    expect(summary).toMatchObject({
      sent: 2,
      failed: [{ target: 'COUT', error: 'not_in_channel' }],
    });
  });

  it('refuses a message without text, naming the field', async () => {
    await expect(h.engine().deliver(message('C1', { text: ' ' }))).rejects.toThrow(
      /non-empty text/,
    );
  });
});

describe('crash recovery', () => {
  /** The store as seen by a process killed right after Slack accepted the post. */
  function crashAfterPost() {
    let crashed = false;
    return {
      ...h.store,
      deliveries: {
        ...h.store.deliveries,
        update: async (args: Parameters<typeof h.store.deliveries.update>[0]) => {
          if (args.set.status === 'sent' && !crashed) {
            crashed = true;
            throw new Error('process killed');
          }
          return h.store.deliveries.update(args);
        },
      },
    };
  }

  it('finds the earlier post by its metadata and does not post again', async () => {
    // Another period's message sits in the channel too: the key must match exactly.
    await h.engine().deliver(message('C1', { period: '2026-11-22' }));
    await expect(h.engine({ store: crashAfterPost() }).deliver(message('C1'))).rejects.toThrow(
      'process killed',
    );
    expect(await h.store.deliveries.get({ key: key('C1') })).toMatchObject({
      status: 'pending',
      attempts: 1,
    });
    const crashedPost = h.slack.messages('C1')[1];

    // While the crashed run's claim runs, another run leaves the message alone …
    expect((await h.engine().deliver(message('C1'))).status).toBe('in_progress');
    expect(h.slack.callsTo('conversations.history')).toHaveLength(0);
    // … and once it has run out, takes it over and finds the post.
    const outcome = await h.engine({ clock: afterClaims }).deliver(message('C1'));
    expect(outcome).toMatchObject({ status: 'reconciled', ts: crashedPost?.ts });
    expect(h.slack.messages('C1')).toHaveLength(2);
    expect(h.slack.callsTo('conversations.history')[0]?.params.include_all_metadata).toBe('true');
    expect(await h.store.deliveries.get({ key: key('C1') })).toMatchObject({
      status: 'sent',
      ts: crashedPost?.ts,
    });
  });

  it('posts when the earlier attempt never reached Slack', async () => {
    await h.store.deliveries.claim({
      delivery: {
        key: key('C1'),
        job: 'team-charts',
        period: '2026-11-23',
        target: 'C1',
        status: 'pending',
        attempts: 1,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      },
    });
    const outcome = await h.engine().deliver(message('C1'));
    expect(h.slack.callsTo('conversations.history')).toHaveLength(1);
    expect(outcome.status).toBe('sent');
    expect(h.slack.messages('C1')).toHaveLength(1);
  });

  it('skips the history lookup when the crash came before any post attempt', async () => {
    const now = new Date().toISOString();
    await h.store.deliveries.claim({
      delivery: {
        key: key('C1'),
        job: 'team-charts',
        period: '2026-11-23',
        target: 'C1',
        status: 'pending',
        attempts: 0,
        created_at: now,
        updated_at: now,
      },
    });
    await h.engine().deliver(message('C1'));
    expect(h.slack.callsTo('conversations.history')).toHaveLength(0);
    expect(h.slack.messages('C1')).toHaveLength(1);
  });
});

describe('pacing', () => {
  it('keeps one channel to about one post a second while others go at once, never refused', async () => {
    h.slack.enforceRateLimits({ postMessagePerChannelPerSecond: 1 });
    const batch = [
      message('C1', { period: 'p1' }),
      message('C1', { period: 'p2' }),
      message('C1', { period: 'p3' }),
      message('C2', { period: 'p1' }),
    ];
    // No catch-up allowance: sends are then a full second apart, and the stand-in's 50 ms
    // tolerance is left for transit jitter on a loaded machine (catch-up itself is
    // covered in send-gate.test.ts on a fake clock).
    const { summary } = await h
      .engine({ limits: { catchUpMs: 0 } })
      .deliverAll(batch, { concurrency: 4 });
    expect(summary.sent).toBe(4);
    const calls = h.slack.callsTo('chat.postMessage');
    expect(calls.every((c) => c.status === 200)).toBe(true);
    const c1 = calls.filter((c) => c.params.channel === 'C1').map((c) => c.at);
    // Engine spacing 1,000 ms; the stand-in (like Slack) measures arrivals, so allow its 50 ms tolerance.
    expect(c1).toHaveLength(3);
    for (const gap of gaps(c1)) expect(gap).toBeGreaterThanOrEqual(950);
    const c2 = calls.find((c) => c.params.channel === 'C2')?.at ?? Number.POSITIVE_INFINITY;
    expect(c2).toBeLessThan(c1[1] ?? 0);
  });

  it('keeps the workspace under its rate across channels', async () => {
    h.slack.enforceRateLimits({ postMessagePerWorkspacePerMinute: 120, workspaceBurst: 1 });
    const { summary } = await h
      .engine({ limits: { postsPerMinute: 120, catchUpMs: 0 } })
      .deliverAll([message('C1'), message('C2'), message('C3')], { concurrency: 3 });
    expect(summary.sent).toBe(3);
    const at = h.slack.callsTo('chat.postMessage').map((c) => c.at);
    expect(h.slack.callsTo('chat.postMessage').every((c) => c.status === 200)).toBe(true);
    // 120 a minute = one per 500 ms.
    expect(at).toHaveLength(3);
    for (const gap of gaps(at)) expect(gap).toBeGreaterThanOrEqual(450);
  });
});

describe('with the in-memory fake store (test/support/fake-store.ts)', () => {
  it('keeps the same ledger contract: re-run skips, crash reconciles', async () => {
    await h.stop();
    h = await startHarness({ store: 'fake' });
    await h.engine().deliver(message('C1'));
    expect((await h.engine().deliver(message('C1'))).status).toBe('skipped');
    const crashing = {
      ...h.store,
      deliveries: {
        ...h.store.deliveries,
        update: async (args: Parameters<typeof h.store.deliveries.update>[0]) => {
          if (args.set.status === 'sent') throw new Error('process killed');
          return h.store.deliveries.update(args);
        },
      },
    };
    await expect(h.engine({ store: crashing }).deliver(message('C2'))).rejects.toThrow(
      'process killed',
    );
    expect((await h.engine({ clock: afterClaims }).deliver(message('C2'))).status).toBe(
      'reconciled',
    );
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(2);
  });
});
