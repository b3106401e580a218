/**
 * Safe text (PRODUCT.md; ARCHITECTURE.md "Slack text is escaped"): text that a person or
 * a file wrote — team and agent names, a tip, a contact reason, an initiative id, what
 * someone types after /teamhealth — goes into Slack mrkdwn only escaped. Over the real
 * Bolt app (signed requests) and the Slack stand-in, hostile text goes through every
 * surface: commands, buttons, jobs, App Home and the tip modal's thank-you. Every posted
 * payload must mention no one and link nowhere (no `<!…>`, `<@…>`, `<#…>` or `<http…>`
 * from data, no quote started by data's `>`), and still show the text as written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION, TIP_FIELD } from '../../blocks/ids.ts';
import { JOB_NAMES, JOBS } from '../../jobs/index.ts';
import { METRICS } from '../../src/domain/metrics.ts';
import { encodeQuery } from '../../src/domain/query.ts';
import { unescapeMrkdwn } from '../../src/messages/mrkdwn.ts';
import { createDelivery, createSlackClient } from '../../src/slack/delivery/index.ts';
import { quietLogger, quietSlackLogger } from '../../support/quiet-logger.ts';
import { type Harness, startHarness } from '../../support/slack/harness.ts';
import { AS_OF, USERS } from '../../support/slack/org.ts';
import { fakeClock } from './delivery/fake-clock.ts';

/** Every construct the issue lists. */
const HOSTILE = '<!channel> <!here> <@U123> <#C123> <https://a.example|b> *bold* &amp;';
const TEAM = `Billing ${HOSTILE}`;
const PRIYA = `Priya <!here> <@U123> &amp; *bold*`;
const SAM = `Sam <!channel> <https://a.example|b>`;
const TIP = `> quoted by data ${HOSTILE}`;
const REASON = `Refund <#C123> <!channel>`;
const INITIATIVE = `refund <https://a.example|b> v2`;
/** The app's own channel mentions (e.g. "Shared to <#C0BILLING>.") are allowed. */
const OWN_MARKUP = new Set(['<#C0BILLING>', '<#C0RETURNS>']);

interface Texts {
  mrkdwn: string[];
  plain: string[];
}

/** The mrkdwn and plain_text strings of a payload (a message, a view, an answer). */
function textsOf(payload: unknown): Texts {
  const out: Texts = { mrkdwn: [], plain: [] };
  const walk = (node: unknown, key?: string) => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'mrkdwn' && typeof o.text === 'string') out.mrkdwn.push(o.text);
      else if (o.type === 'plain_text' && typeof o.text === 'string') out.plain.push(o.text);
      for (const [k, v] of Object.entries(o)) if (k !== 'text' || typeof v !== 'string') walk(v, k);
    } else if (typeof node === 'string' && key === 'text') out.mrkdwn.push(node); // fallbacks
  };
  walk(payload);
  // A message's top-level `text` (the notification fallback) is mrkdwn too.
  const top = (payload as { text?: unknown } | null)?.text;
  if (typeof top === 'string') out.mrkdwn.push(top);
  return out;
}

/** Mentions no one, links nowhere, quotes nothing from data. */
function expectInert(payload: unknown, where: string): Texts {
  const texts = textsOf(payload);
  for (const text of texts.mrkdwn) {
    const markup = (text.match(/<[^>]*>/g) ?? []).filter((m) => !OWN_MARKUP.has(m));
    expect(markup, `${where}: markup in mrkdwn "${text}"`).toEqual([]);
    for (const line of text.split('\n'))
      expect(line.startsWith('> quoted'), `${where}: a quote from data in "${text}"`).toBe(false);
  }
  return texts;
}

/** Shows `written` as written: in mrkdwn once Slack reads its entities back, or in plain text. */
function expectShown(texts: Texts, written: string, where: string) {
  const visible = [...texts.mrkdwn.map(unescapeMrkdwn), ...texts.plain].join('\n');
  expect(visible, `${where}: shows "${written}"`).toContain(written);
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const [t1, t2] = await h.store.teams.list();
  if (!t1 || !t2) throw new Error('the harness has two teams');
  await h.store.teams.upsertMany({ teams: [{ ...t1, name: TEAM }, t2] });
  const agents = await h.store.agents.list();
  await h.store.agents.upsertMany({
    agents: agents.map((a) =>
      a.id === 'A1' ? { ...a, name: PRIYA } : a.id === 'A2' ? { ...a, name: SAM } : a,
    ),
  });
  // The hostile tip on every metric, by Sam and by Priya, so every DM's focus has one.
  for (const author of ['A2', 'A1'])
    for (const metric of METRICS)
      await h.store.tips.add({
        tip: {
          id: author === 'A2' && metric === 'csat' ? 'TIP-HOSTILE' : `TIP-${author}-${metric}`,
          agent_id: author,
          team_id: 'T1',
          metric,
          text: TIP,
          consent_named: true,
          created_at: '2026-10-25T09:00:00Z',
          helpful_count: 5,
        },
      });
  const rows = [];
  for (let d = 0; d < 35; d++) {
    const date = new Date(Date.parse(`${AS_OF}T00:00:00Z`) - d * 86_400_000)
      .toISOString()
      .slice(0, 10);
    rows.push({ date, team_id: 'T1', reason: REASON, count: d < 7 ? 40 : 5 });
    rows.push({ date, team_id: 'T1', reason: 'Password reset', count: 20 });
  }
  await h.store.contacts.upsertMany({ rows });
  await h.store.enablement.upsertMany({
    rows: [
      {
        initiative_id: INITIATIVE,
        agent_id: 'A1',
        stage: 'learned',
        date: '2026-10-01',
        passed: true,
      },
      {
        initiative_id: INITIATIVE,
        agent_id: 'A2',
        stage: 'learned',
        date: '2026-10-01',
        passed: false,
      },
    ],
  });
});
afterAll(async () => h?.close());

describe('hostile text through every surface', () => {
  it('commands: team, metric, tiers, mix, enablement, digest, an agent’s own view, unknown input', async () => {
    const asked: [string, string, string[]][] = [
      [USERS.lead1, 'team T1', [TEAM]],
      [USERS.lead1, 'metric csat', [TEAM]],
      [USERS.lead1, 'tiers', [PRIYA, SAM]],
      [USERS.lead1, 'mix', [REASON]],
      [USERS.lead1, 'enablement', [INITIATIVE, SAM]],
      [USERS.director, 'digest', [TEAM]],
      [USERS.lee, '', []],
      [USERS.lead1, `team ${HOSTILE}`, [HOSTILE]],
      [USERS.lead1, `${HOSTILE} now`, [HOSTILE]],
    ];
    for (const [user, text, shown] of asked) {
      const answer = await h.command(user, text);
      const texts = expectInert(answer, `/teamhealth ${text}`);
      for (const s of shown) expectShown(texts, s, `/teamhealth ${text}`);
    }
  });

  it('buttons: "Mark tip helpful" thanks the author by name; "Share" posts to the channel', async () => {
    const helpful = await h.press(USERS.lee, {
      action_id: ACTION.tipHelpful,
      value: 'TIP-HOSTILE',
    });
    expectShown(expectInert(helpful, 'helpful'), SAM, 'helpful');
    const shared = await h.press(USERS.lead1, {
      action_id: ACTION.share,
      value: encodeQuery({ view: 'team', team: 'T1' }),
    });
    expectInert(shared, 'share answer');
    const post = h.slack.okCalls('chat.postMessage').at(-1);
    expectShown(expectInert(post?.params, 'shared post'), TEAM, 'shared post');
  });

  it('buttons: an unreadable view button echoes its action_id escaped', async () => {
    const actionId = 'teamhealth_metric:<!channel> *x* _y_ <http://a|b>';
    const answer = await h.press(USERS.lead1, { action_id: actionId, value: 'not a query' });
    expectShown(expectInert(answer, 'unreadable view button'), actionId, 'unreadable view button');
  });

  it('jobs: team charts, nudges, recognition, coaching DMs and the digest, as posted', async () => {
    h.slack.addChannel({ id: 'CDIG', name: 'digest' });
    const before = h.slack.okCalls('chat.postMessage').length;
    const now = new Date('2026-11-02T10:00:00Z');
    const messages = [];
    for (const job of JOB_NAMES)
      messages.push(
        ...(await JOBS[job as keyof typeof JOBS].run({
          store: h.store,
          now,
          asOf: AS_OF,
          render: async () => Buffer.from('fake-png'),
          digestChannel: 'CDIG',
        })),
      );
    expect(messages.length).toBeGreaterThan(4);
    for (const m of messages) expectInert(m, `${m.job} → ${m.target}`);
    const all = messages.map((m) => textsOf(m));
    const joined = { mrkdwn: all.flatMap((x) => x.mrkdwn), plain: all.flatMap((x) => x.plain) };
    for (const s of [TEAM, TIP, SAM]) expectShown(joined, s, 'jobs');
    const client = createSlackClient({
      token: h.slack.token,
      apiUrl: h.slack.apiUrl,
      logger: quietSlackLogger,
    });
    await createDelivery({
      client,
      store: h.store,
      logger: quietLogger,
      clock: fakeClock(now.getTime()),
      limits: { backoffBaseMs: 5, backoffCapMs: 20, perChannelMs: 0 },
    }).deliverAll(messages);
    const posted = h.slack.okCalls('chat.postMessage').slice(before);
    expect(posted.length).toBeGreaterThan(0);
    for (const call of posted) expectInert(call.params, `posted to ${String(call.params.channel)}`);
  });

  it('App Home, for a director, a lead and an agent', async () => {
    for (const [i, user] of [USERS.director, USERS.lead1, USERS.priya].entries()) {
      await h.event({
        event: { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home' },
        event_id: `EvHostile${i}`,
      });
      const call = await h.waitFor(
        () => h.slack.callsTo('views.publish', (c) => c.ok && c.params.user_id === user).at(-1),
        `views.publish for ${user}`,
      );
      const texts = expectInert(call.params.view, `home of ${user}`);
      if (user !== USERS.priya) expectShown(texts, TEAM, `home of ${user}`);
    }
  });

  it('the tip modal: a hostile tip is saved as written and the thank-you stays inert', async () => {
    const sent = await h.submit({
      user_id: USERS.priya,
      values: {
        [TIP_FIELD.metric.block]: {
          [TIP_FIELD.metric.action]: { type: 'static_select', selected_option: { value: 'fcr' } },
        },
        [TIP_FIELD.text.block]: {
          [TIP_FIELD.text.action]: { type: 'plain_text_input', value: TIP },
        },
        [TIP_FIELD.consent.block]: {
          [TIP_FIELD.consent.action]: {
            type: 'checkboxes',
            selected_options: [{ value: 'named' }],
          },
        },
      },
    });
    expectInert(sent.json, 'thank-you');
    expect((await h.store.tips.list({ agentId: 'A1' })).map((t) => t.text)).toContain(TIP);
  });

  it('notices a payload that would mention someone (the check can fail)', () => {
    expect(() => expectInert({ text: `hi ${HOSTILE}` }, 'planted')).toThrow(/markup in mrkdwn/);
    expect(() =>
      expectInert(
        { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'a\n> quoted' } }] },
        'planted',
      ),
    ).toThrow(/quote from data/);
  });
});
