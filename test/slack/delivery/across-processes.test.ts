/**
 * Two delivery engines over one store and one Slack stand-in: what two processes (a
 * scheduled `serve` and a manual `teamhealth run`) do when they deliver the same job at
 * once (issue 18.3). The store is the real embedded one; the engines share it in one
 * process here, and two real processes do the same in two-processes.test.ts.
 *
 * To make the race as hard as it can be, both engines are held at the ledger until both
 * have read each record (`bothRead`), so they always decide from the same record: exactly
 * what a read-then-write take-over gets wrong.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Delivery } from '../../../src/domain/surfaces.ts';
import type { Store } from '../../../src/store/types.ts';
import { type Harness, message, startHarness } from './harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const CHANNELS = ['C1', 'C2', 'C3'];
const batch = () =>
  ['p1', 'p2', 'p3'].flatMap((period) => CHANNELS.map((c) => message(c, { period })));

/**
 * Two views of `store` whose `deliveries.claim` returns only once both views have called
 * it for the same key, so both engines read every record before either writes.
 */
function bothRead(store: Store): [Store, Store] {
  const waiting = new Map<string, () => void>();
  const view = (): Store => ({
    ...store,
    deliveries: {
      ...store.deliveries,
      claim: async (args) => {
        const result = await store.deliveries.claim(args);
        const other = waiting.get(args.delivery.key);
        if (other) {
          waiting.delete(args.delivery.key);
          other();
        } else {
          await new Promise<void>((resolve) => waiting.set(args.delivery.key, resolve));
        }
        return result;
      },
    },
  });
  return [view(), view()];
}

/** Every stored post, by its delivery key: each must appear once. */
const postedKeys = () =>
  h.slack.messages().map((m) => String(m.metadata?.event_payload.delivery_key));

/** Records left by an earlier run: held until an instant already past, no claim running. */
async function seedHeld(): Promise<void> {
  const now = new Date().toISOString();
  for (const m of batch()) {
    const delivery: Delivery = {
      key: `${m.job}|${m.period}|${m.target}`,
      job: m.job,
      period: m.period,
      target: m.target,
      status: 'held',
      attempts: 1,
      not_before: new Date(Date.now() - 60_000).toISOString(),
      created_at: now,
      updated_at: now,
    };
    await h.store.deliveries.claim({ delivery });
  }
}

const fast = { limits: { perChannelMs: 0, postsPerMinute: 60_000, backoffBaseMs: 1 } };

describe('two engines delivering one job at once', () => {
  it('posts every new message exactly once; the loser reports it in progress', async () => {
    const [a, b] = bothRead(h.store);
    const [first, second] = await Promise.all([
      h.engine({ ...fast, store: a }).deliverAll(batch()),
      h.engine({ ...fast, store: b }).deliverAll(batch()),
    ]);
    expect(postedKeys().sort()).toEqual(
      batch()
        .map((m) => `team-charts|${m.period}|${m.target}`)
        .sort(),
    );
    expect((first?.summary.sent ?? 0) + (second?.summary.sent ?? 0)).toBe(9);
    expect((first?.summary.inProgress ?? 0) + (second?.summary.inProgress ?? 0)).toBe(9);
    expect([...(first?.summary.failed ?? []), ...(second?.summary.failed ?? [])]).toEqual([]);
    const ledger = await h.store.deliveries.list({ job: 'team-charts' });
    expect(ledger.map((d) => d.status)).toEqual(Array(9).fill('sent'));
  });

  it('takes over records an earlier run held with one winner each (compare-and-set on status and attempts)', async () => {
    await seedHeld();
    const [a, b] = bothRead(h.store);
    const [first, second] = await Promise.all([
      h.engine({ ...fast, store: a }).deliverAll(batch()),
      h.engine({ ...fast, store: b }).deliverAll(batch()),
    ]);
    // Both read `held` for every record; a take-over that did not compare would let both post.
    expect(postedKeys().sort()).toEqual(
      batch()
        .map((m) => `team-charts|${m.period}|${m.target}`)
        .sort(),
    );
    expect((first?.summary.sent ?? 0) + (second?.summary.sent ?? 0)).toBe(9);
    expect((first?.summary.inProgress ?? 0) + (second?.summary.inProgress ?? 0)).toBe(9);
    const ledger = await h.store.deliveries.list({ job: 'team-charts' });
    expect(ledger.every((d) => d.status === 'sent' && d.attempts === 2)).toBe(true);
  });

  it('would post twice with a take-over that does not compare: the race above is real', async () => {
    await seedHeld();
    const [a, b] = bothRead(h.store);
    // What issue 18.3 found: an unconditional update instead of a compare-and-set.
    const unconditional = (view: Store): Store => ({
      ...view,
      deliveries: {
        ...view.deliveries,
        takeOver: async ({ key, set }) => {
          await view.deliveries.update({ key, set });
          return true;
        },
      },
    });
    await Promise.all([
      h.engine({ ...fast, store: unconditional(a) }).deliverAll(batch()),
      h.engine({ ...fast, store: unconditional(b) }).deliverAll(batch()),
    ]);
    expect(postedKeys().length).toBeGreaterThan(9);
  });

  it('leaves a message alone while another process’s claim runs, and takes it once that claim has run out', async () => {
    const m = message('C1');
    const key = 'team-charts|2026-11-23|C1';
    const now = Date.now();
    await h.store.deliveries.claim({
      delivery: {
        key,
        job: m.job,
        period: m.period,
        target: m.target,
        status: 'pending',
        attempts: 0,
        claimed_until: new Date(now + 60_000).toISOString(),
        created_at: new Date(now).toISOString(),
        updated_at: new Date(now).toISOString(),
      },
    });
    expect(await h.engine(fast).deliver(m)).toMatchObject({ status: 'in_progress' });
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect((await h.store.deliveries.get({ key }))?.status).toBe('pending');

    // Two minutes later the claimer is presumed dead.
    const later = { now: () => new Date(Date.now() + 120_000), sleep: async () => {} };
    expect(await h.engine({ ...fast, clock: later }).deliver(m)).toMatchObject({ status: 'sent' });
    expect(h.slack.messages('C1')).toHaveLength(1);
  });
});
