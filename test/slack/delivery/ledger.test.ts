/**
 * The ledger's records and claims on the in-memory fake store (the store contract suite
 * checks `claim` and `takeOver` themselves on every backend). Two ledgers over one
 * store stand for two processes.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { SlackDeliveryError } from '../../../src/errors.ts';
import { slackFailure } from '../../../src/slack/classify-slack-error.ts';
import { CLAIM_LAPSED, createLedger, type Ledger } from '../../../src/slack/delivery/ledger.ts';
import type { Store } from '../../../src/store/types.ts';
import { createFakeStore } from '../../support/fake-store.ts';
import { fakeClock } from './fake-clock.ts';
import { message } from './harness.ts';

const T0 = Date.parse('2026-11-23T10:00:00Z');
const limits = { claimTtlMs: 300_000, claimMarginMs: 60_000 };
const key = 'team-charts|2026-11-23|C1';

let store: Store;
let clock: ReturnType<typeof fakeClock>;
let ledger: Ledger;
/** Another process: its own clock (set to `atMs`) over the same store. */
const otherProcess = (atMs: number) => createLedger({ store, clock: fakeClock(atMs), limits });

beforeEach(() => {
  store = createFakeStore();
  clock = fakeClock(T0);
  ledger = createLedger({ store, clock, limits });
});

describe('open', () => {
  it('claims a new message: pending, counted as attempted, claimed for the TTL', async () => {
    const opened = await ledger.open(message('C1'));
    expect(opened).toMatchObject({ kind: 'mine', created: true });
    expect(await store.deliveries.get({ key })).toMatchObject({
      status: 'pending',
      attempts: 1,
      claimed_until: '2026-11-23T10:05:00.000Z',
    });
  });

  it('reports a message another process is delivering as busy, and takes nothing', async () => {
    await ledger.open(message('C1'));
    const other = await otherProcess(T0 + 1000).open(message('C1'));
    expect(other.kind).toBe('busy');
    expect((await store.deliveries.get({ key }))?.claimed_until).toBe('2026-11-23T10:05:00.000Z');
  });

  it('takes over a crashed process’s record once its claim has run out', async () => {
    await ledger.open(message('C1'));
    // Still claimed one millisecond before the end …
    expect((await otherProcess(T0 + 299_999).open(message('C1'))).kind).toBe('busy');
    // … and free from then on.
    const later = await otherProcess(T0 + 300_000).open(message('C1'));
    expect(later).toMatchObject({ kind: 'mine', created: false, delivery: { attempts: 1 } });
    expect((await store.deliveries.get({ key }))?.claimed_until).toBe('2026-11-23T10:10:00.000Z');
  });

  it('lets exactly one of two processes take over a record both read', async () => {
    await ledger.open(message('C1'));
    await ledger.markHeld(key, '2026-11-24T09:00:00.000Z');
    const [a, b] = await Promise.all([
      otherProcess(T0 + 10).open(message('C1')),
      otherProcess(T0 + 20).open(message('C1')),
    ]);
    expect([a?.kind, b?.kind].sort()).toEqual(['busy', 'mine']);
  });

  it('reports done when the record was sent or failed, whoever finished it', async () => {
    await ledger.open(message('C1'));
    await ledger.markSent(key, { channel: 'C1', ts: '1.2' });
    expect(await ledger.open(message('C1'))).toMatchObject({
      kind: 'done',
      delivery: { status: 'sent', ts: '1.2' },
    });
  });
});

describe('recording the outcome releases the claim', () => {
  it.each([
    ['transient', 'pending'],
    ['rate_limited', 'pending'],
    ['permanent', 'failed'],
    ['file_not_ready', 'failed'],
  ] as const)('a %s failure is recorded %s, with its detail', async (kind, status) => {
    await ledger.open(message('C1'));
    await ledger.markFailed(key, slackFailure(kind, 'x', { detail: 'x (details)' }));
    const stored = await store.deliveries.get({ key });
    expect(stored).toMatchObject({ status, error: 'x (details)' });
    expect(stored && 'claimed_until' in stored).toBe(false);
  });

  it('a held message is free for the next run to take over at once', async () => {
    await ledger.open(message('C1'));
    await ledger.markHeld(key, '2026-11-24T09:00:00.000Z');
    expect(await store.deliveries.get({ key })).toMatchObject({
      status: 'held',
      not_before: '2026-11-24T09:00:00.000Z',
    });
    expect((await otherProcess(T0 + 1).open(message('C1'))).kind).toBe('mine');
  });
});

describe('keeping a claim', () => {
  it('renews it once half is gone, so a long delivery keeps others off', async () => {
    const opened = await ledger.open(message('C1'));
    if (opened.kind !== 'mine') throw new Error('expected to hold the claim');
    clock.set(T0 + 100_000);
    await opened.claim.keep();
    expect((await store.deliveries.get({ key }))?.claimed_until).toBe('2026-11-23T10:05:00.000Z');
    clock.set(T0 + 160_000);
    await opened.claim.keep();
    expect((await store.deliveries.get({ key }))?.claimed_until).toBe('2026-11-23T10:07:40.000Z');
  });

  it('refuses once less than the margin is left, so a late process never posts', async () => {
    const opened = await ledger.open(message('C1'));
    if (opened.kind !== 'mine') throw new Error('expected to hold the claim');
    clock.set(T0 + 240_000);
    const error = await opened.claim.keep().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackDeliveryError);
    expect((error as SlackDeliveryError).failure.code).toBe(CLAIM_LAPSED);
  });
});
