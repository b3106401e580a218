/**
 * The team-channel cadence (issue 15) over the real job, the real delivery engine and
 * the Slack stand-in: a week of days, Monday 23 to Sunday 29 November 2026, each run at
 * 10:00 London as the scheduler would, each day's data imported the night before.
 * Every agent works exactly the same every day (org.ts's agents without their weekly
 * wobble), so a quiet day is truly quiet: no limit crossed, no run, no drift, no trend.
 * Alpha (C1) gets two planted changes: CSAT collapses on Tuesday 24th (reported on
 * Wednesday) and handle time jumps on Friday 27th (reported on Saturday). Bravo (C2)
 * has a quiet week.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBS } from '../../jobs/index.ts';
import { renderSpec } from '../../src/charts/renderer.ts';
import { addDays } from '../../src/domain/dates.ts';
import type { AgentDay } from '../../src/domain/records.ts';
import {
  DEFAULT_WEEKLY_SLOT,
  localClock,
  parseTeamPosts,
  teamCadence,
} from '../../src/domain/team-cadence.ts';
import { createDelivery, createSlackClient } from '../../src/slack/delivery/index.ts';
import type { Store } from '../../src/store/types.ts';
import { AGENTS, AS_OF, buildOrg, day, seedStandIn } from '../../support/jobs/org.ts';
import { quietLogger, quietSlackLogger } from '../../support/quiet-logger.ts';
import { type SlackStandIn, startStandIn } from '../../support/slack-stand-in.ts';
import { fakeClock } from '../slack/delivery/fake-clock.ts';

const WEEK = Array.from({ length: 7 }, (_, i) => addDays('2026-11-23', i));
const CSAT_DROP = '2026-11-24';
const AHT_JUMP = '2026-11-27';

let slack: SlackStandIn;
let org: Awaited<ReturnType<typeof buildOrg>>;
let store: Store;

/** One day of every agent, each as on every other day (day index 3: no wobble), with the plants. */
function rowsFor(date: string): AgentDay[] {
  return AGENTS.map((agent) => {
    const row = day(agent, Number(agent.id.slice(1)) - 1, date, 3);
    if (agent.team_id === 'T1' && date === CSAT_DROP) row.csat_positive = 1;
    if (agent.team_id === 'T1' && date === AHT_JUMP)
      row.handle_time_sec = (row.handle_time_sec ?? 0) * 2;
    return row;
  });
}

async function runDay(date: string): Promise<void> {
  const at = Date.parse(`${date}T10:00:00Z`); // 10:00 in London (GMT in November)
  const messages = await JOBS['team-charts'].run({
    store,
    now: new Date(at),
    asOf: addDays(date, -1),
    render: async (spec) => renderSpec(spec),
    scheduled: true,
  });
  const client = createSlackClient({
    token: slack.token,
    apiUrl: slack.apiUrl,
    logger: quietSlackLogger,
  });
  const delivery = createDelivery({
    client,
    store,
    logger: quietLogger,
    clock: fakeClock(at),
    limits: { backoffBaseMs: 5, backoffCapMs: 20, perChannelMs: 0 },
  });
  await delivery.deliverAll(messages);
}

const posts = () =>
  slack.okCalls('chat.postMessage').map((call) => ({
    channel: String(call.params.channel),
    text: String(call.params.text),
    blocks: JSON.stringify(call.params.blocks ?? []),
    images: ((call.params.blocks ?? []) as { type: string }[]).filter((b) => b.type === 'image')
      .length,
  }));

beforeAll(async () => {
  slack = await startStandIn();
  seedStandIn(slack);
  org = await buildOrg();
  store = org.store;
  // The 70 days org.ts wrote, replaced by the same day over and over.
  const past = Array.from({ length: 72 }, (_, i) => addDays(AS_OF, 2 - i));
  await store.kpis.upsertMany({ rows: past.flatMap(rowsFor) });
}, 60_000);
afterAll(async () => {
  await slack?.stop();
  await org?.close();
});

describe('a week of the team-channel cadence', () => {
  const perDay: { date: string; posts: ReturnType<typeof posts> }[] = [];

  it('posts the weekly dashboard on Monday, then only on the days something changed', async () => {
    for (const date of WEEK) {
      const before = posts().length;
      await runDay(date);
      // A second run the same day (another instance, a retry) posts nothing more.
      await runDay(date);
      perDay.push({ date, posts: posts().slice(before) });
      await store.kpis.upsertMany({ rows: rowsFor(date) }); // tonight's import
    }
    const summary = perDay.map((d) => [d.date, d.posts.map((p) => p.channel).sort()]);
    expect(summary).toEqual([
      ['2026-11-23', ['C1', 'C2']], // Monday: the weekly dashboards
      ['2026-11-24', []],
      ['2026-11-25', ['C1']], // CSAT collapsed on the 24th
      ['2026-11-26', []],
      ['2026-11-27', []],
      ['2026-11-28', ['C1']], // handle time jumped on the 27th
      ['2026-11-29', []],
    ]);
  }, 240_000);

  it('gives every post exactly one image', () => {
    for (const d of perDay) for (const p of d.posts) expect(p.images, d.date).toBe(1);
  });

  it('names the change and carries the chart that shows it', () => {
    const wednesday = perDay[2]?.posts[0];
    expect(wednesday?.blocks).toContain('what changed');
    expect(wednesday?.blocks).toMatch(
      /\*CSAT\*: a day beyond its control limits on the worse side \(24 Nov\)/,
    );
    // The detail chart is CSAT's trend with its limits.
    expect(wednesday?.blocks).toMatch(/"alt_text":"CSAT for Alpha /);
    const saturday = perDay[5]?.posts[0];
    expect(saturday?.blocks).toMatch(
      /\*Handle time\*: a day beyond its control limits on the worse side \(27 Nov\)/,
    );
    expect(saturday?.blocks).toMatch(/"alt_text":"Handle time for Alpha /);
    expect(saturday?.blocks).not.toMatch(/CSAT\*: a day beyond/); // already said on Wednesday
    const monday = perDay[0]?.posts.find((p) => p.channel === 'C1');
    expect(monday?.blocks).toMatch(/"alt_text":"Team health for Alpha/);
  });

  it('posts nothing twice when the whole week is run again', async () => {
    const before = posts().length;
    for (const date of WEEK) await runDay(date);
    expect(posts().length).toBe(before);
  }, 240_000);
});

describe('cadence rules', () => {
  it('waits for the team’s time of day when scheduled, not when run by hand', () => {
    const early = { date: '2026-11-23', weekday: 1, minutes: 7 * 60 };
    expect(teamCadence(early, DEFAULT_WEEKLY_SLOT, true).post).toBe('none');
    expect(teamCadence(early, DEFAULT_WEEKLY_SLOT, true, true)).toEqual({
      post: 'weekly',
      period: 'weekly|2026-W48',
    });
  });

  it('introduces a team never posted to with the dashboard, whatever the day', () => {
    const tuesday = { date: '2026-11-24', weekday: 2, minutes: 600 };
    expect(teamCadence(tuesday, DEFAULT_WEEKLY_SLOT, false).post).toBe('weekly');
    expect(teamCadence(tuesday, DEFAULT_WEEKLY_SLOT, true)).toEqual({
      post: 'changes',
      period: 'changes|2026-11-24',
    });
  });

  it('reads the team’s local clock in its own zone', () => {
    // 23:30 UTC on Sunday is already Monday 07:30 in Manila.
    expect(localClock('Asia/Manila', new Date('2026-11-22T23:30:00Z'))).toEqual({
      date: '2026-11-23',
      weekday: 1,
      minutes: 7 * 60 + 30,
    });
  });

  it('parses TEAMHEALTH_TEAM_POSTS with per-team overrides, and refuses nonsense', () => {
    expect(parseTeamPosts('tue 08:15; T2=fri 16:30')).toEqual({
      default: { weekday: 2, hour: 8, minute: 15 },
      teams: { T2: { weekday: 5, hour: 16, minute: 30 } },
    });
    expect(() => parseTeamPosts('someday 25:00')).toThrow(/not a weekly time/);
  });
});
