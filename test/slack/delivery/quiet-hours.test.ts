/**
 * The hold decision against the stand-in (users.info for a time zone) and the fake
 * store's settings cache. 2026-11-23 is a Monday.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQuietHours, type QuietHours } from '../../../src/slack/delivery/quiet-hours.ts';
import { fakeClock } from './fake-clock.ts';
import { type Harness, message, startHarness } from './harness.ts';

let h: Harness;
let quiet: QuietHours;
const at = (iso: string) => {
  const clock = fakeClock(Date.parse(iso));
  quiet = createQuietHours({
    client: h.client,
    store: h.store,
    clock,
    step: (_name, call) => call(),
    workingHours: { start: '09:00', end: '17:00' },
  });
};
beforeEach(async () => {
  h = await startHarness({ store: 'fake' });
});
afterEach(async () => {
  await h.stop();
});

const dm = (target: string, extra = {}) =>
  message(target, { kind: 'dm', job: 'coaching-dms', ...extra });

describe('holdUntil', () => {
  it('sends a post at once, whatever the hour', async () => {
    at('2026-11-23T23:00:00Z');
    expect(await quiet.holdUntil(message('C1'))).toBeNull();
  });

  it('holds a DM outside the recipient’s hours until their next 09:00', async () => {
    // Monday 18:00 in Manila → Tuesday 09:00 Manila (01:00 UTC).
    at('2026-11-23T10:00:00Z');
    expect(await quiet.holdUntil(dm('UMNL'))).toEqual(new Date('2026-11-24T01:00:00Z'));
    expect(await quiet.holdUntil(dm('ULON'))).toBeNull();
  });

  it('asks users.info for a time zone once, then reads it from the settings cache', async () => {
    at('2026-11-23T10:00:00Z');
    await quiet.holdUntil(dm('UNYC'));
    await quiet.holdUntil(dm('UNYC', { period: 'p2' }));
    expect(h.slack.callsTo('users.info')).toHaveLength(1);
    expect((await h.store.settings.get({ slackUserId: 'UNYC' }))?.tz).toBe('America/New_York');
  });

  it('uses a time zone the message carries without asking Slack', async () => {
    at('2026-11-23T10:00:00Z');
    expect(await quiet.holdUntil(dm('UMNL', { tz: 'Europe/London' }))).toBeNull();
    expect(h.slack.callsTo('users.info')).toHaveLength(0);
  });

  it('waits for the later of notBefore and the ledger’s not_before', async () => {
    at('2026-11-23T10:00:00Z');
    const notBefore = new Date('2026-11-23T12:00:00Z');
    expect(await quiet.holdUntil(message('C1', { notBefore }), '2026-11-23T11:00:00.000Z')).toEqual(
      notBefore,
    );
    expect(await quiet.holdUntil(message('C1'), '2026-11-23T11:00:00.000Z')).toEqual(
      new Date('2026-11-23T11:00:00Z'),
    );
    // A not_before already past holds nothing.
    expect(await quiet.holdUntil(message('C1'), '2026-11-23T09:00:00.000Z')).toBeNull();
  });
});
