/** The ledger's records, on the in-memory fake store (the store contract suite covers the backends). */
import { beforeEach, describe, expect, it } from 'vitest';
import { slackFailure } from '../../../src/slack/classify-slack-error.ts';
import { createLedger, type Ledger } from '../../../src/slack/delivery/ledger.ts';
import type { Store } from '../../../src/store/types.ts';
import { createFakeStore } from '../../support/fake-store.ts';
import { fakeClock } from './fake-clock.ts';
import { message } from './harness.ts';

let store: Store;
let ledger: Ledger;
const key = 'team-charts|2026-11-23|C1';
beforeEach(() => {
  store = createFakeStore();
  ledger = createLedger({ store, clock: fakeClock(Date.parse('2026-11-23T10:00:00Z')) });
});

describe('claim', () => {
  it('records a new message pending and already counted as attempted', async () => {
    const { delivery, created } = await ledger.claim(message('C1'));
    expect(created).toBe(true);
    expect(delivery).toMatchObject({ key, status: 'pending', attempts: 1 });
    expect(await store.deliveries.get({ key })).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('returns the record an earlier run left, unchanged', async () => {
    await ledger.claim(message('C1'));
    await ledger.markSent(key, { channel: 'C1', ts: '1.2' });
    const again = await ledger.claim(message('C1'));
    expect(again.created).toBe(false);
    expect(again.delivery).toMatchObject({ status: 'sent', channel: 'C1', ts: '1.2' });
  });
});

describe('outcomes', () => {
  it.each([
    ['transient', 'pending'],
    ['rate_limited', 'pending'],
    ['permanent', 'failed'],
    ['file_not_ready', 'failed'],
  ] as const)('records a %s failure as %s, with its detail', async (kind, status) => {
    await ledger.claim(message('C1'));
    await ledger.markFailed(key, slackFailure(kind, 'x', { detail: 'x (details)' }));
    expect(await store.deliveries.get({ key })).toMatchObject({ status, error: 'x (details)' });
  });

  it('holds until an instant, and counts an attempt before a post', async () => {
    await ledger.claim(message('C1'));
    await ledger.markHeld(key, '2026-11-24T09:00:00.000Z');
    expect(await store.deliveries.get({ key })).toMatchObject({
      status: 'held',
      not_before: '2026-11-24T09:00:00.000Z',
    });
    await ledger.countAttempt(key, 2);
    expect(await store.deliveries.get({ key })).toMatchObject({ status: 'pending', attempts: 2 });
  });
});
