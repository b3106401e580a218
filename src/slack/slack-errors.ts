/**
 * Turns what a Slack call (or our own code) threw into a sentence for the person who
 * asked, through the catalogue. Slack's documented errors get their own advice; anything
 * else gets the generic "logged, try again" (the details go to the log, not the user).
 */
import { ErrorCode as SlackErrorCode } from '@slack/web-api';
import { ErrorCode, type TeamhealthError } from '../errors.ts';
import { t } from '../messages/t.ts';

const HANDLED = [
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'account_inactive',
  'ratelimited',
  'invalid_auth',
  'missing_scope',
  'invalid_blocks',
] as const;
type Handled = (typeof HANDLED)[number];

/** Slack's error code from a Web API error (platform error or rate limit), or null. */
export function slackErrorCode(error: unknown): string | null {
  const e = error as { code?: string; data?: { error?: string } } | null;
  if (!e || typeof e !== 'object') return null;
  if (e.code === SlackErrorCode.RateLimitedError) return 'ratelimited';
  if (e.code === SlackErrorCode.PlatformError) return e.data?.error ?? null;
  return null;
}

/** The user-facing sentence for an error; `channel` fills "invite me to #…". */
export function userMessageFor(error: unknown, extra: { channel?: string } = {}): string {
  const code =
    slackErrorCode(error) ?? (typeof error === 'string' ? error.split(/[\s:(]/)[0] : null);
  if (code && (HANDLED as readonly string[]).includes(code)) {
    const key = code as Handled;
    if (key === 'not_in_channel')
      return t('error.not_in_channel', { channel: extra.channel ?? '' });
    if (key === 'missing_scope') {
      const needed = (error as { data?: { needed?: string } })?.data?.needed ?? 'unknown';
      return t('error.missing_scope', { needed });
    }
    return t(`error.${key}`);
  }
  const own = error as Partial<TeamhealthError> | null;
  if (own?.code === ErrorCode.NotFoundError)
    return t('error.not_found', { detail: String(own.message) });
  return t('error.generic');
}
