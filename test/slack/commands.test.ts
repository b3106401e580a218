import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, textOf } from '../../support/slack/harness.ts';
import { USERS } from '../../support/slack/org.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('/teamhealth over HTTP, by role', () => {
  it('answers a lead with their team’s summary and its dashboard, privately uploaded', async () => {
    const answer = await h.command(USERS.lead1, '');
    expect(answer.response_type).toBe('ephemeral');
    expect(textOf(answer.blocks)).toContain('Billing North: team health');
    // The chart went up with files.uploadV2's steps and was shared to no channel.
    const completed = h.slack.okCalls('files.completeUploadExternal').at(-1);
    expect(completed?.params.channel_id).toBeUndefined();
    const fileId = ((completed?.params.files ?? []) as { id: string }[])[0]?.id;
    expect(fileId).toMatch(/^F/);
    const image = (
      answer.blocks as { type: string; slack_file?: { id: string }; alt_text?: string }[]
    ).find((b) => b.type === 'image');
    expect(image?.slack_file?.id).toBe(fileId);
    // One image: the team dashboard, its alt text summarising every metric.
    expect((answer.blocks as { type: string }[]).filter((b) => b.type === 'image')).toHaveLength(1);
    expect(image?.alt_text).toMatch(/^Team health for Billing North, 28 days to .*Quality: CSAT/);
    expect(JSON.stringify(completed?.params.files)).toContain('Billing North: team health');
  });

  it('answers a director with every team side by side', async () => {
    const answer = await h.command(USERS.director, '');
    expect(textOf(answer.blocks)).toContain('Director digest: 2 teams');
    expect(textOf(answer.blocks)).toContain('*Billing North*');
    expect(textOf(answer.blocks)).toContain('*Returns East*');
  });

  it('answers an agent with their own numbers, never the word lagging', async () => {
    // Lee has the weakest numbers of the organisation.
    const answer = await h.command(USERS.lee, '');
    expect(textOf(answer.blocks)).toContain('Your numbers, Lee Chen');
    expect(textOf(answer)).not.toMatch(/lagging/i);
    expect(textOf(answer)).not.toContain('Priya');
  });

  it('tells a stranger how to get access, and nothing else', async () => {
    const answer = await h.command(USERS.nobody, 'team Billing North');
    expect(answer.text).toBe('You don’t have access to team health yet');
    expect(textOf(answer)).not.toContain('CSAT');
  });
});

describe('the chart each view shows (one selection, src/slack/charts.ts)', () => {
  type Block = { type: string; alt_text?: string };
  const images = (answer: Record<string, unknown>) =>
    (answer.blocks as Block[]).filter((b) => b.type === 'image');

  it.each([
    [
      'tiers',
      USERS.lead1,
      [/^Tier mix for Billing North over the last/, /^CSAT for Billing North by agent/],
    ],
    [
      'metric csat',
      USERS.lead1,
      [/^CSAT for Billing North .* over 28 days/, /^CSAT for Billing North by agent/],
    ],
    ['metric aht', USERS.lead1, [/^Handle time for Billing North/]],
    ['team Billing North', USERS.lead1, [/^Team health for Billing North/]],
    ['digest', USERS.director, [/^Status of 2 teams/, /^Tier mix across 2 teams/]],
  ])('/teamhealth %s', async (text, user, expected) => {
    const answer = await h.command(user, text);
    const shown = images(answer);
    expect(shown.length).toBeLessThanOrEqual(2);
    expect(shown.map((b) => b.alt_text)).toEqual(expected.map((re) => expect.stringMatching(re)));
  });
});

describe('every subcommand', () => {
  const sections = (answer: Record<string, unknown>) => textOf(answer.blocks);

  it('help lists the subcommands (digest only for directors)', async () => {
    expect(sections(await h.command(USERS.lead1, 'help'))).not.toContain('/teamhealth digest');
    expect(sections(await h.command(USERS.director, 'help'))).toContain('/teamhealth digest');
  });

  it('team <name> and team <id> find the same team', async () => {
    expect(sections(await h.command(USERS.lead1, 'team billing north'))).toContain(
      'Billing North: team health',
    );
    expect(sections(await h.command(USERS.director, 'team T2'))).toContain(
      'Returns East: team health',
    );
  });

  it('team <another lead’s team> is refused', async () => {
    const answer = await h.command(USERS.lead1, 'team Returns East');
    expect(answer.text).toBe('That team isn’t one of yours, so I can’t show it.');
  });

  it('team <unknown> names the teams the viewer may ask for', async () => {
    const answer = await h.command(USERS.lead1, 'team Nowhere');
    expect(answer.text).toBe(
      'No team called “Nowhere”. Try `/teamhealth team &lt;name or id&gt;` with one of: Billing North.',
    );
  });

  it('metric aht shows handle time with the quality metrics beside it', async () => {
    const text = sections(await h.command(USERS.lead1, 'metric aht'));
    expect(text).toContain('Billing North: Handle time');
    expect(text).toContain('Beside it (quality)');
  });

  it('metric <not a metric> answers with usage help', async () => {
    const answer = await h.command(USERS.lead1, 'metric speed');
    expect(sections(answer)).toContain(
      '“speed” is not a metric. Pick one of: csat, fcr, aht, qa, answer_rate.',
    );
    expect(sections(answer)).toContain('How to use /teamhealth');
  });

  it('tiers lists the team’s agents for its lead', async () => {
    const text = sections(await h.command(USERS.lead1, 'tiers'));
    expect(text).toContain('Billing North: tier mix');
    // 3 eligible agents in the organisation's ranking; Priya's numbers are the best.
    expect(text).toContain('*Top*\\nPriya Shah');
  });

  it('tiers shows a lead, privately, the tier mix and the funnel of the rate with most agents worse beyond chance, and who they are', async () => {
    const answer = await h.command(USERS.lead1, 'tiers');
    expect(answer.response_type).toBe('ephemeral');
    const images = (answer.blocks as { type: string; alt_text?: string }[]).filter(
      (b) => b.type === 'image',
    );
    // At most two images a view: the tier mix, then one funnel (CSAT: the rate with the
    // most agents below its 99.8% limits here, and first on a tie).
    expect(images.map((b) => b.alt_text)).toEqual([
      expect.stringMatching(/^Tier mix for Billing North/),
      expect.stringMatching(
        /^CSAT for Billing North by agent: .* 1 agent is below the 99\.8% limits/,
      ),
    ]);
    expect(textOf(answer.blocks)).toContain('Worse than the team beyond chance');
  });

  it('metric csat adds the CSAT funnel for a lead; metric aht (a mean) has none', async () => {
    const csat = await h.command(USERS.lead1, 'metric csat');
    const alts = (csat.blocks as { type: string; alt_text?: string }[])
      .filter((b) => b.type === 'image')
      .map((b) => b.alt_text);
    expect(alts).toContainEqual(expect.stringMatching(/^CSAT for Billing North by agent: /));
    const aht = await h.command(USERS.lead1, 'metric aht');
    expect(JSON.stringify(aht.blocks)).not.toContain('by agent:');
    expect(textOf(aht.blocks)).not.toContain('Worse than the team beyond chance');
  });

  it('tiers is refused to an agent', async () => {
    expect((await h.command(USERS.priya, 'tiers')).text).toBe(
      'Only team leads and directors can see that.',
    );
  });

  it('mix reports the contact-reason mix (none imported here)', async () => {
    expect(sections(await h.command(USERS.lead1, 'mix'))).toContain(
      'No contact-reason data for this team yet.',
    );
  });

  it('enablement shows the funnel and who is stuck, to the lead', async () => {
    const text = sections(await h.command(USERS.lead1, 'enablement'));
    expect(text).toContain('*refund-policy-v2*');
    expect(text).toContain('Lee Chen');
  });

  it('enablement shows the funnel but no names to an agent', async () => {
    const text = sections(await h.command(USERS.priya, 'enablement'));
    expect(text).toContain('*refund-policy-v2*');
    expect(text).not.toContain('Lee Chen');
  });

  it('enablement <unknown initiative> names the known ones', async () => {
    expect((await h.command(USERS.lead1, 'enablement onboarding')).text).toBe(
      'No initiative called “onboarding”. Known: refund-policy-v2.',
    );
  });

  it('digest is for directors only', async () => {
    expect((await h.command(USERS.lead1, 'digest')).text).toBe('Only directors can see that.');
    expect(sections(await h.command(USERS.director, 'digest'))).toContain(
      'Director digest: 2 teams',
    );
  });

  it('a director asking for a team view without naming a team is asked which', async () => {
    expect((await h.command(USERS.director, 'tiers')).text).toBe(
      'Which team? Try `/teamhealth team &lt;name or id&gt;`.',
    );
  });

  it('unknown input gets usage help, not an error', async () => {
    const answer = await h.command(USERS.lead1, 'frobnicate now');
    expect(sections(answer)).toContain('I don’t know “frobnicate now”.');
    expect(sections(answer)).toContain('/teamhealth metric');
  });

  it('an agent asking for another team is refused like any other scope', async () => {
    expect((await h.command(USERS.priya, 'team Returns East')).text).toBe(
      'That team isn’t one of yours, so I can’t show it.',
    );
  });
});

describe('the report cache handed to the app', () => {
  it('answers the slash command from it', async () => {
    h.reports.invalidate();
    await h.command(USERS.lead1, '');
    expect(h.reports.size).toBe(1);
  });

  it('builds App Home from it', async () => {
    h.reports.invalidate();
    const before = h.slack.callsTo('views.publish').length;
    await h.event({
      event: { type: 'app_home_opened', user: USERS.lead1, channel: 'DLEAD1', tab: 'home' },
      event_id: 'EvCacheHome',
    });
    await h.waitFor(
      () => h.slack.callsTo('views.publish').length > before,
      'views.publish for the Home',
    );
    expect(h.reports.size).toBe(1);
  });
});
