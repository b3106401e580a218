/**
 * A WebClient that leaves retry policy to the delivery engine: no retries of its own and
 * 429s thrown (`WebAPIRateLimitedError`) instead of silently pausing its queue, so the
 * engine can pause every send, count waits and record failures.
 */
import { LogLevel, type Logger as SlackLogger, WebClient } from '@slack/web-api';

export function createSlackClient(args: {
  token: string;
  apiUrl?: string;
  logger?: SlackLogger;
}): WebClient {
  if (!args.token) throw new Error('createSlackClient needs the bot token (SLACK_BOT_TOKEN)');
  return new WebClient(args.token, {
    ...(args.apiUrl ? { slackApiUrl: args.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    ...(args.logger ? { logger: args.logger } : { logLevel: LogLevel.ERROR }),
  });
}
