/**
 * The inbox as the app runs it (TEAMHEALTH_INBOX in `serve`, or `teamhealth import
 * --watch <dir>`): the shipped profiles chosen by file name, a scan every
 * TEAMHEALTH_INBOX_SCAN_SECONDS, and each summary logged and, with
 * TEAMHEALTH_OPS_CHANNEL set, posted there through the delivery engine.
 */
import type { Config } from '../config.ts';
import {
  createInbox,
  inboxSummaryBlocks,
  inboxSummaryText,
  type RunningInbox,
  startInbox,
} from '../ingest/inbox/index.ts';
import { loadShippedProfiles } from '../ingest/profiles/load-profile.ts';
import type { Logger } from '../log.ts';
import type { Delivery } from '../slack/delivery/index.ts';
import type { Store } from '../store/types.ts';

export async function startConfiguredInbox(args: {
  dir: string;
  config: Config;
  store: Store;
  logger: Logger;
  /** The process's delivery engine; without it (or without an ops channel) summaries are only logged. */
  delivery?: Delivery;
}): Promise<RunningInbox> {
  const { dir, config, store, logger, delivery } = args;
  const inbox = createInbox({ dir, store, log: logger, profiles: await loadShippedProfiles() });
  const channel = config.opsChannel;
  let posted = 0;
  const post =
    channel && delivery
      ? async (summary: Parameters<typeof inboxSummaryBlocks>[0]) => {
          posted += 1;
          const outcome = await delivery.deliver({
            job: 'inbox',
            // One message per scan: the scan's instant (and a counter, for two in a millisecond).
            period: `${summary.at}#${posted}`,
            target: channel,
            kind: 'post',
            text: inboxSummaryText(summary),
            blocks: inboxSummaryBlocks(summary),
          });
          if (outcome.status === 'failed') {
            logger.warn({ channel, error: outcome.error }, 'inbox: summary not posted');
          }
        }
      : undefined;
  const intervalMs = config.inboxScanSeconds * 1000;
  logger.info({ dir, scanSeconds: intervalMs / 1000, opsChannel: channel }, 'inbox: watching');
  return startInbox({ inbox, intervalMs, log: logger, ...(post ? { post } : {}) });
}
