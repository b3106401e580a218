/**
 * Paces calls to Slack the way Slack asks (SLACK-NOTES.md, "Rate limits"):
 * chat.postMessage at most one per `perChannelMs` per channel and one per
 * `workspaceIntervalMs` across the workspace, and after a 429 every call waits out
 * `Retry-After` ("pause all sends"), not just the one refused.
 *
 * A turn is reserved synchronously after the wait, so concurrent senders to one channel
 * queue up one interval apart rather than racing.
 *
 * Slots are kept on a schedule, not measured from when a sender woke: a timer that fires
 * a little late (up to `catchUpMs`) does not push every later slot back, so a long run
 * paces at the full allowed rate instead of drifting below it (at one post per 100 ms, a
 * timer 1–2 ms late each time would otherwise cost 1–2 % of the run, and more under load).
 * Two sends to one key are therefore never closer than `interval − catchUpMs`, which
 * Slack, measuring arrivals, tolerates; after an idle spell (or a pause) the schedule
 * restarts from now, so nothing is ever sent early to make up for time not used.
 *
 * The workspace rate may allow a burst (`workspaceBurst`, Slack's "short bursts", a
 * generic cell-rate algorithm): after a quiet spell — or a stall of this process — up to
 * that many posts may go back to back before the pacing resumes, so a stall does not cost
 * its length in full. With the default burst of 1 the spacing is strict.
 */
import type { DeliveryLimits } from './limits.ts';
import type { Clock } from './types.ts';

/** Default lateness a slot absorbs: the 50 ms early that Slack's (and the stand-in's) arrival measurement tolerates. */
export const DEFAULT_CATCH_UP_MS = 50;

export class SendGate {
  private pausedUntil = 0;
  /** The next slot of each channel and of the workspace (ms since the epoch). */
  private readonly nextByChannel = new Map<string, number>();
  private nextWorkspace = 0;

  constructor(
    private readonly clock: Clock,
    private readonly perChannelMs: number,
    private readonly workspaceIntervalMs: number,
    private readonly catchUpMs: number = DEFAULT_CATCH_UP_MS,
    private readonly workspaceBurst: number = 1,
  ) {
    if (!(catchUpMs >= 0)) throw new Error(`SendGate needs catchUpMs ≥ 0 (got ${catchUpMs})`);
    if (!Number.isInteger(workspaceBurst) || workspaceBurst < 1)
      throw new Error(`SendGate needs workspaceBurst as an integer ≥ 1 (got ${workspaceBurst})`);
  }

  /** The gate for the engine's limits: `postsPerMinute` becomes the workspace interval. */
  static fromLimits(
    clock: Clock,
    limits: Pick<
      DeliveryLimits,
      'perChannelMs' | 'postsPerMinute' | 'catchUpMs' | 'workspaceBurst'
    >,
  ): SendGate {
    return new SendGate(
      clock,
      limits.perChannelMs,
      60_000 / limits.postsPerMinute,
      limits.catchUpMs,
      limits.workspaceBurst,
    );
  }

  /**
   * The slot a send at `now` takes: the scheduled one when `now` is on it or only a little
   * past it, else `now` itself.
   * @example slotFor(1000, 1012) // 1000 with catchUpMs 50: 12 ms late, within the catch-up; next = 1000 + interval
   */
  private slotFor(scheduled: number, now: number): number {
    return now - scheduled <= this.catchUpMs ? scheduled : now;
  }

  /** Waits until a call may go; `postTo` marks a chat.postMessage to that channel. */
  async waitTurn(postTo?: string): Promise<void> {
    for (;;) {
      const now = this.clock.now().getTime();
      let at = this.pausedUntil;
      if (postTo !== undefined) {
        // A burst of b lets a post go up to b − 1 intervals ahead of the workspace schedule.
        const early = (this.workspaceBurst - 1) * this.workspaceIntervalMs;
        at = Math.max(at, this.nextByChannel.get(postTo) ?? 0, this.nextWorkspace - early);
      }
      if (at <= now) {
        if (postTo !== undefined) {
          const channelSlot = this.slotFor(this.nextByChannel.get(postTo) ?? 0, now);
          this.nextByChannel.set(
            postTo,
            Math.max(channelSlot, this.pausedUntil) + this.perChannelMs,
          );
          const workspaceSlot = this.slotFor(this.nextWorkspace, now);
          this.nextWorkspace = Math.max(workspaceSlot, this.pausedUntil) + this.workspaceIntervalMs;
        }
        return;
      }
      await this.clock.sleep(at - now);
    }
  }

  /** Holds every call until `ms` from now (a 429's Retry-After). */
  pauseAll(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now().getTime() + ms);
  }
}
