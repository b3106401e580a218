import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTION, TIP_FIELD } from '../../blocks/ids.ts';
import { encodeQuery } from '../../src/domain/query.ts';
import { sendBlockActions } from '../../support/signed-requests.ts';
import { type Harness, SECRET, startHarness, textOf } from '../../support/slack/harness.ts';
import { USERS } from '../../support/slack/org.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
beforeEach(() => h.slack.reset());

const metricButton = (query: Parameters<typeof encodeQuery>[0]) => ({
  action_id: `${ACTION.metric}:${query.metric ?? 'summary'}`,
  value: encodeQuery(query),
});

describe('view buttons', () => {
  it('switch metric: replaces the lead’s view with the metric detail', async () => {
    const answer = await h.press(
      USERS.lead1,
      metricButton({ view: 'metric', team: 'T1', metric: 'qa' }),
    );
    expect(answer.replace_original).toBe(true);
    expect(textOf(answer.blocks)).toContain('Billing North: QA score');
  });

  it('Monthly: the metric view offers the monthly trend on request, and Daily switches back', async () => {
    type Block = {
      type: string;
      alt_text?: string;
      elements?: { action_id: string; value?: string }[];
    };
    const daily = await h.press(
      USERS.lead1,
      metricButton({ view: 'metric', team: 'T1', metric: 'csat' }),
    );
    const imageOf = (answer: Record<string, unknown>) =>
      (answer.blocks as Block[]).filter((b) => b.type === 'image');
    // The trend, then (for a lead, on a rate) the funnel in the view's second slot.
    expect(imageOf(daily)).toHaveLength(2);
    expect(imageOf(daily)[0]?.alt_text).toMatch(/^CSAT for Billing North .* over 28 days/);
    expect(imageOf(daily)[1]?.alt_text).toMatch(/^CSAT for Billing North by agent/);
    const monthlyButton = (daily.blocks as Block[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === `${ACTION.period}:monthly`);
    expect(monthlyButton).toBeDefined();
    const monthly = await h.press(
      USERS.lead1,
      monthlyButton as { action_id: string; value: string },
    );
    expect(imageOf(monthly)).toHaveLength(2);
    expect(imageOf(monthly)[0]?.alt_text).toMatch(/^CSAT for Billing North by month/);
    const back = (monthly.blocks as Block[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === `${ACTION.period}:monthly`);
    expect(JSON.parse(back?.value ?? '{}').mo).toBeUndefined();
  });

  it('switch period: answers over the chosen window', async () => {
    const answer = await h.press(USERS.lead1, {
      action_id: `${ACTION.period}:14`,
      value: encodeQuery({ view: 'team', team: 'T1', days: 14 }),
    });
    // 14 days ending on the last day with data, 2026-10-31: from 2026-10-18.
    expect(textOf(answer.blocks)).toContain('14 days to 2026-10-31 (2026-10-18 – 2026-10-31)');
  });

  it('a forged button naming another lead’s team is refused and leaves the view alone', async () => {
    const answer = await h.press(
      USERS.lead1,
      metricButton({ view: 'metric', team: 'T2', metric: 'csat' }),
    );
    expect(answer.text).toBe('That team isn’t one of yours, so I can’t show it.');
    expect(answer.replace_original).toBe(false);
    expect(textOf(answer)).not.toContain('Returns East');
  });

  it('a forged button asking for another agent’s numbers is refused', async () => {
    const answer = await h.press(USERS.priya, metricButton({ view: 'agent', agent: 'A3' }));
    expect(answer.text).toBe('Those numbers belong to someone else, so I can’t show them.');
  });

  it('a forged tiers button from an agent is refused', async () => {
    const answer = await h.press(USERS.priya, metricButton({ view: 'tiers', team: 'T1' }));
    expect(answer.text).toBe('Only team leads and directors can see that.');
  });

  it('a lead may open their agent’s view, without the agent’s own buttons', async () => {
    const answer = await h.press(USERS.lead1, metricButton({ view: 'agent', agent: 'A3' }));
    expect(textOf(answer.blocks)).toContain('Your numbers, Lee Chen');
    expect(textOf(answer.blocks)).not.toContain(ACTION.snooze);
  });

  it('an unreadable value gets usage help', async () => {
    const answer = await h.press(USERS.lead1, {
      action_id: `${ACTION.metric}:csat`,
      value: '{"v":"team","evil":true}',
    });
    expect(textOf(answer.blocks)).toContain('How to use /teamhealth');
  });
});

describe('Share to channel', () => {
  it('posts the team’s aggregates, without individual names, through the delivery engine', async () => {
    const answer = await h.press(USERS.lead1, {
      action_id: ACTION.share,
      value: encodeQuery({ view: 'team', team: 'T1' }),
    });
    expect(answer.text).toBe('Shared to <#C0BILLING>.');
    const [post] = h.slack.okCalls('chat.postMessage');
    expect(post?.params.channel).toBe('C0BILLING');
    const posted = textOf(post?.params.blocks);
    expect(posted).toContain('Billing North: team health');
    for (const name of ['Priya', 'Sam', 'Lee']) expect(posted).not.toContain(name);
    expect(posted).not.toContain('teamhealth_share'); // no buttons in a channel post
    // Recorded in the delivery ledger under job "share".
    expect(
      (await h.store.deliveries.list({ job: 'share' })).some(
        (d) => d.status === 'sent' && d.target === 'C0BILLING',
      ),
    ).toBe(true);
  });

  it('is refused to an agent, and nothing is posted', async () => {
    const answer = await h.press(USERS.priya, {
      action_id: ACTION.share,
      value: encodeQuery({ view: 'team', team: 'T1' }),
    });
    expect(answer.text).toBe('Only team leads and directors can see that.');
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('a forged Share naming another team is refused', async () => {
    const answer = await h.press(USERS.lead1, {
      action_id: ACTION.share,
      value: encodeQuery({ view: 'team', team: 'T2' }),
    });
    expect(answer.text).toBe('That team isn’t one of yours, so I can’t show it.');
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('tells the person to invite the bot when it is not in the channel', async () => {
    const answer = await h.press(
      USERS.director,
      { action_id: ACTION.share, value: encodeQuery({ view: 'team', team: 'T2' }) },
      { message_ts: '1700000000.000200' },
    );
    expect(answer.text).toContain('I’m not in <#C0RETURNS>. Invite me with `/invite @teamhealth`');
  });
});

describe('Snooze and tips', () => {
  it('snoozes coaching DMs for 4 weeks from now', async () => {
    const answer = await h.press(USERS.priya, { action_id: ACTION.snooze, value: 'snooze' });
    // NOW = 2026-11-02T10:00Z; + 28 days = 2026-11-30T10:00Z
    expect(answer.text).toContain('until 2026-11-30');
    expect((await h.store.settings.get({ slackUserId: USERS.priya }))?.snoozed_until).toBe(
      '2026-11-30T10:00:00.000Z',
    );
  });

  it('marks a tip helpful and names its consenting author', async () => {
    const answer = await h.press(USERS.priya, { action_id: ACTION.tipHelpful, value: 'TIP-SAM-1' });
    expect(answer.text).toBe('Thanks! Sam Okafor will be glad it helped (1 found it helpful).');
  });

  it('opens the tip modal with the trigger id', async () => {
    const trigger = '123.456.abcdef';
    const sent = await sendBlockActions(h.url, SECRET, {
      user_id: USERS.priya,
      view: { id: 'V0HOME', type: 'home' },
      trigger_id: trigger,
      actions: [{ action_id: ACTION.openTipModal, value: 'tip' }],
    });
    expect(sent.status).toBe(200);
    const open = await h.waitFor(() => h.slack.okCalls('views.open')[0], 'views.open');
    expect(open.params.trigger_id).toBe(trigger);
    expect((open.params.view as { callback_id: string }).callback_id).toBe('teamhealth_tip_modal');
  });
});

const tipValues = (metric: string | null, text: string, named: boolean) => ({
  [TIP_FIELD.metric.block]: {
    [TIP_FIELD.metric.action]: {
      type: 'static_select',
      selected_option: metric ? { value: metric } : null,
    },
  },
  [TIP_FIELD.text.block]: { [TIP_FIELD.text.action]: { type: 'plain_text_input', value: text } },
  [TIP_FIELD.consent.block]: {
    [TIP_FIELD.consent.action]: {
      type: 'checkboxes',
      selected_options: named ? [{ value: 'named' }] : [],
    },
  },
});

describe('the tip modal submission', () => {
  it('returns field errors in the view on bad input', async () => {
    const sent = await h.submit({
      user_id: USERS.priya,
      values: tipValues(null, 'x'.repeat(501), false),
    });
    expect(sent.status).toBe(200);
    expect(sent.json).toEqual({
      response_action: 'errors',
      errors: {
        tip_metric: 'Pick the metric your tip helps with.',
        tip_text: 'Keep it to 500 characters; this one has 501.',
      },
    });
  });

  it('saves a good tip with the author’s consent and thanks them', async () => {
    const sent = await h.submit({
      user_id: USERS.priya,
      values: tipValues('fcr', 'Ask what else they need before closing.', true),
    });
    expect((sent.json as { response_action: string }).response_action).toBe('update');
    expect(textOf(sent.json)).toContain('Thanks for sharing your tip on First-contact resolution');
    const tips = await h.store.tips.list({ agentId: 'A1' });
    expect(tips).toMatchObject([
      {
        metric: 'fcr',
        text: 'Ask what else they need before closing.',
        consent_named: true,
        team_id: 'T1',
      },
    ]);
  });

  it('refuses a tip from someone who is not an agent', async () => {
    const sent = await h.submit({
      user_id: USERS.nobody,
      values: tipValues('csat', 'hello', false),
    });
    expect(sent.json).toEqual({
      response_action: 'errors',
      errors: { tip_text: 'Only agents can share tips.' },
    });
  });
});

describe('Slack errors', () => {
  it('tells the person when a Slack permission is missing, logs it, and keeps serving', async () => {
    h.slack.failNext('views.open', {
      kind: 'error',
      error: 'missing_scope',
      extra: { needed: 'views:write' },
    });
    const answer = await h.press(USERS.priya, { action_id: ACTION.openTipModal, value: 'tip' });
    expect(answer.text).toBe(
      'teamhealth lacks a Slack permission (views:write). An admin needs to reinstall the app.',
    );
    const health = await fetch(h.url.replace('/slack/events', '/healthz'));
    expect(health.status).toBe(200);
  });

  it('says so when Slack rate-limits a call', async () => {
    h.slack.failNext('views.open', { kind: 'ratelimited', retryAfter: 30 });
    const answer = await h.press(USERS.priya, { action_id: ACTION.openTipModal, value: 'tip' });
    expect(answer.text).toBe('Slack asked me to slow down. Please try again in a minute.');
  });
});
