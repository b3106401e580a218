/**
 * Runs the inbox on a schedule: a scan now, then one `intervalMs` after each scan ends
 * (scans never overlap, however long an import takes). A scan that throws (the store
 * is down) is logged and the next one tries again; a summary that cannot be posted is
 * logged and the inbox goes on.
 */
import type { Inbox, InboxLog, InboxSummary } from './inbox.ts';

export interface RunningInbox {
  /** Waits for a scan under way, then stops. */
  stop(): Promise<void>;
}

export function startInbox(args: {
  inbox: Inbox;
  intervalMs: number;
  log: InboxLog;
  /** Posts a summary (to the ops channel, through the delivery engine). */
  post?: (summary: InboxSummary) => Promise<void>;
}): RunningInbox {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      const summary = await args.inbox.scan();
      if (summary && args.post) {
        await args.post(summary).catch((error: unknown) => {
          args.log.error({ err: error }, 'inbox: could not post the summary');
        });
      }
    } catch (error) {
      args.log.error({ err: error }, 'inbox: scan failed; trying again at the next scan');
    }
  };
  const loop = () => {
    if (stopped) return;
    running = tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, args.intervalMs);
    });
  };
  loop();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
