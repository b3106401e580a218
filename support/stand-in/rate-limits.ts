/**
 * Slack-like rate limiting for the stand-in: token buckets per (method tier, workspace)
 * and, for chat.postMessage, per channel. A bucket holds `burst` tokens and refills at
 * `perMinute / 60` a second; a call takes one token or is refused with the seconds until
 * one is available (rounded up, at least 1, as Slack's `Retry-After` is whole seconds).
 */

export interface RateLimitOptions {
  /** chat.postMessage per channel, per second (Slack: about 1). */
  postMessagePerChannelPerSecond?: number;
  /** chat.postMessage per workspace, per minute (Slack: "several hundred"). */
  postMessagePerWorkspacePerMinute?: number;
  /** Burst a workspace bucket allows above its steady rate. */
  workspaceBurst?: number;
  /**
   * Slack measures intervals on its side, so a call that arrives a few milliseconds early
   * after network jitter is not refused. Tokens within this many ms of refill count.
   */
  toleranceMs?: number;
  /** Tier of other methods; calls per minute per tier (Slack: 1, 20, 50, 100). */
  tiers?: Partial<Record<1 | 2 | 3 | 4, number>>;
}

/** Slack's published tiers for the methods the stand-in knows. */
export const METHOD_TIERS: Record<string, 1 | 2 | 3 | 4> = {
  'auth.test': 4,
  'chat.postEphemeral': 4,
  'chat.update': 3,
  'chat.delete': 3,
  'conversations.open': 3,
  'conversations.history': 3,
  'users.info': 4,
  'views.open': 4,
  'views.update': 4,
  'views.publish': 4,
  'files.getUploadURLExternal': 4,
  'files.completeUploadExternal': 4,
  'files.info': 4,
};

const DEFAULT_TIERS = { 1: 1, 2: 20, 3: 50, 4: 100 } as const;

class Bucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }
  /** Takes a token and returns 0, or returns the ms until one is available. */
  take(now: number, toleranceMs: number): number {
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.perMs);
    this.last = now;
    if (this.tokens >= 1 - toleranceMs * this.perMs) {
      this.tokens -= 1;
      return 0;
    }
    return (1 - this.tokens) / this.perMs;
  }
  /** Gives back a token taken by a call that another bucket then refused. */
  refund(): void {
    this.tokens = Math.min(this.capacity, this.tokens + 1);
  }
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  constructor(private readonly options: RateLimitOptions) {}

  private bucket(key: string, capacity: number, perMinute: number, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new Bucket(capacity, perMinute / 60_000, now);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  /** 0 when the call may proceed, else the whole seconds to put in `Retry-After`. */
  check(method: string, channel: string | undefined, now: number): number {
    const tolerance = this.options.toleranceMs ?? 50;
    const toSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
    if (method === 'chat.postMessage') {
      const perChannel = (this.options.postMessagePerChannelPerSecond ?? 1) * 60;
      const perWorkspace = this.options.postMessagePerWorkspacePerMinute ?? 600;
      const burst = this.options.workspaceBurst ?? 10;
      const ch = this.bucket(`post:${channel ?? '?'}`, 1, perChannel, now);
      const chWait = ch.take(now, tolerance);
      if (chWait > 0) return toSeconds(chWait);
      const ws = this.bucket('post:workspace', burst, perWorkspace, now);
      const wsWait = ws.take(now, tolerance);
      if (wsWait > 0) {
        ch.refund();
        return toSeconds(wsWait);
      }
      return 0;
    }
    const tier = METHOD_TIERS[method];
    if (tier === undefined) return 0;
    const perMinute = this.options.tiers?.[tier] ?? DEFAULT_TIERS[tier];
    const wait = this.bucket(
      `tier:${method}`,
      Math.max(1, Math.ceil(perMinute / 6)),
      perMinute,
      now,
    ).take(now, tolerance);
    return wait > 0 ? toSeconds(wait) : 0;
  }
}
