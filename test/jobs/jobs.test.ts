/**
 * Every job against the Slack stand-in, the real WebClient and engine, and a real
 * embedded store (support/jobs/org.ts). The clock is Monday 2026-11-23 10:00 London, inside
 * working hours, so DMs go out at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOB_NAMES, JOBS, startScheduler } from '../../jobs/index.ts';
import { renderSpec } from '../../src/charts/renderer.ts';
import { buildOrgReport } from '../../src/reporting/build-org-report.ts';
import {
  createDelivery,
  createSlackClient,
  type OutgoingMessage,
} from '../../src/slack/delivery/index.ts';
import type { Store } from '../../src/store/types.ts';
import { AGENTS, AS_OF, buildOrg, seedStandIn } from '../../support/jobs/org.ts';
import { quietLogger, quietSlackLogger } from '../../support/quiet-logger.ts';
import { type SlackStandIn, startStandIn } from '../../support/slack-stand-in.ts';
import { fakeClock } from '../slack/delivery/fake-clock.ts';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const render = async (spec: Parameters<typeof renderSpec>[0]) => renderSpec(spec);

let slack: SlackStandIn;
let org: Awaited<ReturnType<typeof buildOrg>>;
let store: Store;

beforeEach(async () => {
  slack = await startStandIn();
  seedStandIn(slack);
  org = await buildOrg();
  store = org.store;
});
afterEach(async () => {
  await slack.stop();
  await org.close();
});

function engine() {
  const client = createSlackClient({
    token: slack.token,
    apiUrl: slack.apiUrl,
    logger: quietSlackLogger,
  });
  return createDelivery({
    client,
    store,
    logger: quietLogger,
    clock: fakeClock(NOW),
    limits: { backoffBaseMs: 5, backoffCapMs: 20, perChannelMs: 0 },
  });
}

async function messagesOf(jobs: readonly string[] = JOB_NAMES): Promise<OutgoingMessage[]> {
  const out: OutgoingMessage[] = [];
  for (const job of jobs)
    out.push(
      ...(await JOBS[job as keyof typeof JOBS].run({
        store,
        now: new Date(NOW),
        asOf: AS_OF,
        render,
        digestChannel: 'CDIG',
      })),
    );
  return out;
}

const textOf = (call: { params: Record<string, unknown>; blocks?: unknown[] }) =>
  `${String(call.params.text)} ${JSON.stringify(call.blocks ?? [])}`;

describe('job content', () => {
  it('team-charts posts one message per team on its weekly day, with one image: the dashboard', async () => {
    // NOW is Monday 23 Nov, 10:00 in London: the default weekly slot (Monday 09:00) has come.
    const messages = await JOBS['team-charts'].run({
      store,
      now: new Date(NOW),
      asOf: AS_OF,
      render,
    });
    expect(messages.map((m) => [m.target, m.period])).toEqual([
      ['C1', 'weekly|2026-W48'],
      ['C2', 'weekly|2026-W48'],
    ]);
    expect(messages[0]?.files?.map((f) => f.filename)).toEqual(['T1-dashboard.png']);
    expect(messages[0]?.blocks.filter((b) => b.type === 'image')).toHaveLength(1);
  });

  it('peer-nudges carries the leader’s consented tip on the most needed metric', async () => {
    const [alpha, bravo] = await JOBS['peer-nudges'].run({
      store,
      now: new Date(NOW),
      asOf: AS_OF,
      render,
    });
    // Alpha: CSAT is every learner’s weakest, led by Ada, who shared a named CSAT tip.
    expect(alpha?.period).toBe('2026-W47');
    expect(JSON.stringify(alpha?.blocks)).toContain("Ada's way with csat");
    // Bravo’s leader’s only tip is unconsented: recognised and invited instead, tip never shown.
    expect(JSON.stringify(bravo?.blocks)).toContain('would you share');
    expect(JSON.stringify(bravo?.blocks)).not.toContain('Unnamed tip');
  });

  it('recognition names the top agent and the most improved, never the lagging tier', async () => {
    const [alpha] = await JOBS.recognition.run({ store, now: new Date(NOW), asOf: AS_OF, render });
    const text = JSON.stringify(alpha?.blocks);
    expect(text).toContain('Top of the team* (balanced across quality and speed): Ada Alpha');
    expect(text).toContain('Most improved* since the previous weeks: Eli Alpha');
    expect(text).not.toContain('Fay Alpha');
    expect(text).not.toMatch(/lagging/i);
  });

  it('coaching-dms goes to each tiered agent, skipping the snoozed', async () => {
    await store.settings.upsert({
      settings: {
        slack_user_id: 'UA2',
        snoozed_until: '2026-12-20T00:00:00Z',
        updated_at: '2026-11-01T00:00:00Z',
      },
    });
    const messages = await JOBS['coaching-dms'].run({
      store,
      now: new Date(NOW),
      asOf: AS_OF,
      render,
    });
    expect(messages.map((m) => m.target).sort()).toEqual([
      'UA1',
      'UA3',
      'UA4',
      'UA5',
      'UA6',
      'UB1',
      'UB2',
      'UB3',
      'UB4',
      'UB5',
    ]);
    expect(messages.every((m) => m.kind === 'dm' && !/lagging/i.test(JSON.stringify(m)))).toBe(
      true,
    );
  });

  it('director-digest goes to the digest channel with the organisation dashboard and the tier-mix chart, and not at all without one', async () => {
    const [digest] = await JOBS['director-digest'].run({
      store,
      now: new Date(NOW),
      asOf: AS_OF,
      render,
      digestChannel: 'CDIG',
    });
    expect(digest?.target).toBe('CDIG');
    expect(digest?.files?.map((f) => f.filename)).toEqual([
      'org-dashboard.png',
      'org-tier-mix-teams.png',
    ]);
    expect(
      await JOBS['director-digest'].run({ store, now: new Date(NOW), asOf: AS_OF, render }),
    ).toEqual([]);
  });
});

describe('delivery through the stand-in', () => {
  it('delivers every message once; a re-run posts nothing new', async () => {
    const messages = await messagesOf();
    const first = await engine().deliverAll(messages);
    expect(first.summary.sent).toBe(messages.length);
    const before = slack.okCalls('chat.postMessage').length;
    const again = await engine().deliverAll(await messagesOf());
    expect(again.summary.sent).toBe(0);
    expect(slack.okCalls('chat.postMessage').length).toBe(before);
  });

  it('with injected 429s and 5xx still posts each message exactly once', async () => {
    const messages = await messagesOf(['team-charts', 'peer-nudges', 'coaching-dms']);
    slack.failNext('chat.postMessage', { kind: 'ratelimited', retryAfter: 1 }, 2);
    slack.failNext('chat.postMessage', { kind: 'http', status: 503 }, 2);
    const { summary } = await engine().deliverAll(messages);
    expect(summary.failed).toEqual([]);
    const keys = slack
      .okCalls('chat.postMessage')
      .map((c) => JSON.stringify((c.params.metadata as { event_payload: unknown }).event_payload));
    expect(keys.length).toBe(messages.length);
    expect(new Set(keys).size).toBe(messages.length);
  });

  it('sends a second coaching DM in the same week to nobody', async () => {
    await engine().deliverAll(await messagesOf(['coaching-dms']));
    // A run for the next week's data, a day later: the 7-day cap from the ledger holds.
    const later = await JOBS['coaching-dms'].run({
      store,
      now: new Date(NOW + 86_400_000),
      asOf: '2026-11-23',
      render,
    });
    expect(later).toEqual([]);
  });
});

describe('privacy on the recorded calls', () => {
  it('names no lagging agent in any channel post, and no DM carries another agent’s name except a tip author', async () => {
    await engine().deliverAll(await messagesOf());
    const report = await buildOrgReport({ store, asOf: AS_OF });
    const lagging = report.teams.flatMap((t) =>
      t.agents.filter((a) => a.tier === 'lagging').map((a) => a.name),
    );
    expect(lagging).toEqual(['Fay Alpha', 'Eli Bravo']);
    const posts = slack.okCalls('chat.postMessage');
    const channelPosts = posts.filter((c) => String(c.params.channel).startsWith('C'));
    expect(channelPosts.length).toBeGreaterThan(0);
    for (const call of channelPosts)
      for (const name of lagging) expect(textOf(call)).not.toContain(name);
    const dms = posts.filter((c) => !String(c.params.channel).startsWith('C'));
    expect(dms.length).toBe(11);
    for (const call of dms) {
      const text = textOf(call);
      const others = AGENTS.filter((a) => text.includes(a.name)).map((a) => a.name);
      // Their own name, and Ada Alpha only as the author of a consented tip.
      const own = others.filter((n) => !(n === 'Ada Alpha' && text.includes('A tip on')));
      expect(own.length).toBeLessThanOrEqual(1);
      expect(text).not.toMatch(/lagging/i);
    }
  });
});

describe('scheduler', () => {
  it('two schedulers sharing one store run each job once', async () => {
    const delivery = engine();
    const deps = {
      store,
      delivery,
      render,
      digestChannel: 'CDIG',
      logger: quietLogger,
      now: () => new Date(NOW),
    };
    const a = await startScheduler({ ...deps, holder: 'a' });
    const b = await startScheduler({ ...deps, holder: 'b' });
    try {
      const firedAt = new Date(NOW);
      const results = await Promise.all(
        JOB_NAMES.flatMap((job) => {
          const zone = JOBS[job].schedule.perTeamTimeZone ? 'Europe/London' : null;
          return [a.trigger(job, zone, firedAt), b.trigger(job, zone, firedAt)];
        }),
      );
      // For each job exactly one of the pair ran (a summary), the other found the lease taken (null).
      for (let i = 0; i < results.length; i += 2)
        expect([results[i], results[i + 1]].filter((r) => r !== null)).toHaveLength(1);
      const keys = slack
        .okCalls('chat.postMessage')
        .map((c) =>
          JSON.stringify((c.params.metadata as { event_payload: unknown }).event_payload),
        );
      expect(new Set(keys).size).toBe(keys.length);
      expect(a.tasks).toBe(5);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
