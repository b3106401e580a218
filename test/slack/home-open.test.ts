/**
 * App Home's "Open" button on a team row, over real HTTP against the stand-in. A Home tab
 * click has no response_url, so the team's full view arrives as a message in the
 * person's DM with the app (chat.postMessage to their user id, through the delivery
 * engine); the same button pressed on a message answers ephemerally at its response_url.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../blocks/ids.ts';
import { encodeQuery } from '../../src/domain/query.ts';
import { sendBlockActions } from '../../support/signed-requests.ts';
import { type Harness, SECRET, startHarness, textOf } from '../../support/slack/harness.ts';
import { USERS } from '../../support/slack/org.ts';
import type { RecordedCall } from '../../support/slack-stand-in.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
beforeEach(() => h.slack.reset());

type Block = { type: string; accessory?: { action_id?: string; value?: string } };

/** Presses Open on the Home tab (no response_url, no channel) and waits for the DM. */
async function openFromHome(user: string, value: string): Promise<RecordedCall> {
  const sent = await sendBlockActions(h.url, SECRET, {
    user_id: user,
    view: { id: 'V0HOME', type: 'home' },
    actions: [{ action_id: ACTION.openTeam, value }],
  });
  expect(sent.status).toBe(200);
  return h.waitFor(
    () => h.slack.okCalls('chat.postMessage').find((c) => c.params.channel === user),
    `the DM to ${user}`,
  );
}

/** The Open buttons of the Home published for `user`, by the value they carry. */
async function homeButtons(user: string, eventId: string): Promise<string[]> {
  await h.event({
    event: { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home' },
    event_id: eventId,
  });
  const call = await h.waitFor(
    () => h.slack.callsTo('views.publish', (c) => c.ok && c.params.user_id === user)[0],
    `views.publish for ${user}`,
  );
  const blocks = (call.params.view as { blocks: Block[] }).blocks;
  return blocks.flatMap((b) =>
    b.accessory?.action_id === ACTION.openTeam ? [b.accessory.value ?? ''] : [],
  );
}

/** Blocks with uploaded file ids blanked, to compare two answers that uploaded separately. */
const withoutFileIds = (blocks: unknown) =>
  JSON.parse(JSON.stringify(blocks).replace(/"slack_file":\{"id":"[^"]*"\}/g, '"slack_file":{}'));

describe('Open on an App Home team row', () => {
  it('gives a lead one Open button per team they lead, naming that team', async () => {
    expect(await homeButtons(USERS.lead1, 'EvOPEN-L1')).toEqual([
      encodeQuery({ view: 'team', team: 'T1' }),
    ]);
  });

  it('gives a director an Open button for every team', async () => {
    expect(await homeButtons(USERS.director, 'EvOPEN-D1')).toEqual([
      encodeQuery({ view: 'team', team: 'T1' }),
      encodeQuery({ view: 'team', team: 'T2' }),
    ]);
  });

  it('posts the lead’s own team view to their DM, exactly what /teamhealth team T1 shows', async () => {
    const [value] = await homeButtons(USERS.lead1, 'EvOPEN-L2');
    const dm = await openFromHome(USERS.lead1, value ?? '');
    const typed = await h.command(USERS.lead1, 'team T1');
    expect(dm.params.text).toBe(typed.text);
    expect(withoutFileIds(dm.params.blocks)).toEqual(withoutFileIds(typed.blocks));
    const text = textOf(dm.params.blocks);
    expect(text).toContain('Billing North: team health');
    // The view's own buttons come along, so the lead can switch metric or share from the DM.
    expect(text).toContain(ACTION.metric);
    expect(text).toContain(ACTION.share);
    // The chart was uploaded privately (no channel) and is shown through slack_file.
    const complete = h.slack.okCalls('files.completeUploadExternal');
    expect(complete.length).toBeGreaterThan(0);
    expect(complete.every((c) => c.params.channel_id === undefined)).toBe(true);
    expect(text).toMatch(/"slack_file":\{"id":"F/);
    // Delivered through the engine, recorded in the ledger for the lead's DM.
    const ledger = await h.store.deliveries.list({ job: 'home-open' });
    expect(ledger.some((d) => d.target === USERS.lead1 && d.status === 'sent')).toBe(true);
  });

  it('lets a director open any team', async () => {
    const dm = await openFromHome(USERS.director, encodeQuery({ view: 'team', team: 'T2' }));
    expect(textOf(dm.params.blocks)).toContain('Returns East: team health');
  });

  it('refuses a forged value naming another lead’s team, like the typed command', async () => {
    const dm = await openFromHome(USERS.lead1, encodeQuery({ view: 'team', team: 'T2' }));
    expect(dm.params.text).toBe('That team isn’t one of yours, so I can’t show it.');
    expect(textOf(dm.params)).not.toContain('Returns East');
    expect(h.slack.okCalls('files.getUploadURLExternal')).toHaveLength(0);
    const typed = await h.command(USERS.lead1, 'team T2');
    expect(typed.text).toBe(dm.params.text);
  });

  it('refuses an agent another team, and tells a stranger how to get access', async () => {
    const agent = await openFromHome(USERS.priya, encodeQuery({ view: 'team', team: 'T2' }));
    expect(agent.params.text).toBe('That team isn’t one of yours, so I can’t show it.');
    const stranger = await openFromHome(USERS.nobody, encodeQuery({ view: 'team', team: 'T1' }));
    expect(textOf(stranger.params.blocks)).toContain('To get access');
    expect(textOf(stranger.params.blocks)).not.toContain('Billing North');
  });

  it('answers only with a team summary, whatever else a forged value asks for', async () => {
    // A lead asking, through this button, for the director digest gets usage help, not the digest.
    const dm = await openFromHome(USERS.lead1, encodeQuery({ view: 'digest' }));
    expect(textOf(dm.params.blocks)).toContain('How to use /teamhealth');
    expect(textOf(dm.params.blocks)).not.toContain('Director digest');
  });

  it('answers ephemerally when the button was pressed on a message', async () => {
    const answer = await h.press(USERS.lead1, {
      action_id: ACTION.openTeam,
      value: encodeQuery({ view: 'team', team: 'T1' }),
    });
    expect(answer.response_type).toBe('ephemeral');
    expect(textOf(answer.blocks)).toContain('Billing North: team health');
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
