/**
 * Posts one message: its files uploaded privately first (files.uploadV2 flow, upload.ts)
 * and shown through `slack_file` image blocks, then chat.postMessage carrying the
 * delivery key in its metadata (reconcile.ts finds it by that key). Every call runs under
 * the retry policy; after a 5xx or a dropped connection the post is looked up before it
 * is tried again, and a just-uploaded file that Slack briefly calls "invalid slack file"
 * is waited for a few times before the message is given up.
 */
import type { WebClient } from '@slack/web-api';
import { SlackDeliveryError } from '../../errors.ts';
import { slackFailure } from '../classify-slack-error.ts';
import { resolveFileRefs } from './file-refs.ts';
import type { DeliveryLimits } from './limits.ts';
import { DELIVERY_EVENT_TYPE, type Reconciler } from './reconcile.ts';
import type { DeliveryLogger, RetryPolicy } from './retry-policy.ts';
import type { Clock, OutgoingMessage } from './types.ts';
import { uploadPrivateFile } from './upload.ts';

export interface Poster {
  /**
   * Uploads the message's files and posts it under `key`.
   * @param beforeCall runs right before each chat.postMessage try (after pacing).
   * @throws SlackDeliveryError when Slack refused it or a passing fault outlasted the retries.
   */
  post(
    message: OutgoingMessage,
    key: string,
    beforeCall?: () => Promise<void>,
  ): Promise<{ channel: string; ts: string }>;
}

export function createPoster(deps: {
  client: WebClient;
  clock: Clock;
  retry: RetryPolicy;
  reconciler: Reconciler;
  logger: DeliveryLogger;
  limits: Pick<DeliveryLimits, 'fileReadyRetries' | 'fileReadyWaitMs'>;
}): Poster {
  const { client, clock, retry, reconciler, logger, limits } = deps;

  async function postOnce(
    message: OutgoingMessage,
    key: string,
    blocks: ReturnType<typeof resolveFileRefs>,
    since: Date,
    beforeCall?: () => Promise<void>,
  ): Promise<{ channel: string; ts: string }> {
    const result: { channel?: string; ts?: string } = await retry.attempt<{
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
      {
        postTo: message.target,
        // A 5xx or a dropped connection can come after Slack stored the post: look
        // before posting again, or the retry would duplicate it. If the lookup itself
        // cannot be made (no history scope, say), the post is retried rather than lost.
        beforeRetry: () =>
          reconciler.findEarlierPost(message, key, since).catch((error: unknown) => {
            if (!(error instanceof SlackDeliveryError)) throw error;
            logger.warn({ key, error: error.message }, 'could not look for an earlier post');
            return null;
          }),
        ...(beforeCall ? { beforeCall } : {}),
      },
    );
    if (!result.ts || !result.channel) {
      throw new SlackDeliveryError(
        slackFailure('permanent', 'no_ts', { detail: 'chat.postMessage gave no ts' }),
      );
    }
    return { channel: result.channel, ts: result.ts };
  }

  return {
    async post(message, key, beforeCall) {
      const files = message.files ?? [];
      const ids = new Map<string, string>();
      for (const file of files)
        ids.set(file.filename, await uploadPrivateFile(client, file, retry.step));
      const blocks = resolveFileRefs(message.blocks, files, (name) => ({
        slack_file: { id: ids.get(name) ?? name },
      }));
      const since = clock.now();
      for (let tries = 0; ; tries += 1) {
        try {
          return await postOnce(message, key, blocks, since, beforeCall);
        } catch (error) {
          // Slack may briefly refuse a just-uploaded file in an image block.
          if (!(error instanceof SlackDeliveryError) || error.failure.kind !== 'file_not_ready')
            throw error;
          if (tries >= limits.fileReadyRetries)
            throw new SlackDeliveryError({ ...error.failure, kind: 'permanent' }, error.original);
          await clock.sleep(limits.fileReadyWaitMs * (tries + 1));
        }
      }
    },
  };
}
