/**
 * Finds a message an earlier, crashed run already posted. Every post carries
 * `metadata.event_payload.delivery_key`; a ledger record left `pending` after a post
 * attempt is looked up in conversations.history (with `include_all_metadata`) before
 * posting again, so a crash between posting and updating the ledger never duplicates;
 * the same lookup follows a 5xx or a dropped connection on chat.postMessage, which can
 * come after Slack stored the post.
 */
import type { WebClient } from '@slack/web-api';
import type { Step } from './retry-policy.ts';
import type { OutgoingMessage } from './types.ts';

export const DELIVERY_EVENT_TYPE = 'teamhealth_delivery';

/** How far back of the ledger record's creation to search, for clock skew. */
const SKEW_SECONDS = 300;
const MAX_PAGES = 10;

export async function findPostedMessage(
  client: WebClient,
  args: { channel: string; key: string; since: Date },
  step: Step,
): Promise<{ ts: string } | null> {
  const oldest = String(Math.floor(args.since.getTime() / 1000) - SKEW_SECONDS);
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await step('conversations.history', () =>
      client.conversations.history({
        channel: args.channel,
        oldest,
        limit: 200,
        include_all_metadata: true,
        ...(cursor ? { cursor } : {}),
      }),
    );
    for (const message of result.messages ?? []) {
      const payload = message.metadata?.event_payload as Record<string, unknown> | undefined;
      if (
        message.metadata?.event_type === DELIVERY_EVENT_TYPE &&
        payload?.delivery_key === args.key
      ) {
        return message.ts ? { ts: message.ts } : null;
      }
    }
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!result.has_more || !cursor) return null;
  }
  return null;
}

export interface Reconciler {
  /**
   * The earlier post of `key` for `message`, searched from `since` in `channel` (a DM's
   * channel is opened with conversations.open when not known), or null.
   */
  findEarlierPost(
    message: OutgoingMessage,
    key: string,
    since: Date,
    channel?: string,
  ): Promise<{ channel: string; ts: string } | null>;
}

export function createReconciler(deps: { client: WebClient; step: Step }): Reconciler {
  const { client, step } = deps;

  /** The channel a message lands in: a DM's is opened (conversations.open) to search it. */
  async function channelOf(message: OutgoingMessage, known?: string): Promise<string> {
    if (known) return known;
    if (message.kind !== 'dm') return message.target;
    const opened = await step('conversations.open', () =>
      client.conversations.open({ users: message.target }),
    );
    return opened.channel?.id ?? message.target;
  }

  return {
    async findEarlierPost(message, key, since, known) {
      const channel = await channelOf(message, known);
      const found = await findPostedMessage(client, { channel, key, since }, step);
      return found ? { channel, ts: found.ts } : null;
    },
  };
}
