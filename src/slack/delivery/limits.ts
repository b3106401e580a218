/**
 * The engine's pace and patience in one place: Slack's rate limits (SLACK-NOTES.md,
 * "Rate limits"), how often a failed call is retried, and how long a just-uploaded file
 * is waited for. `resolveLimits` fills the defaults and refuses settings that cannot work.
 */
import { DEFAULT_CATCH_UP_MS } from './send-gate.ts';

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
  /**
   * How long a process's claim on a ledger record keeps other processes off it
   * (ledger.ts). A process that crashed mid-delivery leaves its claim behind: the record
   * can be taken over once this has passed.
   */
  claimTtlMs: number;
  /**
   * The engine posts only while at least this much of its claim is left (and renews the
   * claim once half of it is gone), so a slow call or clocks a little apart never let
   * two processes post the same message.
   */
  claimMarginMs: number;
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
  claimTtlMs: 5 * 60_000,
  claimMarginMs: 60_000,
};

/**
 * The defaults overridden by `overrides`.
 * @throws Error naming what the limits need when they cannot pace or retry anything.
 */
export function resolveLimits(overrides: Partial<DeliveryLimits> = {}): DeliveryLimits {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  if (
    !(limits.postsPerMinute > 0) ||
    !(limits.perChannelMs >= 0) ||
    !(limits.maxAttempts >= 1) ||
    !(limits.catchUpMs >= 0) ||
    !Number.isInteger(limits.workspaceBurst) ||
    limits.workspaceBurst < 1 ||
    !(limits.claimMarginMs >= 0) ||
    !(limits.claimTtlMs > 2 * limits.claimMarginMs)
  ) {
    throw new Error(
      'createDelivery needs postsPerMinute > 0, perChannelMs ≥ 0, catchUpMs ≥ 0, an integer workspaceBurst ≥ 1, maxAttempts ≥ 1, claimMarginMs ≥ 0 and claimTtlMs > 2 × claimMarginMs',
    );
  }
  return limits;
}
