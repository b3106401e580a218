/**
 * The delivery ledger's side of the engine: one record per (job, period, target) in
 * `store.deliveries`, so a message is delivered once however often its job runs, and
 * however many processes run it at once (`serve`'s scheduler and a manual
 * `teamhealth run`, or several `serve`s on one database).
 *
 * - A new message is claimed with an atomic insert-if-absent, as already attempted
 *   (`attempts: 1`): it then needs one write before its post (the claim) and one after
 *   (`sent`). A run that dies, or holds the message, before posting costs the next run
 *   one history lookup that finds nothing, cheaper than a write on every message.
 * - An existing `pending` or `held` record is taken over with a compare-and-set on its
 *   status and attempts (`deliveries.takeOver`): of two processes that read it, one wins
 *   and the other reports it `in_progress` and posts nothing.
 * - Every claim carries `claimed_until` (now + `claimTtlMs`): while it runs no other
 *   process may take the record over; once it has passed (the claimer crashed), one may.
 *   The claimer posts only while at least `claimMarginMs` of it is left, renews it once
 *   half is gone, and removes it when it records the outcome.
 * - A record pending with attempts > 0 may have been posted, so whoever takes it over
 *   reconciles before posting again (reconcile.ts).
 */
import { type Delivery, deliveryKey } from '../../domain/surfaces.ts';
import { SlackDeliveryError, type SlackFailure } from '../../errors.ts';
import type { Store } from '../../store/types.ts';
import { slackFailure } from '../classify-slack-error.ts';
import type { DeliveryLimits } from './limits.ts';
import type { Clock, OutgoingMessage } from './types.ts';

/** The failure code when this process's own claim ran too short to post safely. */
export const CLAIM_LAPSED = 'claim_lapsed';

/** This process's hold on one record, from its claim or take-over until the outcome is recorded. */
export interface Claim {
  /**
   * Call right before anything only the claimer may do (a post, a ledger write): renews
   * the claim once half of it is gone.
   * @throws SlackDeliveryError `claim_lapsed` when less than the margin is left: another
   *   process may take the record over, so this one must not post.
   */
  keep(): Promise<void>;
}

export type Opened =
  /** Sent or failed already: nothing to do. */
  | { kind: 'done'; delivery: Delivery }
  /** Another process's claim on it is running. */
  | { kind: 'busy'; delivery: Delivery }
  /** This process holds it; `created` when this run made the record. */
  | { kind: 'mine'; delivery: Delivery; created: boolean; claim: Claim };

export interface Ledger {
  keyOf(message: OutgoingMessage): string;
  /** Claims the message's record, or takes over the one an earlier run left. */
  open(message: OutgoingMessage): Promise<Opened>;
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

/** Take-overs tried when the record keeps changing under this process (then: busy). */
const MAX_TAKE_OVERS = 3;

export function createLedger(deps: {
  store: Pick<Store, 'deliveries'>;
  clock: Clock;
  limits: Pick<DeliveryLimits, 'claimTtlMs' | 'claimMarginMs'>;
}): Ledger {
  const { store, clock, limits } = deps;
  const stamp = () => clock.now().toISOString();
  const untilFrom = (now: Date) => new Date(now.getTime() + limits.claimTtlMs);
  /** Writes under this process's claim, releasing it when the outcome is final for this run. */
  const release = (key: string, fields: Partial<Delivery>) =>
    store.deliveries.update({
      key,
      set: { ...fields, claimed_until: undefined, updated_at: stamp() },
    });

  function claimOf(key: string, initialUntil: Date): Claim {
    let until = initialUntil.getTime();
    return {
      async keep() {
        const now = clock.now().getTime();
        if (now >= until - limits.claimMarginMs) {
          throw new SlackDeliveryError(
            slackFailure('transient', CLAIM_LAPSED, {
              detail: `claim_lapsed: this run's claim on ${key} ran out before it could post; the next run takes it over`,
            }),
          );
        }
        if (until - now < limits.claimTtlMs / 2) {
          // Still this process's (more than the margin left), so a plain write is safe.
          const next = untilFrom(new Date(now));
          await store.deliveries.update({
            key,
            set: { claimed_until: next.toISOString(), updated_at: new Date(now).toISOString() },
          });
          until = next.getTime();
        }
      },
    };
  }

  /**
   * The compare-and-set decides alone, a running claim included (the store refuses a
   * take-over while `claimed_until` is ahead): no check here could be stale by the time
   * the write lands.
   */
  async function takeOver(found: Delivery): Promise<Opened> {
    let current = found;
    for (let tries = 0; tries < MAX_TAKE_OVERS; tries += 1) {
      if (current.status === 'sent' || current.status === 'failed')
        return { kind: 'done', delivery: current };
      const now = clock.now();
      const until = untilFrom(now);
      const won = await store.deliveries.takeOver({
        key: current.key,
        expect: { status: current.status, attempts: current.attempts },
        now: now.toISOString(),
        set: { claimed_until: until.toISOString(), updated_at: now.toISOString() },
      });
      if (won) {
        const delivery = { ...current, claimed_until: until.toISOString() };
        return { kind: 'mine', delivery, created: false, claim: claimOf(current.key, until) };
      }
      // Another process holds it or moved it on: see which.
      const reread = await store.deliveries.get({ key: current.key });
      if (!reread) return { kind: 'busy', delivery: current };
      current = reread;
      if (current.claimed_until && current.claimed_until > now.toISOString())
        return { kind: 'busy', delivery: current };
    }
    return { kind: 'busy', delivery: current };
  }

  return {
    keyOf: (message) => deliveryKey(message.job, message.period, message.target),
    async open(message) {
      const now = clock.now();
      const until = untilFrom(now);
      const { delivery, created } = await store.deliveries.claim({
        delivery: {
          key: deliveryKey(message.job, message.period, message.target),
          job: message.job,
          period: message.period,
          target: message.target,
          status: 'pending',
          attempts: 1,
          claimed_until: until.toISOString(),
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        },
      });
      if (created) return { kind: 'mine', delivery, created, claim: claimOf(delivery.key, until) };
      return takeOver(delivery);
    },
    countAttempt: (key, attempts) =>
      store.deliveries.update({
        key,
        set: { status: 'pending', attempts, updated_at: stamp() },
      }),
    markSent: (key, posted) =>
      release(key, { status: 'sent', channel: posted.channel, ts: posted.ts }),
    markHeld: (key, notBefore) => release(key, { status: 'held', not_before: notBefore }),
    markFailed: (key, failure) => {
      const passing = failure.kind === 'transient' || failure.kind === 'rate_limited';
      return release(key, { status: passing ? 'pending' : 'failed', error: failure.detail });
    },
  };
}
