/**
 * The one global error handler: whatever a listener throws is logged with its context
 * (who, what, which Slack error) and, where the request carried a response_url, the
 * person gets a clear sentence instead of silence. It never throws, so nothing crashes.
 */

import { classifySlackError } from './classify-slack-error.ts';
import type { SlackDeps } from './deps.ts';
import { userMessageFor } from './error-message.ts';

type Body = {
  type?: string;
  command?: string;
  text?: string;
  user_id?: string;
  user?: { id?: string };
  event?: { type?: string; user?: string };
  channel_id?: string;
  channel?: { id?: string };
  response_url?: string;
  actions?: { action_id?: string }[];
};

export function createErrorHandler(deps: Pick<SlackDeps, 'logger'>, post: typeof fetch = fetch) {
  return async ({ error, body }: { error: Error; body?: unknown }): Promise<void> => {
    try {
      const original = (error as { original?: unknown }).original ?? error;
      const b = (body ?? {}) as Body;
      const channel = b.channel_id ?? b.channel?.id;
      const failure = classifySlackError(original);
      deps.logger.error(
        {
          err: original,
          slackError: failure?.code ?? null,
          needed: failure?.needed,
          user: b.user_id ?? b.user?.id ?? b.event?.user,
          kind: b.command ?? b.type,
          action: b.actions?.[0]?.action_id,
          event: b.event?.type,
          channel,
        },
        'Slack listener failed',
      );
      if (!b.response_url) return;
      await post(b.response_url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          response_type: 'ephemeral',
          replace_original: false,
          text: userMessageFor(original, { ...(channel ? { channel } : {}) }),
        }),
        signal: AbortSignal.timeout(5000),
      });
    } catch (secondary) {
      deps.logger.error({ err: secondary }, 'error handler could not tell the user');
    }
  };
}
