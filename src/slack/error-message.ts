/**
 * Turns what a Slack call (or our own code) threw into a sentence for the person who
 * asked, through the catalogue: Slack's documented errors get their own advice (the
 * classifier's `messageKey`); anything else gets the generic "logged, try again" (the
 * details go to the log, not the user). Values from Slack are escaped for mrkdwn.
 */
import { ErrorCode, type SlackFailure } from '../errors.ts';
import { escapeMrkdwn } from '../messages/mrkdwn.ts';
import { t } from '../messages/t.ts';
import { classifySlackError } from './classify-slack-error.ts';

/** The sentence for a classified Slack failure; `channel` fills "invite me to #…". */
export function messageForFailure(failure: SlackFailure, extra: { channel?: string } = {}): string {
  switch (failure.messageKey) {
    case 'error.not_in_channel':
      return t('error.not_in_channel', { channel: escapeMrkdwn(extra.channel ?? '') });
    case 'error.missing_scope':
      return t('error.missing_scope', { needed: escapeMrkdwn(failure.needed ?? 'unknown') });
    default:
      return t(failure.messageKey);
  }
}

/** The user-facing sentence for anything thrown; `channel` fills "invite me to #…". */
export function userMessageFor(error: unknown, extra: { channel?: string } = {}): string {
  const failure = classifySlackError(error);
  if (failure) return messageForFailure(failure, extra);
  const own = error as { code?: unknown; message?: unknown } | null;
  if (own?.code === ErrorCode.NotFoundError)
    return t('error.not_found', { detail: escapeMrkdwn(String(own.message)) });
  return t('error.generic');
}
