/**
 * The stand-in answers the real @slack/web-api WebClient the way Slack's docs say Slack
 * does. Expected error codes and limits are taken from docs.slack.dev method pages and
 * SLACK-NOTES.md, not from the stand-in's code.
 */
import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quietSlackLogger } from '../../support/quiet-logger.ts';
import { type SlackStandIn, startStandIn } from '../../support/slack-stand-in.ts';

let slack: SlackStandIn;
let client: WebClient;

beforeEach(async () => {
  slack = await startStandIn();
  slack.addChannel({ id: 'C1', name: 'team-a' });
  slack.addChannel({ id: 'COUT', name: 'no-bot', members: ['U1'] });
  slack.addChannel({ id: 'CARCH', name: 'old', is_archived: true });
  slack.addUser({ id: 'U1', tz: 'Asia/Manila' });
  slack.addUser({ id: 'UGONE', deleted: true });
  client = new WebClient(slack.token, {
    slackApiUrl: slack.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: quietSlackLogger,
  });
});
afterEach(async () => {
  await slack.stop();
});

/** The Slack error code a call failed with. */
async function errorOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    return (error as { data?: { error?: string } }).data?.error ?? String(error);
  }
  return 'no error';
}

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('auth', () => {
  it('answers invalid_auth to an unknown token', async () => {
    const stranger = new WebClient('xoxb-wrong', {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
      logger: quietSlackLogger,
    });
    expect(await errorOf(stranger.auth.test())).toBe('invalid_auth');
  });

  it('identifies the bot for its own token', async () => {
    const result = await client.auth.test();
    expect(result.user_id).toBe(slack.botUserId);
  });
});

describe('chat.postMessage', () => {
  it('records the form-encoded call with blocks and metadata parsed back to objects', async () => {
    await client.chat.postMessage({
      channel: 'C1',
      text: 'fallback',
      blocks: [section('hello')],
      metadata: { event_type: 'x', event_payload: { delivery_key: 'k1' } },
    });
    const [call] = slack.okCalls('chat.postMessage');
    expect(call?.token).toBe(slack.token);
    expect(call?.blocks).toEqual([section('hello')]);
    expect(call?.params.metadata).toEqual({
      event_type: 'x',
      event_payload: { delivery_key: 'k1' },
    });
    expect(slack.messages('C1').map((m) => m.text)).toEqual(['fallback']);
  });

  it('opens a DM when the channel is a user id', async () => {
    const result = await client.chat.postMessage({ channel: 'U1', text: 'hi' });
    expect(result.channel).toBe(slack.dmChannelId('U1'));
    expect(slack.messages('U1')).toHaveLength(1);
  });

  it.each([
    ['COUT', 'not_in_channel'],
    ['CARCH', 'is_archived'],
    ['CNOPE', 'channel_not_found'],
    ['UGONE', 'account_inactive'],
  ])('posting to %s answers %s', async (channel, error) => {
    expect(await errorOf(client.chat.postMessage({ channel, text: 'x' }))).toBe(error);
    expect(slack.messages()).toHaveLength(0);
  });

  it('allows a public channel without membership once chat:write.public is granted', async () => {
    slack.setScopes(['chat:write', 'chat:write.public']);
    await client.chat.postMessage({ channel: 'COUT', text: 'x' });
    expect(slack.messages('COUT')).toHaveLength(1);
  });

  it('answers missing_scope naming needed and provided', async () => {
    slack.setScopes(['users:read']);
    try {
      await client.chat.postMessage({ channel: 'C1', text: 'x' });
      expect.unreachable();
    } catch (error) {
      expect((error as { data: Record<string, unknown> }).data).toMatchObject({
        error: 'missing_scope',
        needed: 'chat:write',
        provided: 'users:read',
      });
    }
  });

  it('accepts blocks without top-level text but records a warning', async () => {
    await client.chat.postMessage({ channel: 'C1', blocks: [section('a')] } as never);
    expect(slack.warnings()).toEqual([
      { method: 'chat.postMessage', warning: 'missing_text_fallback' },
    ]);
  });
});

describe('Block Kit limits', () => {
  const cases: [string, unknown[], string][] = [
    ['51 blocks', Array.from({ length: 51 }, () => section('x')), '/blocks'],
    ['section text of 3,001 characters', [section('x'.repeat(3001))], '/blocks/0/text'],
    ['an empty section text', [section('')], '/blocks/0/text'],
    [
      'a header of 151 characters',
      [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }],
      '/blocks/0/text',
    ],
    [
      '11 fields',
      [
        {
          type: 'section',
          fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })),
        },
      ],
      '/blocks/0/fields',
    ],
    [
      'a field of 2,001 characters',
      [{ type: 'section', fields: [{ type: 'mrkdwn', text: 'f'.repeat(2001) }] }],
      '/blocks/0/fields/0',
    ],
    [
      '11 context elements',
      [
        {
          type: 'context',
          elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'c' })),
        },
      ],
      '/blocks/0/elements',
    ],
    [
      '26 actions',
      [
        {
          type: 'actions',
          elements: Array.from({ length: 26 }, (_, i) => ({
            type: 'button',
            action_id: `a${i}`,
            text: { type: 'plain_text', text: 'b' },
          })),
        },
      ],
      '/blocks/0/elements',
    ],
    [
      'a button label of 76 characters',
      [
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'b'.repeat(76) } },
          ],
        },
      ],
      '/blocks/0/elements/0/text',
    ],
    [
      'a button value of 2,001 characters',
      [
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: 'a',
              value: 'v'.repeat(2001),
              text: { type: 'plain_text', text: 'b' },
            },
          ],
        },
      ],
      '/blocks/0/elements/0/value',
    ],
    [
      'a block_id of 256 characters',
      [{ ...section('x'), block_id: 'b'.repeat(256) }],
      '/blocks/0/block_id',
    ],
    [
      'an image without alt_text',
      [{ type: 'image', image_url: 'https://x/y.png' }],
      '/blocks/0/alt_text',
    ],
    [
      'an image with both image_url and slack_file',
      [{ type: 'image', alt_text: 'a', image_url: 'https://x/y.png', slack_file: { id: 'F1' } }],
      '/blocks/0',
    ],
    [
      'an image of an unknown file',
      [{ type: 'image', alt_text: 'a', slack_file: { id: 'F404' } }],
      '/blocks/0/slack_file',
    ],
  ];

  it.each(cases)('rejects %s with invalid_blocks naming where', async (_name, blocks, pointer) => {
    try {
      await client.chat.postMessage({ channel: 'C1', text: 't', blocks: blocks as never });
      expect.unreachable();
    } catch (error) {
      const data = (error as { data: { error: string; response_metadata: { messages: string[] } } })
        .data;
      expect(data.error).toBe('invalid_blocks');
      expect(
        data.response_metadata.messages.some((m) => m.endsWith(`[json-pointer:${pointer}]`)),
      ).toBe(true);
    }
    expect(slack.messages('C1')).toHaveLength(0);
  });

  it('accepts exactly 50 blocks, 3,000-character text and a 150-character header', async () => {
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(150) } },
      section('x'.repeat(3000)),
      ...Array.from({ length: 48 }, () => section('y')),
    ];
    await client.chat.postMessage({ channel: 'C1', text: 't', blocks: blocks as never });
    expect(slack.messages('C1')).toHaveLength(1);
  });

  it('allows 100 blocks in a Home view but not 101', async () => {
    const view = (n: number) => ({
      type: 'home' as const,
      blocks: Array.from({ length: n }, () => section('x')) as never,
    });
    await client.views.publish({ user_id: 'U1', view: view(100) });
    expect(await errorOf(client.views.publish({ user_id: 'U1', view: view(101) }))).toBe(
      'invalid_blocks',
    );
  });
});

describe('failure injection', () => {
  it('answers 429 with Retry-After for the next call of a method only', async () => {
    slack.failNext('chat.postMessage', { kind: 'ratelimited', retryAfter: 7 });
    const error = await client.chat
      .postMessage({ channel: 'C1', text: 'x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 7 });
    await client.chat.postMessage({ channel: 'C1', text: 'x' });
    expect(slack.calls.map((c) => c.status)).toEqual([429, 200]);
  });

  it('answers a 5xx as an HTTP error', async () => {
    slack.failNext('users.info', { kind: 'http', status: 503 });
    const error = await client.users.info({ user: 'U1' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'slack_webapi_http_error', statusCode: 503 });
  });

  it('can store a post and still answer 5xx, as a gateway timing out after Slack did the work', async () => {
    slack.failNext('chat.postMessage', { kind: 'http', status: 504, afterHandling: true });
    const error = await client.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e) => e);
    expect(error).toMatchObject({ statusCode: 504 });
    expect(slack.messages('C1').map((m) => m.text)).toEqual(['x']);
  });

  it('fails chosen call numbers of a method, counting every call of it', async () => {
    slack.failCalls('chat.postMessage', [2, 4], { kind: 'http', status: 503 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      await client.chat.postMessage({ channel: 'U1', text: `${i}` }).catch(() => undefined);
      statuses.push(slack.calls.at(-1)?.status ?? 0);
    }
    expect(statuses).toEqual([200, 503, 200, 503, 200]);
    expect(() => slack.failCalls('chat.postMessage', [0], { kind: 'http', status: 503 })).toThrow(
      /≥ 1/,
    );
  });

  it('tells an answer listener about each call after storing a post but before answering', async () => {
    const seen: string[] = [];
    const stop = slack.onAnswer((call) => {
      // The post is already stored when the listener runs.
      seen.push(`${call.method} ${call.status} stored=${slack.messages('C1').length}`);
    });
    await client.chat.postMessage({ channel: 'C1', text: 'x' });
    stop();
    await client.chat.postMessage({ channel: 'C1', text: 'y' });
    expect(seen).toEqual(['chat.postMessage 200 stored=1']);
  });

  it('answers every call to a channel with a chosen Slack error', async () => {
    slack.failChannel('C1', { kind: 'error', error: 'channel_not_found' });
    expect(await errorOf(client.chat.postMessage({ channel: 'C1', text: 'x' }))).toBe(
      'channel_not_found',
    );
    expect(await errorOf(client.chat.postMessage({ channel: 'C1', text: 'y' }))).toBe(
      'channel_not_found',
    );
    await client.chat.postMessage({ channel: 'U1', text: 'z' });
  });
});

describe('rate limits', () => {
  it('refuses a second post to one channel within a second, with Retry-After 1', async () => {
    slack.enforceRateLimits({});
    await client.chat.postMessage({ channel: 'C1', text: 'a' });
    const error = await client.chat
      .postMessage({ channel: 'C1', text: 'b' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ retryAfter: 1 });
    // Another channel is a separate bucket.
    await client.chat.postMessage({ channel: 'U1', text: 'c' });
  });

  it('limits the workspace across channels', async () => {
    slack.addChannel({ id: 'C2' }).addChannel({ id: 'C3' });
    slack.enforceRateLimits({ postMessagePerWorkspacePerMinute: 60, workspaceBurst: 2 });
    await client.chat.postMessage({ channel: 'C1', text: 'a' });
    await client.chat.postMessage({ channel: 'C2', text: 'b' });
    const error = await client.chat
      .postMessage({ channel: 'C3', text: 'c' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'slack_webapi_rate_limited_error' });
  });
});

describe('conversations', () => {
  it('returns metadata in history only when include_all_metadata is set', async () => {
    await client.chat.postMessage({
      channel: 'C1',
      text: 'x',
      metadata: { event_type: 't', event_payload: { delivery_key: 'k' } },
    });
    const plain = await client.conversations.history({ channel: 'C1' });
    const full = await client.conversations.history({ channel: 'C1', include_all_metadata: true });
    expect(plain.messages?.[0]?.metadata).toBeUndefined();
    expect(full.messages?.[0]?.metadata?.event_payload).toEqual({ delivery_key: 'k' });
  });

  it('opens a DM channel, and refuses a deactivated user', async () => {
    const open = await client.conversations.open({ users: 'U1' });
    expect(open.channel?.id).toBe(slack.dmChannelId('U1'));
    expect(await errorOf(client.conversations.open({ users: 'UGONE' }))).toBe('user_disabled');
    expect(await errorOf(client.conversations.open({ users: 'UNONE' }))).toBe('user_not_found');
  });

  it('gives users.info the stored time zone', async () => {
    const info = await client.users.info({ user: 'U1' });
    expect(info.user?.tz).toBe('Asia/Manila');
    // Manila is UTC+8 all year: 8 × 3600 s.
    expect(info.user?.tz_offset).toBe(28_800);
  });
});

describe('files', () => {
  it("runs the SDK's own files.uploadV2 flow privately when no channel is given", async () => {
    const bytes = Buffer.from('not really a png but 33 bytes....');
    const result = await client.filesUploadV2({
      file: bytes,
      filename: 'chart.png',
      title: 'Chart',
      alt_text: 'a chart',
    });
    expect(result.ok).toBe(true);
    const [file] = [...slack.files.values()];
    expect(file).toMatchObject({
      filename: 'chart.png',
      length: 33,
      uploadedBytes: 33,
      completed: true,
      channels: [],
    });
    expect(slack.calls.map((c) => c.method)).toEqual([
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
    ]);
  });

  it('refuses an upload whose bytes do not match the announced length', async () => {
    const { upload_url: url } = await client.files.getUploadURLExternal({
      filename: 'a.png',
      length: 10,
    });
    const response = await fetch(url ?? '', { method: 'POST', body: new Uint8Array(4) });
    expect(response.status).toBe(400);
  });

  it('shows a completed file in an image block, but not before Slack has processed it', async () => {
    slack.fileReadyDelayMs = 60_000;
    const { file_id: id, upload_url: url } = await client.files.getUploadURLExternal({
      filename: 'a.png',
      length: 3,
    });
    await fetch(url ?? '', { method: 'POST', body: new Uint8Array(3) });
    await client.files.completeUploadExternal({ files: [{ id: id ?? '', title: 'A' }] });
    const image = [{ type: 'image', alt_text: 'a', slack_file: { id } }] as never;
    const error = await client.chat
      .postMessage({ channel: 'C1', text: 't', blocks: image })
      .catch((e: unknown) => e);
    expect((error as { data: { errors: string[] } }).data.errors[0]).toMatch(/invalid slack file/);
    slack.fileReadyDelayMs = 0;
    const file = slack.files.get(id ?? '');
    if (file) file.readyAt = 0;
    await client.chat.postMessage({ channel: 'C1', text: 't', blocks: image });
  });
});

describe('response_url', () => {
  it('records posts and refuses a sixth', async () => {
    const url = slack.responseUrl('R1');
    for (let i = 0; i < 6; i += 1) {
      const res = await fetch(url, {
        method: 'POST',
        body: JSON.stringify({ text: `n${i}` }),
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(i < 5 ? 200 : 404);
    }
    expect(slack.responsesTo('R1').map((p) => p.body.text)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
  });
});

describe('views', () => {
  it('accepts a trigger_id once', async () => {
    const view = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'T' },
      blocks: [],
    };
    await client.views.open({ trigger_id: 't1', view });
    expect(await errorOf(client.views.open({ trigger_id: 't1', view }))).toBe('expired_trigger_id');
  });
});
