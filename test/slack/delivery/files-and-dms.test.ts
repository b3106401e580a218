/**
 * Charts through the private files.uploadV2 flow, and DMs held to the recipient's working
 * hours. DM tests share one fake clock between the engine and the stand-in, so "now" is
 * a chosen instant (2026-11-27 is a Friday; offsets in working-hours.test.ts).
 */
import type { KnownBlock } from '@slack/types';
import { afterEach, describe, expect, it } from 'vitest';
import { deliveryKey } from '../../../src/domain/surfaces.ts';
import { fileRef } from '../../../src/slack/delivery/file-refs.ts';
import { fakeClock } from './fake-clock.ts';
import { type Harness, message, startHarness } from './harness.ts';

let h: Harness;
afterEach(async () => {
  await h.stop();
});

const png = (size: number) => Buffer.alloc(size, 7);
const chart = (filename: string, size: number) => ({
  filename,
  bytes: png(size),
  alt_text: `${filename}: CSAT rose 3 points`,
  title: filename,
});

describe('files', () => {
  it('uploads privately, in order, and shows the file by slack_file id', async () => {
    h = await startHarness();
    const blocks: KnownBlock[] = [
      { type: 'section', text: { type: 'mrkdwn', text: 'Trend' } },
      { type: 'image', alt_text: 'trend', slack_file: { id: fileRef('trend.png') } },
    ];
    const outcome = await h
      .engine()
      .deliver(message('C1', { blocks, files: [chart('trend.png', 1234)] }));
    expect(outcome.status).toBe('sent');
    expect(h.slack.calls.map((c) => c.method)).toEqual([
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
      'chat.postMessage',
    ]);
    const [file] = [...h.slack.files.values()];
    expect(file).toMatchObject({
      filename: 'trend.png',
      length: 1234,
      uploadedBytes: 1234,
      channels: [],
    });
    const complete = h.slack.callsTo('files.completeUploadExternal')[0];
    expect(complete?.params).not.toHaveProperty('channel_id');
    expect(complete?.params).not.toHaveProperty('channels');
    expect(complete?.params.files).toEqual([{ id: file?.id, title: 'trend.png' }]);
    expect(h.slack.messages('C1')[0]?.blocks?.[1]).toEqual({
      type: 'image',
      alt_text: 'trend',
      slack_file: { id: file?.id },
    });
  });

  it('appends an image block for a file no block refers to, rather than dropping it', async () => {
    h = await startHarness();
    await h.engine().deliver(message('C1', { files: [chart('extra.png', 10)] }));
    const blocks = h.slack.messages('C1')[0]?.blocks ?? [];
    expect(blocks).toHaveLength(2);
    expect(blocks[1]).toMatchObject({ type: 'image', alt_text: 'extra.png: CSAT rose 3 points' });
  });

  it('retries a just-uploaded file that Slack briefly calls invalid, posting once', async () => {
    h = await startHarness({ fileReadyDelayMs: 120 });
    const blocks: KnownBlock[] = [
      { type: 'image', alt_text: 'a', slack_file: { id: fileRef('a.png') } },
    ];
    const outcome = await h
      .engine({ limits: { fileReadyWaitMs: 100 } })
      .deliver(message('C1', { blocks, files: [chart('a.png', 5)] }));
    const posts = h.slack.callsTo('chat.postMessage');
    expect(posts[0]?.error).toBe('invalid_blocks');
    expect(posts.at(-1)?.ok).toBe(true);
    expect(outcome.status).toBe('sent');
    expect(h.slack.messages('C1')).toHaveLength(1);
  });

  it('records failure when the file stays unusable past the retries', async () => {
    h = await startHarness({ fileReadyDelayMs: 3_600_000 });
    const outcome = await h
      .engine({ limits: { fileReadyRetries: 2, fileReadyWaitMs: 1, perChannelMs: 0 } })
      .deliver(message('C1', { files: [chart('a.png', 5)] }));
    expect(outcome).toMatchObject({
      status: 'failed',
      error: 'invalid_blocks: invalid slack file',
    });
    // First try + 2 retries.
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it('refuses a block that refers to a file the message does not carry', async () => {
    h = await startHarness();
    const blocks: KnownBlock[] = [
      { type: 'image', alt_text: 'a', slack_file: { id: fileRef('missing.png') } },
    ];
    await expect(h.engine().deliver(message('C1', { blocks }))).rejects.toThrow(/missing.png/);
  });
});

describe('DMs in working hours', () => {
  const coaching = (target: string) =>
    message(target, { job: 'coaching-dms', period: '2026-W48', kind: 'dm' });
  const key = (target: string) => deliveryKey('coaching-dms', '2026-W48', target);

  it('sends London now, holds Manila and New York until their 09:00, and sends them in later runs', async () => {
    const clock = fakeClock(Date.parse('2026-11-27T10:00:00Z'));
    h = await startHarness({ now: () => clock.now().getTime() });
    const engine = h.engine({ clock });
    const batch = ['ULON', 'UMNL', 'UNYC'].map(coaching);

    const friday = await engine.deliverAll(batch);
    expect(friday.summary).toMatchObject({ sent: 1, held: 2 });
    expect(h.slack.messages('ULON')).toHaveLength(1);
    // Friday 18:00 Manila → Monday 09:00 Manila; Friday 05:00 New York → 09:00 New York.
    expect(await h.store.deliveries.get({ key: key('UMNL') })).toMatchObject({
      status: 'held',
      not_before: '2026-11-30T01:00:00.000Z',
    });
    expect(await h.store.deliveries.get({ key: key('UNYC') })).toMatchObject({
      status: 'held',
      not_before: '2026-11-27T14:00:00.000Z',
    });
    expect(h.slack.callsTo('users.info')).toHaveLength(3);

    clock.set(Date.parse('2026-11-27T14:30:00Z'));
    const afternoon = await engine.deliverAll(batch);
    expect(afternoon.summary).toMatchObject({ sent: 1, skipped: 1, held: 1 });
    expect(h.slack.messages('UNYC')).toHaveLength(1);
    // Time zones are cached in settings: no second users.info.
    expect(h.slack.callsTo('users.info')).toHaveLength(3);

    clock.set(Date.parse('2026-11-30T01:30:00Z'));
    const monday = await engine.deliverAll(batch);
    expect(monday.summary).toMatchObject({ sent: 1, skipped: 2, held: 0 });
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it('holds a DM over the weekend in the recipient zone', async () => {
    const clock = fakeClock(Date.parse('2026-11-28T12:00:00Z'));
    h = await startHarness({ now: () => clock.now().getTime() });
    const outcome = await h.engine({ clock }).deliver(coaching('ULON'));
    expect(outcome).toMatchObject({ status: 'held', notBefore: '2026-11-30T09:00:00.000Z' });
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('uses the tz the caller gives without asking Slack', async () => {
    const clock = fakeClock(Date.parse('2026-11-27T10:00:00Z'));
    h = await startHarness({ now: () => clock.now().getTime() });
    const outcome = await h.engine({ clock }).deliver({ ...coaching('UMNL'), tz: 'Europe/London' });
    expect(outcome.status).toBe('sent');
    expect(h.slack.callsTo('users.info')).toHaveLength(0);
  });

  it('records a DM to a deactivated user as account_inactive', async () => {
    const clock = fakeClock(Date.parse('2026-11-27T10:00:00Z'));
    h = await startHarness({ now: () => clock.now().getTime() });
    const { summary } = await h.engine({ clock }).deliverAll([coaching('UGONE')]);
    expect(summary.failed).toEqual([
      { target: 'UGONE', key: key('UGONE'), error: 'account_inactive' },
    ]);
  });

  it('holds a post until notBefore', async () => {
    const clock = fakeClock(Date.parse('2026-11-27T10:00:00Z'));
    h = await startHarness({ now: () => clock.now().getTime() });
    const notBefore = new Date('2026-11-27T12:00:00Z');
    const outcome = await h.engine({ clock }).deliver(message('C1', { notBefore }));
    expect(outcome).toMatchObject({ status: 'held', notBefore: '2026-11-27T12:00:00.000Z' });
  });

  it('reconciles a crashed DM through the DM channel', async () => {
    const clock = fakeClock(Date.parse('2026-11-27T10:00:00Z'));
    h = await startHarness({ now: () => clock.now().getTime() });
    const store = {
      ...h.store,
      deliveries: {
        ...h.store.deliveries,
        update: async (args: Parameters<typeof h.store.deliveries.update>[0]) => {
          if (args.set.status === 'sent') throw new Error('process killed');
          return h.store.deliveries.update(args);
        },
      },
    };
    await expect(h.engine({ clock, store }).deliver(coaching('ULON'))).rejects.toThrow(
      'process killed',
    );
    // The crashed run's claim keeps others off for its 5 minutes; then the next run takes over.
    expect((await h.engine({ clock }).deliver(coaching('ULON'))).status).toBe('in_progress');
    clock.set(clock.now().getTime() + 5 * 60_000);
    const outcome = await h.engine({ clock }).deliver(coaching('ULON'));
    expect(outcome).toMatchObject({ status: 'reconciled', channel: h.slack.dmChannelId('ULON') });
    expect(h.slack.callsTo('conversations.open')).toHaveLength(1);
    expect(h.slack.messages('ULON')).toHaveLength(1);
  });
});
