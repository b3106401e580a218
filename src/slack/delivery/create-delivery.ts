/**
 * The delivery engine: the only way anything reaches Slack (ARCHITECTURE.md, "Delivery in
 * one place"). It composes one module per concern; for each message:
 *
 * 1. Ledger (ledger.ts): claim (job, period, target), or take over the record an earlier
 *    run left (a compare-and-set, so across processes one wins; the other reports
 *    `in_progress`). Already sent or failed → skip. Pending after an earlier attempt →
 *    look for the post by its metadata before posting again (reconcile.ts: a crash
 *    between post and ledger update), and mark it sent if found.
 * 2. Quiet hours (quiet-hours.ts): DMs only in the recipient's working hours, never
 *    before `notBefore`; otherwise recorded `held` with not_before, for a later run.
 * 3. Posting (post-message.ts): files uploaded privately (files.uploadV2 flow, no
 *    channel_id) and shown through `slack_file` image blocks, then chat.postMessage.
 * 4. Pacing (send-gate.ts, limits.ts) and retries (retry-policy.ts): about one post a
 *    second per channel and a workspace-wide rate; a 429 pauses every send for
 *    Retry-After; 5xx and network errors back off with jitter for a bounded number of
 *    attempts (looking the post up before each retry); permanent errors are recorded
 *    `failed` and reported, not retried.
 *
 * The WebClient must not retry on its own (`retryConfig: { retries: 0 }`,
 * `rejectRateLimitedCalls: true`): the engine owns the policy. `createSlackClient` makes
 * one configured that way.
 */
import type { WebClient } from '@slack/web-api';
import { SlackDeliveryError } from '../../errors.ts';
import type { Store } from '../../store/types.ts';
import { checkMessage } from './check-message.ts';
import { CLAIM_LAPSED, createLedger } from './ledger.ts';
import { type DeliveryLimits, resolveLimits } from './limits.ts';
import { createPoster } from './post-message.ts';
import { createQuietHours } from './quiet-hours.ts';
import { createReconciler } from './reconcile.ts';
import { createRetryPolicy, type DeliveryLogger } from './retry-policy.ts';
import { SendGate } from './send-gate.ts';
import {
  type Clock,
  type DeliveryOutcome,
  type OutgoingMessage,
  type RunSummary,
  summarize,
  systemClock,
} from './types.ts';
import type { WorkingHours } from './working-hours.ts';

export { DEFAULT_LIMITS, type DeliveryLimits } from './limits.ts';
export type { DeliveryLogger } from './retry-policy.ts';

export interface DeliveryDeps {
  client: WebClient;
  store: Store;
  logger: DeliveryLogger;
  clock?: Clock;
  limits?: Partial<DeliveryLimits>;
  /** DMs go out only within these local hours, Monday–Friday. Default 09:00–17:00. */
  workingHours?: WorkingHours;
  /** For the backoff jitter; tests may fix it. */
  random?: () => number;
}

export interface Delivery {
  deliver(message: OutgoingMessage): Promise<DeliveryOutcome>;
  /** Delivers many, `concurrency` at a time (pacing still applies per channel). */
  deliverAll(
    messages: OutgoingMessage[],
    options?: { concurrency?: number },
  ): Promise<{ summary: RunSummary; outcomes: DeliveryOutcome[] }>;
}

export function createDelivery(deps: DeliveryDeps): Delivery {
  const { client, store, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const limits = resolveLimits(deps.limits);
  const gate = SendGate.fromLimits(clock, limits);
  const retry = createRetryPolicy({
    gate,
    clock,
    limits,
    logger,
    ...(deps.random ? { random: deps.random } : {}),
  });
  const ledger = createLedger({ store, clock, limits });
  const reconciler = createReconciler({ client, step: retry.step });
  const quietHours = createQuietHours({
    client,
    store,
    clock,
    step: retry.step,
    workingHours: deps.workingHours ?? { start: '09:00', end: '17:00' },
  });
  const poster = createPoster({ client, clock, retry, reconciler, logger, limits });

  async function deliver(message: OutgoingMessage): Promise<DeliveryOutcome> {
    checkMessage(message);
    const key = ledger.keyOf(message);
    const base = { key, target: message.target };
    const opened = await ledger.open(message);
    if (opened.kind === 'done') {
      const { delivery } = opened;
      return delivery.status === 'sent'
        ? { ...base, status: 'skipped', channel: delivery.channel, ts: delivery.ts }
        : { ...base, status: 'skipped', error: delivery.error };
    }
    if (opened.kind === 'busy') {
      // Another process is delivering it right now: neither sent nor failed by this run.
      logger.info(
        { key, until: opened.delivery.claimed_until },
        'another process is delivering this message',
      );
      return { ...base, status: 'in_progress' };
    }
    const { delivery, created, claim } = opened;
    try {
      if (!created && delivery.status === 'pending' && delivery.attempts > 0) {
        const found = await reconciler.findEarlierPost(
          message,
          key,
          new Date(delivery.created_at),
          delivery.channel,
        );
        if (found) {
          await ledger.markSent(key, found);
          logger.info({ key, ts: found.ts }, 'found an earlier post of this message; marked sent');
          return { ...base, status: 'reconciled', ...found };
        }
      }
      const hold = await quietHours.holdUntil(message, delivery.not_before);
      if (hold) {
        const notBefore = hold.toISOString();
        await claim.keep();
        await ledger.markHeld(key, notBefore);
        return { ...base, status: 'held', notBefore };
      }
      // Counted before posting: a record pending with attempts > 0 may have been posted.
      // (A record this run created is already counted by its claim.)
      if (!created) {
        await claim.keep();
        await ledger.countAttempt(key, delivery.attempts + 1);
      }
      const posted = await poster.post(message, key, () => claim.keep());
      await ledger.markSent(key, posted);
      return { ...base, status: 'sent', ...posted };
    } catch (error) {
      if (!(error instanceof SlackDeliveryError)) throw error;
      // Nothing lost: a passing fault leaves the record pending for the next run (which
      // reconciles first, in case it did go out); only a permanent error is final. A
      // lapsed claim is not written at all: another process may own the record now.
      if (error.failure.code !== CLAIM_LAPSED) await ledger.markFailed(key, error.failure);
      logger.error({ key, target: message.target, error: error.message }, 'delivery failed');
      return { ...base, status: 'failed', error: error.message, failure: error.failure };
    }
  }

  async function deliverAll(messages: OutgoingMessage[], options: { concurrency?: number } = {}) {
    const concurrency = Math.max(1, options.concurrency ?? 4);
    const outcomes: DeliveryOutcome[] = new Array(messages.length);
    let next = 0;
    const worker = async () => {
      while (next < messages.length) {
        const index = next++;
        const message = messages[index];
        if (message) outcomes[index] = await deliver(message);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, messages.length) }, worker));
    return { summary: summarize(outcomes), outcomes };
  }

  return { deliver, deliverAll };
}
