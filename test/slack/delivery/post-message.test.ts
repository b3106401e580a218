/**
 * Posting one message against the stand-in, with the real retry policy and reconciler on
 * a fake clock (its sleep advances time, so backoff costs nothing here).
 */
import type { KnownBlock } from '@slack/types';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackDeliveryError } from '../../../src/errors.ts';
import { fileRef } from '../../../src/slack/delivery/file-refs.ts';
import { createPoster } from '../../../src/slack/delivery/post-message.ts';
import { createReconciler, DELIVERY_EVENT_TYPE } from '../../../src/slack/delivery/reconcile.ts';
import { createRetryPolicy } from '../../../src/slack/delivery/retry-policy.ts';
import { SendGate } from '../../../src/slack/delivery/send-gate.ts';
import { quietLogger } from '../../../support/quiet-logger.ts';
import { fakeClock } from './fake-clock.ts';
import { type Harness, message, startHarness } from './harness.ts';

let h: Harness;
afterEach(async () => {
  await h.stop();
});

async function poster(options: Parameters<typeof startHarness>[0] = {}) {
  h = await startHarness({ store: 'fake', ...options });
  const clock = fakeClock(Date.now());
  const retry = createRetryPolicy({
    gate: new SendGate(clock, 0, 0),
    clock,
    logger: quietLogger,
    limits: { maxAttempts: 3, backoffBaseMs: 10, backoffCapMs: 10, maxRateLimitWaits: 2 },
  });
  const reconciler = createReconciler({ client: h.client, step: retry.step });
  return createPoster({
    client: h.client,
    clock,
    retry,
    reconciler,
    logger: quietLogger,
    limits: { fileReadyRetries: 2, fileReadyWaitMs: 1 },
  });
}

const chart = {
  filename: 'trend.png',
  bytes: Buffer.alloc(300, 1),
  alt_text: 'trend',
  title: 'Trend',
};
const imageOf = (name: string): KnownBlock =>
  ({ type: 'image', alt_text: name, slack_file: { id: fileRef(name) } }) as KnownBlock;

describe('post', () => {
  it('uploads the files privately, then posts once with the delivery key in its metadata', async () => {
    const p = await poster();
    const posted = await p.post(
      message('C1', { blocks: [imageOf('trend.png')], files: [chart] }),
      'k1',
    );
    expect(h.slack.calls.map((c) => c.method)).toEqual([
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
      'chat.postMessage',
    ]);
    // Private: completed without a channel.
    expect(h.slack.callsTo('files.completeUploadExternal')[0]?.params.channel_id).toBeUndefined();
    const [stored] = h.slack.messages('C1');
    expect(posted).toEqual({ channel: 'C1', ts: stored?.ts });
    expect(stored?.metadata).toMatchObject({
      event_type: DELIVERY_EVENT_TYPE,
      event_payload: { delivery_key: 'k1' },
    });
  });

  it('after a 503 that came once Slack had stored the post, finds it instead of posting again', async () => {
    const p = await poster();
    h.slack.failNext('chat.postMessage', { kind: 'http', status: 503, afterHandling: true });
    const posted = await p.post(message('C1'), 'k1');
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.slack.messages('C1')).toHaveLength(1);
    expect(posted.ts).toBe(h.slack.messages('C1')[0]?.ts);
  });

  it('gives up on a file Slack keeps calling invalid, as a permanent failure', async () => {
    // Files become usable only after an hour of the stand-in's (real) time.
    const p = await poster({ fileReadyDelayMs: 3_600_000 });
    const error = await p
      .post(message('C1', { blocks: [imageOf('trend.png')], files: [chart] }), 'k1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackDeliveryError);
    expect((error as SlackDeliveryError).failure).toMatchObject({
      kind: 'permanent',
      detail: 'invalid_blocks: invalid slack file',
    });
    // The first try and two re-posts.
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it('runs beforeCall before the post', async () => {
    const p = await poster();
    const order: string[] = [];
    h.slack.onAnswer((call) => order.push(call.method));
    await p.post(message('C1'), 'k1', async () => {
      order.push('beforeCall');
    });
    expect(order).toEqual(['beforeCall', 'chat.postMessage']);
  });
});
