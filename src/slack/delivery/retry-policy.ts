/**
 * How the engine retries one Slack call (SLACK-NOTES.md, "Calls to Slack"), decided by
 * the one classifier: a 429 pauses every send for its Retry-After and tries again (at
 * most `maxRateLimitWaits` times); a 5xx, a dropped connection or Slack's own transient
 * error backs off with full jitter (backoff.ts) for at most `maxAttempts` attempts; a
 * permanent error is thrown at once. Every failure leaves as a SlackDeliveryError
 * carrying its classification; anything not from Slack (a bug, the store) propagates
 * untouched.
 */
import { SlackDeliveryError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import { classifySlackError } from '../classify-slack-error.ts';
import { backoffDelay } from './backoff.ts';
import type { DeliveryLimits } from './limits.ts';
import type { SendGate } from './send-gate.ts';
import type { Clock } from './types.ts';

/** Runs one Web API step under the engine's retry policy. */
export type Step = <T>(name: string, call: () => Promise<T>) => Promise<T>;

export type DeliveryLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

export interface AttemptOptions<T> {
  /** Paces the call as a chat.postMessage to this channel. */
  postTo?: string;
  /**
   * Runs after a transient failure, before the call is made again: a result it finds is
   * returned instead (a post Slack stored before its answer was lost).
   */
  beforeRetry?: () => Promise<T | null>;
  /** Runs right before every try, after pacing (e.g. to check the ledger claim still holds). */
  beforeCall?: () => Promise<void>;
}

export interface RetryPolicy {
  attempt<T>(name: string, call: () => Promise<T>, options?: AttemptOptions<T>): Promise<T>;
  /** `attempt` without options, for steps that are not posts. */
  step: Step;
}

export function createRetryPolicy(deps: {
  gate: SendGate;
  clock: Clock;
  limits: Pick<
    DeliveryLimits,
    'maxAttempts' | 'backoffBaseMs' | 'backoffCapMs' | 'maxRateLimitWaits'
  >;
  logger: DeliveryLogger;
  random?: () => number;
}): RetryPolicy {
  const { gate, clock, limits, logger } = deps;
  const random = deps.random ?? Math.random;

  async function attempt<T>(
    name: string,
    call: () => Promise<T>,
    options: AttemptOptions<T> = {},
  ): Promise<T> {
    let failures = 0;
    let waits = 0;
    for (;;) {
      await gate.waitTurn(options.postTo);
      await options.beforeCall?.();
      try {
        return await call();
      } catch (error) {
        const failure = classifySlackError(error);
        if (!failure) throw error;
        if (failure.kind === 'rate_limited') {
          waits += 1;
          if (waits > limits.maxRateLimitWaits) {
            // Still a passing fault: the record stays pending for the next run.
            const detail = `ratelimited (${name}, still limited after ${limits.maxRateLimitWaits} waits)`;
            throw new SlackDeliveryError({ ...failure, detail }, error);
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
            const detail = `${failure.detail} (${name}, ${failures} attempts)`;
            throw new SlackDeliveryError({ ...failure, detail }, error);
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
          const found = await options.beforeRetry?.();
          if (found) return found;
          continue;
        }
        throw error instanceof SlackDeliveryError ? error : new SlackDeliveryError(failure, error);
      }
    }
  }

  return { attempt, step: (name, call) => attempt(name, call) };
}
