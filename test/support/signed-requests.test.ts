/**
 * The signer against Slack's documented test vector, and every sender against a real
 * Bolt app over HTTP: correctly signed requests reach the listeners with the documented
 * fields; forged, tampered and stale ones are refused by Bolt with 401.
 */
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietSlackLogger } from '../../support/quiet-logger.ts';
import {
  sendBlockActions,
  sendEvent,
  sendSlashCommand,
  sendViewSubmission,
  signV0,
  slashCommandForm,
} from '../../support/signed-requests.ts';
import { type SlackStandIn, startStandIn } from '../../support/slack-stand-in.ts';

describe('signV0', () => {
  it("reproduces the docs' test vector (docs.slack.dev/authentication/verifying-requests-from-slack)", () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V' +
      '&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=' +
      '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN' +
      '&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signV0('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  it('refuses an empty secret', () => {
    expect(() => signV0('', 1, 'x')).toThrow(/signing secret/);
  });
});

describe('slashCommandForm', () => {
  it('carries every documented slash-command field', () => {
    const form = slashCommandForm({ command: '/teamhealth', user_id: 'U1', channel_id: 'C1' });
    expect([...form.keys()].sort()).toEqual(
      [
        'api_app_id',
        'channel_id',
        'channel_name',
        'command',
        'enterprise_id',
        'enterprise_name',
        'response_url',
        'team_domain',
        'team_id',
        'text',
        'token',
        'trigger_id',
        'user_id',
        'user_name',
      ].sort(),
    );
  });
});

describe('against a running Bolt app', () => {
  const secret = 'test-signing-secret-0123456789';
  let slack: SlackStandIn;
  let app: App;
  let url: string;
  const seen: { kind: string; body: Record<string, unknown>; retryNum?: number }[] = [];

  beforeAll(async () => {
    slack = await startStandIn();
    slack.addChannel({ id: 'C1', members: [slack.botUserId, 'U1'] });
    slack.addUser({ id: 'U1' });
    app = new App({
      token: slack.token,
      signingSecret: secret,
      logLevel: LogLevel.ERROR,
      clientOptions: {
        slackApiUrl: slack.apiUrl,
        retryConfig: { retries: 0 },
        logger: quietSlackLogger,
      },
    });
    app.command('/teamhealth', async ({ ack, respond, body }) => {
      await ack();
      seen.push({ kind: 'command', body: body as unknown as Record<string, unknown> });
      await respond({ text: `you said ${body.text}` });
    });
    app.action('pick', async ({ ack, body }) => {
      await ack();
      seen.push({ kind: 'action', body: body as unknown as Record<string, unknown> });
    });
    app.view('tip', async ({ ack, view }) => {
      const value = view.state.values.b?.a?.value ?? '';
      await ack(value ? undefined : { response_action: 'errors', errors: { b: 'Write a tip' } });
    });
    app.event('app_home_opened', async ({ event, context }) => {
      seen.push({
        kind: 'event',
        body: event as unknown as Record<string, unknown>,
        retryNum: context.retryNum,
      });
    });
    const server = await app.start(0);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  it('delivers a signed slash command and the reply reaches the response_url', async () => {
    const responseUrl = slack.responseUrl('cmd1');
    const res = await sendSlashCommand(url, secret, {
      command: '/teamhealth',
      text: 'help',
      user_id: 'U1',
      channel_id: 'C1',
      response_url: responseUrl,
    });
    expect(res.status).toBe(200);
    await expect.poll(() => slack.responsesTo('cmd1').length).toBe(1);
    expect(slack.responsesTo('cmd1')[0]?.body.text).toBe('you said help');
  });

  it.each([
    ['a forged signature', { forgeSignature: `v0=${'0'.repeat(64)}` }],
    ['a body tampered after signing', { tamper: (b: string) => b.replace('help', 'tiers') }],
    ['a timestamp 301 s old', { timestamp: Math.floor(Date.now() / 1000) - 301 }],
  ])('is refused with 401 for %s', async (_name, knobs) => {
    const before = seen.length;
    const res = await sendSlashCommand(
      url,
      secret,
      { command: '/teamhealth', text: 'help', user_id: 'U1', channel_id: 'C1' },
      knobs,
    );
    expect(res.status).toBe(401);
    expect(seen.length).toBe(before);
  });

  it('sends block_actions with the documented payload, without message when ephemeral', async () => {
    await sendBlockActions(url, secret, {
      user_id: 'U1',
      channel_id: 'C1',
      message_ts: '1700000000.000200',
      is_ephemeral: true,
      actions: [{ action_id: 'pick', block_id: 'b1', value: 'csat' }],
    });
    await sendBlockActions(url, secret, {
      user_id: 'U1',
      channel_id: 'C1',
      message_ts: '1700000000.000300',
      actions: [{ action_id: 'pick', value: 'fcr' }],
    });
    await expect.poll(() => seen.filter((s) => s.kind === 'action').length).toBe(2);
    const actions = seen.filter((s) => s.kind === 'action').map((s) => s.body);
    expect(actions[0]).toMatchObject({
      type: 'block_actions',
      user: { id: 'U1' },
      container: { message_ts: '1700000000.000200', channel_id: 'C1', is_ephemeral: true },
      actions: [{ action_id: 'pick', block_id: 'b1', value: 'csat' }],
    });
    expect(actions[0]).not.toHaveProperty('message');
    expect(actions[1]).toHaveProperty('message.ts', '1700000000.000300');
  });

  it('sends a view_submission and gets the field errors back', async () => {
    const bad = await sendViewSubmission(url, secret, {
      user_id: 'U1',
      callback_id: 'tip',
      values: { b: { a: { type: 'plain_text_input', value: '' } } },
    });
    expect(bad.json).toEqual({ response_action: 'errors', errors: { b: 'Write a tip' } });
    const good = await sendViewSubmission(url, secret, {
      user_id: 'U1',
      callback_id: 'tip',
      values: { b: { a: { type: 'plain_text_input', value: 'Smile' } } },
    });
    expect(good.status).toBe(200);
    expect(good.body).toBe('');
  });

  it('sends events with Slack retry headers that Bolt exposes as retryNum', async () => {
    await sendEvent(url, secret, {
      event: { type: 'app_home_opened', user: 'U1', tab: 'home' },
      event_id: 'Ev1',
    });
    await sendEvent(url, secret, {
      event: { type: 'app_home_opened', user: 'U1', tab: 'home' },
      event_id: 'Ev1',
      retryNum: 1,
      retryReason: 'http_timeout',
    });
    await expect.poll(() => seen.filter((s) => s.kind === 'event').length).toBe(2);
    const events = seen.filter((s) => s.kind === 'event');
    expect(events.map((e) => e.retryNum)).toEqual([undefined, 1]);
  });
});
