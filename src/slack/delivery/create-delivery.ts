/**
 * The delivery engine: the only way anything reaches Slack (ARCHITECTURE.md, "Delivery in
 * one place"). For each message:
 *
 * 1. Ledger first: claim (job, period, target), counted as attempted. Already sent or
 *    failed → skip. Pending after an earlier attempt → look for the post by its metadata
 *    before posting again (a crash between post and ledger update), and mark it sent if
 *    found. A new message costs two durable ledger writes: the claim and `sent`.
 * 2. DMs only in the recipient's working hours (and never before `notBefore`): otherwise
 *    recorded `held` with not_before, for a later run.
 * 3. Files uploaded privately (files.uploadV2 flow, no channel_id) and shown through
 *    `slack_file` image blocks; a just-uploaded file briefly rejected as "invalid slack
 *    file" is retried.
 * 4. Paced: about one chat.postMessage a second per channel and a workspace-wide rate;
 *    a 429 pauses every send for Retry-After; 5xx and network errors back off with jitter
 *    for a bounded number of attempts; permanent errors are recorded `failed` and
 *    reported, not retried.
 *
 * The WebClient must not retry on its own (`retryConfig: { retries: 0 }`,
 * `rejectRateLimitedCalls: true`): the engine owns the policy. `createSlackClient` makes
 * one configured that way.
 */
import type { WebClient } from '@slack/web-api';
import { deliveryKey } from '../../domain/surfaces.ts';
import { SlackDeliveryError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import type { Store } from '../../store/types.ts';
import { classifySlackError, slackFailure } from '../classify-slack-error.ts';
import { backoffDelay } from './backoff.ts';
import { resolveFileRefs } from './file-refs.ts';
import { DELIVERY_EVENT_TYPE, findPostedMessage } from './reconcile.ts';
import { DEFAULT_CATCH_UP_MS, SendGate } from './send-gate.ts';
import {
  type Clock,
  type DeliveryOutcome,
  type OutgoingMessage,
  type RunSummary,
  summarize,
  systemClock,
} from './types.ts';
import { type Step, uploadPrivateFile } from './upload.ts';
import { heldUntil, type WorkingHours } from './working-hours.ts';

export interface DeliveryLimits {
  /** Minimum spacing of chat.postMessage calls to one channel (Slack: about 1 s). */
  perChannelMs: number;
  /** chat.postMessage calls a minute across the workspace (Slack: "several hundred"). */
  postsPerMinute: number;
  /**
   * Posts that may go back to back across the workspace after a quiet spell (Slack allows
   * short bursts; the stand-in's default bucket holds 10). 1: strictly spaced.
   */
  workspaceBurst: number;
  /**
   * How late a paced send may wake and still keep its slot, so timer lateness does not
   * accumulate over a long run (send-gate.ts); sends to one channel are never closer
   * than perChannelMs − catchUpMs.
   */
  catchUpMs: number;
  /** Attempts of one call on 5xx / network errors before giving up. */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** 429s one call may wait out before it is recorded as failed. */
  maxRateLimitWaits: number;
  /** Re-posts when a just-uploaded file is not yet usable, and the wait before each. */
  fileReadyRetries: number;
  fileReadyWaitMs: number;
}

export const DEFAULT_LIMITS: DeliveryLimits = {
  perChannelMs: 1000,
  postsPerMinute: 300,
  workspaceBurst: 1,
  catchUpMs: DEFAULT_CATCH_UP_MS,
  maxAttempts: 5,
  backoffBaseMs: 500,
  backoffCapMs: 30_000,
  maxRateLimitWaits: 10,
  fileReadyRetries: 4,
  fileReadyWaitMs: 1000,
};

export type DeliveryLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

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

function checkMessage(message: OutgoingMessage): void {
  const missing = (['job', 'period', 'target', 'text'] as const).filter(
    (field) => typeof message[field] !== 'string' || message[field].trim() === '',
  );
  if (missing.length)
    throw new Error(
      `deliver needs a non-empty ${missing.join(', ')} (message ${JSON.stringify(message.job)})`,
    );
  if (message.kind !== 'post' && message.kind !== 'dm') {
    throw new Error(
      `deliver needs kind 'post' or 'dm' (got ${String(message.kind)} for ${message.target})`,
    );
  }
  if (!Array.isArray(message.blocks))
    throw new Error(`deliver needs blocks as an array (for ${message.target})`);
}

export function createDelivery(deps: DeliveryDeps): Delivery {
  const { client, store, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  if (
    limits.postsPerMinute <= 0 ||
    limits.perChannelMs < 0 ||
    limits.maxAttempts < 1 ||
    !(limits.catchUpMs >= 0) ||
    !Number.isInteger(limits.workspaceBurst) ||
    limits.workspaceBurst < 1
  ) {
    throw new Error(
      'createDelivery needs postsPerMinute > 0, perChannelMs ≥ 0, catchUpMs ≥ 0, an integer workspaceBurst ≥ 1 and maxAttempts ≥ 1',
    );
  }
  const workingHours = deps.workingHours ?? { start: '09:00', end: '17:00' };
  const random = deps.random ?? Math.random;
  const gate = new SendGate(
    clock,
    limits.perChannelMs,
    60_000 / limits.postsPerMinute,
    limits.catchUpMs,
    limits.workspaceBurst,
  );

  /**
   * Runs one call under the retry policy; `postTo` paces it as a chat.postMessage.
   * `beforeRetry` runs after a transient failure, before the call is made again: a result
   * it finds is returned instead (a post Slack stored before the answer was lost).
   */
  async function attempt<T>(
    name: string,
    call: () => Promise<T>,
    postTo?: string,
    beforeRetry?: () => Promise<T | null>,
  ): Promise<T> {
    let failures = 0;
    let waits = 0;
    for (;;) {
      await gate.waitTurn(postTo);
      try {
        return await call();
      } catch (error) {
        const failure = classifySlackError(error);
        if (!failure) throw error;
        if (failure.kind === 'rate_limited') {
          waits += 1;
          if (waits > limits.maxRateLimitWaits) {
            // Still a passing fault: the record stays pending for the next run.
            throw new SlackDeliveryError(
              {
                ...failure,
                detail: `ratelimited (${name}, still limited after ${limits.maxRateLimitWaits} waits)`,
              },
              error,
            );
          }
          logger.warn(
            { method: name, retryAfterMs: failure.retryAfterMs },
            'Slack rate limit: pausing all sends',
          );
          gate.pauseAll(failure.retryAfterMs ?? 1000);
          continue;
        }
        if (failure.kind === 'transient') {
          failures += 1;
          if (failures >= limits.maxAttempts) {
            throw new SlackDeliveryError(
              { ...failure, detail: `${failure.detail} (${name}, ${failures} attempts)` },
              error,
            );
          }
          const delay = backoffDelay(
            failures - 1,
            { baseMs: limits.backoffBaseMs, capMs: limits.backoffCapMs },
            random,
          );
          logger.warn(
            { method: name, error: failure.detail, delay },
            'Slack call failed; backing off',
          );
          await clock.sleep(delay);
          const found = await beforeRetry?.();
          if (found) return found;
          continue;
        }
        throw new SlackDeliveryError(failure, error);
      }
    }
  }
  const step: Step = (name, call) => attempt(name, call);

  async function timeZoneOf(message: OutgoingMessage): Promise<string> {
    if (message.tz) return message.tz;
    const cached = await store.settings.get({ slackUserId: message.target });
    if (cached?.tz) return cached.tz;
    const info = await step('users.info', () => client.users.info({ user: message.target }));
    const tz = info.user?.tz;
    if (!tz) {
      throw new SlackDeliveryError(
        slackFailure('permanent', 'no_time_zone', {
          detail: `users.info gave no tz for ${message.target}`,
        }),
      );
    }
    await store.settings.upsert({
      settings: {
        ...cached,
        slack_user_id: message.target,
        tz,
        updated_at: clock.now().toISOString(),
      },
    });
    return tz;
  }

  /** The later of every reason to wait, or null to send now. */
  async function holdUntil(
    message: OutgoingMessage,
    ledgerNotBefore?: string,
  ): Promise<Date | null> {
    const now = clock.now();
    const reasons: Date[] = [];
    if (message.notBefore && message.notBefore > now) reasons.push(message.notBefore);
    if (ledgerNotBefore && new Date(ledgerNotBefore) > now) reasons.push(new Date(ledgerNotBefore));
    if (message.kind === 'dm') {
      const until = heldUntil({ tz: await timeZoneOf(message), workingHours, now });
      if (until) reasons.push(until);
    }
    if (reasons.length === 0) return null;
    return new Date(Math.max(...reasons.map((d) => d.getTime())));
  }

  /** The channel a message lands in: a DM's is opened (conversations.open) to search it. */
  async function channelOf(message: OutgoingMessage, known?: string): Promise<string> {
    if (known) return known;
    if (message.kind !== 'dm') return message.target;
    const opened = await step('conversations.open', () =>
      client.conversations.open({ users: message.target }),
    );
    return opened.channel?.id ?? message.target;
  }

  /** The earlier post of `key`, searched from `since`, or null. */
  async function findEarlierPost(
    message: OutgoingMessage,
    key: string,
    since: Date,
    known?: string,
  ): Promise<{ channel: string; ts: string } | null> {
    const channel = await channelOf(message, known);
    const found = await findPostedMessage(client, { channel, key, since }, step);
    return found ? { channel, ts: found.ts } : null;
  }

  async function post(
    message: OutgoingMessage,
    key: string,
  ): Promise<{ channel: string; ts: string }> {
    const files = message.files ?? [];
    const ids = new Map<string, string>();
    for (const file of files) ids.set(file.filename, await uploadPrivateFile(client, file, step));
    const blocks = resolveFileRefs(message.blocks, files, (name) => ({
      slack_file: { id: ids.get(name) ?? name },
    }));
    const since = clock.now();
    for (let tries = 0; ; tries += 1) {
      try {
        const result: { channel?: string; ts?: string } = await attempt<{
          channel?: string;
          ts?: string;
        }>(
          'chat.postMessage',
          () =>
            client.chat.postMessage({
              channel: message.target,
              text: message.text,
              blocks,
              metadata: {
                event_type: DELIVERY_EVENT_TYPE,
                event_payload: { delivery_key: key, job: message.job, period: message.period },
              },
            }),
          message.target,
          // A 5xx or a dropped connection can come after Slack stored the post: look
          // before posting again, or the retry would duplicate it. If the lookup itself
          // cannot be made (no history scope, say), the post is retried rather than lost.
          () =>
            findEarlierPost(message, key, since).catch((error: unknown) => {
              if (!(error instanceof SlackDeliveryError)) throw error;
              logger.warn({ key, error: error.message }, 'could not look for an earlier post');
              return null;
            }),
        );
        if (!result.ts || !result.channel) {
          throw new SlackDeliveryError(
            slackFailure('permanent', 'no_ts', { detail: 'chat.postMessage gave no ts' }),
          );
        }
        return { channel: result.channel, ts: result.ts };
      } catch (error) {
        // Slack may briefly refuse a just-uploaded file in an image block.
        if (!(error instanceof SlackDeliveryError) || error.failure.kind !== 'file_not_ready')
          throw error;
        if (tries >= limits.fileReadyRetries)
          throw new SlackDeliveryError({ ...error.failure, kind: 'permanent' }, error.original);
        await clock.sleep(limits.fileReadyWaitMs * (tries + 1));
      }
    }
  }

  async function deliver(message: OutgoingMessage): Promise<DeliveryOutcome> {
    checkMessage(message);
    const key = deliveryKey(message.job, message.period, message.target);
    const base = { key, target: message.target };
    const stamp = () => clock.now().toISOString();
    const { delivery, created } = await store.deliveries.claim({
      delivery: {
        key,
        job: message.job,
        period: message.period,
        target: message.target,
        status: 'pending',
        // Claimed as attempted: a new message then needs one ledger write before its post,
        // not two. A run that dies (or holds it) before posting costs the next run one
        // history lookup that finds nothing — cheaper than a write on every message.
        attempts: 1,
        created_at: stamp(),
        updated_at: stamp(),
      },
    });
    if (!created && delivery.status === 'sent') {
      return { ...base, status: 'skipped', channel: delivery.channel, ts: delivery.ts };
    }
    if (!created && delivery.status === 'failed') {
      return { ...base, status: 'skipped', error: delivery.error };
    }
    try {
      if (!created && delivery.status === 'pending' && delivery.attempts > 0) {
        const found = await findEarlierPost(
          message,
          key,
          new Date(delivery.created_at),
          delivery.channel,
        );
        if (found) {
          const { channel } = found;
          await store.deliveries.update({
            key,
            set: { status: 'sent', channel, ts: found.ts, updated_at: stamp() },
          });
          logger.info({ key, ts: found.ts }, 'found an earlier post of this message; marked sent');
          return { ...base, status: 'reconciled', channel, ts: found.ts };
        }
      }
      const hold = await holdUntil(message, delivery.not_before);
      if (hold) {
        const notBefore = hold.toISOString();
        await store.deliveries.update({
          key,
          set: { status: 'held', not_before: notBefore, updated_at: stamp() },
        });
        return { ...base, status: 'held', notBefore };
      }
      // Counted before posting: a record pending with attempts > 0 may have been posted.
      // (A record this run created is already counted by its claim.)
      if (!created) {
        await store.deliveries.update({
          key,
          set: { status: 'pending', attempts: delivery.attempts + 1, updated_at: stamp() },
        });
      }
      const posted = await post(message, key);
      await store.deliveries.update({
        key,
        set: { status: 'sent', channel: posted.channel, ts: posted.ts, updated_at: stamp() },
      });
      return { ...base, status: 'sent', ...posted };
    } catch (error) {
      if (!(error instanceof SlackDeliveryError)) throw error;
      // Nothing lost: a message that ran out of retries on a passing fault (5xx, network,
      // rate limit) stays pending, so the next run tries it again (after reconciling, in
      // case it did go out); only a permanent error is final.
      const { kind } = error.failure;
      const status = kind === 'transient' || kind === 'rate_limited' ? 'pending' : 'failed';
      await store.deliveries.update({
        key,
        set: { status, error: error.message, updated_at: stamp() },
      });
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
