/**
 * Paces calls to Slack the way Slack asks (SLACK-NOTES.md, "Rate limits"):
 * chat.postMessage at most one per `perChannelMs` per channel and one per
 * `workspaceIntervalMs` across the workspace, and after a 429 every call waits out
 * `Retry-After` ("pause all sends"), not just the one refused.
 *
 * A turn is reserved synchronously after the wait, so concurrent senders to one channel
 * queue up one interval apart rather than racing.
 */
import type { Clock } from './types.ts';

export class SendGate {
  private pausedUntil = 0;
  private readonly nextByChannel = new Map<string, number>();
  private nextWorkspace = 0;

  constructor(
    private readonly clock: Clock,
    private readonly perChannelMs: number,
    private readonly workspaceIntervalMs: number,
  ) {}

  /** Waits until a call may go; `postTo` marks a chat.postMessage to that channel. */
  async waitTurn(postTo?: string): Promise<void> {
    for (;;) {
      const now = this.clock.now().getTime();
      let at = this.pausedUntil;
      if (postTo !== undefined) {
        at = Math.max(at, this.nextByChannel.get(postTo) ?? 0, this.nextWorkspace);
      }
      if (at <= now) {
        if (postTo !== undefined) {
          this.nextByChannel.set(postTo, now + this.perChannelMs);
          this.nextWorkspace = now + this.workspaceIntervalMs;
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
