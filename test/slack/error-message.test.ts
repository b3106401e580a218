import { ErrorCode } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { NotFoundError, SlackDeliveryError } from '../../src/errors.ts';
import { slackFailure } from '../../src/slack/classify-slack-error.ts';
import { messageForFailure, userMessageFor } from '../../src/slack/error-message.ts';

// Shaped like @slack/web-api's errors: platform errors carry data.error.
const platform = (error: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`An API error occurred: ${error}`), {
    code: ErrorCode.PlatformError,
    data: { ok: false, error, ...extra },
  });

describe('userMessageFor', () => {
  it.each([
    ['not_in_channel', 'I’m not in <#C0X>. Invite me with `/invite @teamhealth` and try again.'],
    ['channel_not_found', 'I can’t find that channel (or can’t message that person).'],
    ['is_archived', 'That channel is archived.'],
    ['account_inactive', 'That Slack account is deactivated.'],
    ['ratelimited', 'Slack asked me to slow down. Please try again in a minute.'],
    [
      'invalid_auth',
      'teamhealth can’t reach Slack right now (its token is not valid). An admin has been told.',
    ],
    ['invalid_blocks', 'Slack refused that message’s layout. It has been logged.'],
  ])('explains %s', (code, expected) => {
    expect(userMessageFor(platform(code), { channel: 'C0X' })).toBe(expected);
  });

  it('names the missing scope', () => {
    expect(userMessageFor(platform('missing_scope', { needed: 'chat:write.public' }))).toBe(
      'teamhealth lacks a Slack permission (chat:write.public). An admin needs to reinstall the app.',
    );
  });

  it('explains a 429 thrown by the client as ratelimited', () => {
    const limited = Object.assign(new Error('rate limited'), {
      code: ErrorCode.RateLimitedError,
      retryAfter: 30,
    });
    expect(userMessageFor(limited)).toBe(
      'Slack asked me to slow down. Please try again in a minute.',
    );
  });

  it('explains a delivery failure from its classification, not by parsing its text', () => {
    const archived = slackFailure('permanent', 'is_archived', { detail: 'something else' });
    expect(messageForFailure(archived)).toBe('That channel is archived.');
    expect(userMessageFor(new SlackDeliveryError(archived))).toBe('That channel is archived.');
    // A bare string is not an error from Slack: no guessing from its first word.
    expect(userMessageFor('is_archived')).toBe(
      'Something went wrong on my side; it has been logged. Please try again in a minute.',
    );
  });

  it('escapes what Slack sent before it goes into mrkdwn', () => {
    expect(userMessageFor(platform('missing_scope', { needed: '<!channel>' }))).toBe(
      'teamhealth lacks a Slack permission (&lt;!channel&gt;). An admin needs to reinstall the app.',
    );
  });

  it('says only "logged, try again" for anything else, never the internals', () => {
    expect(userMessageFor(new TypeError('cannot read x of undefined at /srv/app.ts:12'))).toBe(
      'Something went wrong on my side; it has been logged. Please try again in a minute.',
    );
  });

  it('passes a not-found message through', () => {
    expect(userMessageFor(new NotFoundError('no team T9'))).toBe(
      'I couldn’t find that: no team T9',
    );
  });
});
