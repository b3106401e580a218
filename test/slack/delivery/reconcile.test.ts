/** Looking an earlier post up by its delivery key, against the stand-in's history. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createReconciler,
  DELIVERY_EVENT_TYPE,
  type Reconciler,
} from '../../../src/slack/delivery/reconcile.ts';
import { type Harness, message, startHarness } from './harness.ts';

let h: Harness;
let reconciler: Reconciler;
beforeEach(async () => {
  h = await startHarness({ store: 'fake' });
  reconciler = createReconciler({ client: h.client, step: (_name, call) => call() });
});
afterEach(async () => {
  await h.stop();
});

const postWithKey = (channel: string, key: string) =>
  h.client.chat.postMessage({
    channel,
    text: 'hi',
    metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { delivery_key: key } },
  });

describe('findEarlierPost', () => {
  it('finds the post carrying exactly this key, not another period’s', async () => {
    await postWithKey('C1', 'team-charts|2026-11-22|C1');
    const posted = await postWithKey('C1', 'team-charts|2026-11-23|C1');
    const since = new Date();
    expect(
      await reconciler.findEarlierPost(message('C1'), 'team-charts|2026-11-23|C1', since),
    ).toEqual({
      channel: 'C1',
      ts: posted.ts,
    });
    expect(
      await reconciler.findEarlierPost(message('C1'), 'team-charts|2026-11-24|C1', since),
    ).toBeNull();
    expect(h.slack.callsTo('conversations.history')[0]?.params.include_all_metadata).toBe('true');
  });

  it('opens a DM’s channel to search it, unless the ledger knows it', async () => {
    const posted = await postWithKey('ULON', 'coaching-dms|w48|ULON');
    const dm = message('ULON', { kind: 'dm', job: 'coaching-dms', period: 'w48' });
    expect(await reconciler.findEarlierPost(dm, 'coaching-dms|w48|ULON', new Date())).toEqual({
      channel: 'DULON',
      ts: posted.ts,
    });
    expect(h.slack.callsTo('conversations.open')).toHaveLength(1);
    await reconciler.findEarlierPost(dm, 'coaching-dms|w48|ULON', new Date(), 'DULON');
    expect(h.slack.callsTo('conversations.open')).toHaveLength(1);
  });
});
