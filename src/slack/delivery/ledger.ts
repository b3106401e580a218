/**
 * The delivery ledger's side of the engine: one record per (job, period, target) in
 * `store.deliveries`, so a message is delivered once however often its job runs.
 *
 * A new message is claimed as already attempted (`attempts: 1`): it then needs one write
 * before its post (the claim) and one after (`sent`). A run that dies, or holds the
 * message, before posting costs the next run one history lookup that finds nothing —
 * cheaper than a write on every message. A record pending with attempts > 0 may have
 * been posted, so it is reconciled before it is posted again.
 */
import { type Delivery, deliveryKey } from '../../domain/surfaces.ts';
import type { SlackFailure } from '../../errors.ts';
import type { Store } from '../../store/types.ts';
import type { Clock, OutgoingMessage } from './types.ts';

export interface Ledger {
  /** The message's key. */
  keyOf(message: OutgoingMessage): string;
  /** Records the intent to deliver, or returns the record an earlier run left. */
  claim(message: OutgoingMessage): Promise<{ delivery: Delivery; created: boolean }>;
  /** Counts another post attempt before it is made (the record may then have been posted). */
  countAttempt(key: string, attempts: number): Promise<void>;
  markSent(key: string, posted: { channel: string; ts: string }): Promise<void>;
  markHeld(key: string, notBefore: string): Promise<void>;
  /**
   * Records a failure: a passing fault (transient, rate limited) leaves the record
   * pending for the next run; anything else is final (`failed`).
   */
  markFailed(key: string, failure: SlackFailure): Promise<void>;
}

export function createLedger(deps: { store: Pick<Store, 'deliveries'>; clock: Clock }): Ledger {
  const { store, clock } = deps;
  const stamp = () => clock.now().toISOString();
  const set = (key: string, fields: Partial<Delivery>) =>
    store.deliveries.update({ key, set: { ...fields, updated_at: stamp() } });

  return {
    keyOf: (message) => deliveryKey(message.job, message.period, message.target),
    claim: (message) =>
      store.deliveries.claim({
        delivery: {
          key: deliveryKey(message.job, message.period, message.target),
          job: message.job,
          period: message.period,
          target: message.target,
          status: 'pending',
          attempts: 1,
          created_at: stamp(),
          updated_at: stamp(),
        },
      }),
    countAttempt: (key, attempts) => set(key, { status: 'pending', attempts }),
    markSent: (key, posted) => set(key, { status: 'sent', channel: posted.channel, ts: posted.ts }),
    markHeld: (key, notBefore) => set(key, { status: 'held', not_before: notBefore }),
    markFailed: (key, failure) => {
      const passing = failure.kind === 'transient' || failure.kind === 'rate_limited';
      return set(key, { status: passing ? 'pending' : 'failed', error: failure.detail });
    },
  };
}
