import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendSlashCommand } from '../../support/signed-requests.ts';
import { type Harness, SECRET, startHarness, textOf } from '../../support/slack/harness.ts';
import { USERS } from '../../support/slack/org.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ charts: false });
});
afterAll(async () => h?.close());
beforeEach(() => h.slack.reset());

const now = () => Math.floor(Date.now() / 1000);
const slash = (knobs: Parameters<typeof sendSlashCommand>[3], responseId?: string) =>
  sendSlashCommand(
    h.url,
    SECRET,
    {
      command: '/teamhealth',
      text: 'help',
      user_id: USERS.lead1,
      channel_id: 'C0BILLING',
      response_url: h.slack.responseUrl(responseId),
    },
    knobs,
  );

describe('request signatures', () => {
  it('accepts a correctly signed request', async () => {
    expect((await slash({})).status).toBe(200);
  });

  it('rejects a forged signature with 401', async () => {
    expect((await slash({ forgeSignature: `v0=${'0'.repeat(64)}` })).status).toBe(401);
  });

  it('rejects a body tampered with after signing with 401', async () => {
    expect(
      (await slash({ tamper: (body) => body.replace('text=help', 'text=digest') })).status,
    ).toBe(401);
  });

  it('rejects a request signed more than 5 minutes ago with 401', async () => {
    expect((await slash({ timestamp: now() - 301 })).status).toBe(401);
  });

  it('rejects a request dated more than 5 minutes in the future with 401 (Bolt alone lets it pass)', async () => {
    // 6 minutes ahead: a loaded machine may take a second or two to deliver, which must not matter.
    expect((await slash({ timestamp: now() + 360 })).status).toBe(401);
  });

  it('accepts a small clock skew into the future', async () => {
    expect((await slash({ timestamp: now() + 60 })).status).toBe(200);
  });

  it('processes nothing from a rejected request', async () => {
    const rejected = await slash({ forgeSignature: 'v0=bad' }, 'REJECTED');
    // A signed request sent after it is answered; by then the rejected one would have been too.
    await slash({}, 'ACCEPTED');
    await h.waitFor(() => h.slack.responsesTo('ACCEPTED')[0], 'the accepted request’s answer');
    expect(rejected.status).toBe(401);
    expect(h.slack.responsesTo('REJECTED')).toHaveLength(0);
  });

  it('answers GET /healthz without a signature', async () => {
    const res = await fetch(h.url.replace('/slack/events', '/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, store: 'sqlite' });
  });
});

const homeOpened = (user: string, eventId: string, retryNum?: number) =>
  h.event({
    event: { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home' },
    event_id: eventId,
    ...(retryNum ? { retryNum } : {}),
  });

const publishedFor = async (user: string) => {
  const call = await h.waitFor(
    () => h.slack.callsTo('views.publish', (c) => c.ok && c.params.user_id === user)[0],
    `views.publish for ${user}`,
  );
  return call.params.view as { type: string; blocks: unknown[] };
};

describe('App Home per role', () => {
  it('shows a lead their teams', async () => {
    await homeOpened(USERS.lead1, 'EvLEAD1');
    const view = await publishedFor(USERS.lead1);
    expect(view.type).toBe('home');
    expect(textOf(view.blocks)).toContain('Your teams');
    expect(textOf(view.blocks)).toContain('*Billing North*');
    expect(textOf(view.blocks)).not.toContain('Returns East');
  });

  it('shows a director every team', async () => {
    await homeOpened(USERS.director, 'EvDIR1');
    const text = textOf((await publishedFor(USERS.director)).blocks);
    expect(text).toContain('Every team at a glance');
    expect(text).toContain('*Returns East*');
  });

  it('shows an agent their own numbers, never the word lagging, with snooze and share-a-tip', async () => {
    await homeOpened(USERS.lee, 'EvLEE1');
    const text = textOf((await publishedFor(USERS.lee)).blocks);
    expect(text).toContain('Your numbers');
    expect(text).not.toMatch(/lagging/i);
    expect(text).toContain('teamhealth_snooze');
    expect(text).toContain('teamhealth_open_tip_modal');
  });

  it('shows someone with no role how to get access', async () => {
    await homeOpened(USERS.nobody, 'EvNOBODY1');
    expect(textOf((await publishedFor(USERS.nobody)).blocks)).toContain('To get access');
  });
});

describe('retried events', () => {
  it('processes an event Slack retries (X-Slack-Retry-Num) only once', async () => {
    expect((await homeOpened(USERS.lead2, 'EvRETRY1')).status).toBe(200);
    await publishedFor(USERS.lead2);
    expect((await homeOpened(USERS.lead2, 'EvRETRY1', 1)).status).toBe(200);
    expect((await homeOpened(USERS.lead2, 'EvRETRY1', 2)).status).toBe(200);
    // A different event is still processed, so the wait below would have seen a second publish.
    await homeOpened(USERS.lead1, 'EvOTHER1');
    await publishedFor(USERS.lead1);
    expect(h.slack.callsTo('views.publish', (c) => c.params.user_id === USERS.lead2)).toHaveLength(
      1,
    );
    // The event id is stored, so another instance sharing the store would drop it too.
    expect(await h.store.deliveries.get({ key: 'slack-event|EvRETRY1' })).not.toBeNull();
  });
});
