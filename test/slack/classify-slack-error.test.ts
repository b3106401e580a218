/**
 * One classifier for every error a Slack call can throw. Each error here is thrown by the
 * real @slack/web-api WebClient against the Slack stand-in: where the stand-in's state
 * gives the error naturally (a channel the bot is not in, an archived channel, a
 * deactivated user, 51 blocks …) the call is made for real; the rest (Slack's own
 * transient errors, revoked tokens) are injected as the answer Slack documents.
 */
import type { WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SlackDeliveryError } from '../../src/errors.ts';
import { classifySlackError, slackFailure } from '../../src/slack/classify-slack-error.ts';
import { createSlackClient } from '../../src/slack/delivery/slack-client.ts';
import { quietSlackLogger } from '../../support/quiet-logger.ts';
import { type SlackStandIn, startStandIn } from '../../support/slack-stand-in.ts';

let slack: SlackStandIn;
let client: WebClient;

beforeAll(async () => {
  slack = await startStandIn();
  slack
    .addChannel({ id: 'C1', name: 'team-a' })
    .addChannel({ id: 'COUT', name: 'bot-not-invited', members: ['U1'] })
    .addChannel({ id: 'CARCH', name: 'archived', is_archived: true })
    .addUser({ id: 'UGONE', tz: 'Europe/London', deleted: true });
  client = clientFor(slack.token);
});
afterEach(() => {
  slack.clearFailures();
});
afterAll(async () => {
  await slack.stop();
});

function clientFor(token: string, apiUrl = slack.apiUrl): WebClient {
  return createSlackClient({ token, apiUrl, logger: quietSlackLogger });
}

/** What `call` threw; fails the test when it did not throw. */
async function thrown(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the Slack call to fail');
}

const post = (channel: string, extra: Record<string, unknown> = {}) =>
  thrown(() => client.chat.postMessage({ channel, text: 'hi', ...extra } as never));

/** The next chat.postMessage answered with Slack error `code`. */
const injected = (code: string, extra: Record<string, unknown> = {}) => {
  slack.failNext('chat.postMessage', { kind: 'error', error: code, extra });
  return post('C1');
};

describe('permanent errors (retrying cannot fix them)', () => {
  it.each([
    ['not_in_channel', () => post('COUT'), 'error.not_in_channel'],
    ['channel_not_found', () => post('CNOPE'), 'error.channel_not_found'],
    ['is_archived', () => post('CARCH'), 'error.is_archived'],
    ['account_inactive', () => post('UGONE'), 'error.account_inactive'],
    [
      'user_not_found',
      () => thrown(() => client.users.info({ user: 'UNOBODY' })),
      'error.channel_not_found',
    ],
    ['users_not_found', () => injected('users_not_found'), 'error.channel_not_found'],
    [
      'invalid_auth',
      () => thrown(() => clientFor('xoxb-wrong').chat.postMessage({ channel: 'C1', text: 'hi' })),
      'error.invalid_auth',
    ],
    ['token_revoked', () => injected('token_revoked'), 'error.invalid_auth'],
    ['token_expired', () => injected('token_expired'), 'error.invalid_auth'],
    ['not_authed', () => injected('not_authed'), 'error.invalid_auth'],
    [
      'no_text',
      () => thrown(() => client.chat.postMessage({ channel: 'C1' } as never)),
      'error.invalid_blocks',
    ],
    ['msg_too_long', () => post('C1', { text: 'x'.repeat(40_001) }), 'error.invalid_blocks'],
    ['msg_blocks_too_long', () => injected('msg_blocks_too_long'), 'error.invalid_blocks'],
    ['invalid_blocks_format', () => post('C1', { blocks: '[{' }), 'error.invalid_blocks'],
    ['invalid_arguments', () => injected('invalid_arguments'), 'error.generic'],
  ] as const)('%s', async (code, call, messageKey) => {
    expect(classifySlackError(await call())).toEqual({
      kind: 'permanent',
      code,
      retryAfterMs: null,
      messageKey,
      detail: code,
    });
  });

  it('missing_scope, naming the scope needed and the scopes granted', async () => {
    const narrow = await startStandIn({ scopes: ['users:read'] });
    narrow.addChannel({ id: 'C1', name: 'team-a' });
    const error = await thrown(() =>
      createSlackClient({
        token: narrow.token,
        apiUrl: narrow.apiUrl,
        logger: quietSlackLogger,
      }).chat.postMessage({ channel: 'C1', text: 'hi' }),
    ).finally(() => narrow.stop());
    expect(classifySlackError(error)).toEqual({
      kind: 'permanent',
      code: 'missing_scope',
      retryAfterMs: null,
      messageKey: 'error.missing_scope',
      detail: 'missing_scope (needed: chat:write; provided: users:read)',
      needed: 'chat:write',
    });
  });

  it('invalid_blocks, with the first problems Slack listed', async () => {
    const section = { type: 'section', text: { type: 'mrkdwn', text: 'x' } };
    const failure = classifySlackError(
      await post('C1', { blocks: Array.from({ length: 51 }, () => section) }),
    );
    expect(failure).toMatchObject({
      kind: 'permanent',
      code: 'invalid_blocks',
      messageKey: 'error.invalid_blocks',
    });
    expect(failure?.detail).toMatch(/^invalid_blocks: \[ERROR\] must be less than 51 items/);
  });

  it('an HTTP 4xx other than 429', async () => {
    slack.failNext('chat.postMessage', { kind: 'http', status: 400 });
    expect(classifySlackError(await post('C1'))).toMatchObject({
      kind: 'permanent',
      code: 'http_400',
      messageKey: 'error.generic',
    });
  });
});

describe('rate limits', () => {
  it('a 429 waits for its Retry-After', async () => {
    slack.failNext('chat.postMessage', { kind: 'ratelimited', retryAfter: 7 });
    expect(classifySlackError(await post('C1'))).toEqual({
      kind: 'rate_limited',
      code: 'ratelimited',
      retryAfterMs: 7000,
      messageKey: 'error.ratelimited',
      detail: 'ratelimited',
    });
  });

  it('a `ratelimited` platform error without a 429 waits a second', async () => {
    expect(classifySlackError(await injected('ratelimited'))).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 1000,
    });
  });
});

describe('transient errors (back off and retry)', () => {
  it.each(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'])(
    '%s',
    async (code) => {
      expect(classifySlackError(await injected(code))).toEqual({
        kind: 'transient',
        code,
        retryAfterMs: null,
        messageKey: 'error.generic',
        detail: code,
      });
    },
  );

  it.each([500, 502, 503, 504])('an HTTP %i', async (status) => {
    slack.failNext('chat.postMessage', { kind: 'http', status });
    expect(classifySlackError(await post('C1'))).toMatchObject({
      kind: 'transient',
      code: `http_${status}`,
    });
  });

  it('a refused connection', async () => {
    // Port 9 (discard) on loopback has no listener.
    const error = await thrown(() =>
      clientFor(slack.token, 'http://127.0.0.1:9/api/').chat.postMessage({
        channel: 'C1',
        text: 'x',
      }),
    );
    const failure = classifySlackError(error);
    expect(failure).toMatchObject({ kind: 'transient', code: 'network' });
    expect(failure?.detail).toMatch(/^network: /);
  });
});

describe('a just-uploaded file', () => {
  it('is not ready while Slack rejects it as "invalid slack file"', async () => {
    const image = { type: 'image', alt_text: 'chart', slack_file: { id: 'F_NOT_YET' } };
    expect(classifySlackError(await post('C1', { blocks: [image] }))).toEqual({
      kind: 'file_not_ready',
      code: 'invalid_blocks',
      retryAfterMs: null,
      messageKey: 'error.invalid_blocks',
      detail: 'invalid_blocks: invalid slack file',
    });
  });
});

describe('errors that are not Slack’s', () => {
  it.each([
    ['a bug', new TypeError('x is undefined')],
    ['a store failure', Object.assign(new Error('disk full'), { code: 'ENOSPC' })],
    ['a string', 'not_in_channel'],
    ['nothing', null],
  ])('%s is not classified, so it propagates', (_, error) => {
    expect(classifySlackError(error)).toBeNull();
  });

  it('a SlackDeliveryError the engine raised carries its own classification', () => {
    const failure = slackFailure('transient', 'upload_http_503');
    expect(classifySlackError(new SlackDeliveryError(failure))).toBe(failure);
  });
});
