/**
 * A run killed mid-way, then run again: every intended message reaches Slack exactly once.
 *
 * The real CLI (`node bin/teamhealth.mjs run …`) runs as a child process against the Slack
 * stand-in over HTTP and the real embedded store in a temp folder holding the
 * organisation of support/jobs/org.ts. The stand-in SIGKILLs the child from its answer hook
 * once it has *stored* the Nth chat.postMessage and *before* it writes the answer: the
 * window where Slack has the post but the app's ledger still says "pending, attempted".
 * The second run, once the killed run's claims on its records have run out (5 minutes
 * on the shifted clock), must find that post by its metadata (reconcile.ts:
 * conversations.history) instead of posting it again; posts in flight from the other
 * workers when the child died land in the same window. Nothing here is timed: the kill is triggered by the Nth call.
 *
 * The child's clock: a preload shifts `Date` so the child lives on Tuesday 2026-11-24 from
 * 10:00 UTC (and the stand-in too, so message timestamps and the ledger agree), which is
 * inside working hours in Europe/London, every agent's Slack zone: DMs go out on any day
 * the test runs, none held.
 */
import type { ChildProcess } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { AGENTS, AS_OF } from '../../support/jobs/org.ts';
import type { SlackStandIn } from '../../support/slack-stand-in.ts';
import { type Exit, embeddedEnv, startNode } from '../support/child-process.ts';
import { BIN, type CliWorld, clockPreload, startCliWorld } from './cli-world.ts';

let world: CliWorld;
let slack: SlackStandIn;
let dataDir: string;

/** A killed run's claims keep other runs off its messages for 5 minutes (ledger.ts). */
const CLAIM_TTL_MS = 5 * 60_000;

beforeEach(async () => {
  world = await startCliWorld();
  ({ slack, dataDir } = world);
});
afterEach(() => world.stop());

function runCli(job: string): { child: ChildProcess; done: Promise<Exit> } {
  return startNode(
    [`--import=${clockPreload(world.offsetMs)}`, BIN, 'run', job, '--as-of', AS_OF],
    embeddedEnv(dataDir, {
      SLACK_API_URL: slack.apiUrl,
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: 'stand-in-signing-secret',
      TEAMHEALTH_DIGEST_CHANNEL: 'CDIG',
      TEAMHEALTH_WORKING_HOURS: '09:00-17:00',
      LOG_LEVEL: 'silent',
    }),
  );
}

/** SIGKILLs `child` when the stand-in has stored its `n`th post, before answering it. */
function killAtPost(child: ChildProcess, n: number): () => void {
  let posts = 0;
  return slack.onAnswer((call) => {
    if (call.method !== 'chat.postMessage' || !call.ok) return;
    posts += 1;
    if (posts === n) child.kill('SIGKILL');
  });
}

/**
 * (job, channel) of every post Slack holds, one entry each — including a post whose
 * answer was a 5xx or never reached the killed child. A DM lands in `D<user id>`.
 */
function storedPosts(): string[] {
  return slack.messages().map((m) => `${String(m.metadata?.event_payload.job)} → ${m.channel}`);
}

async function ledger(): Promise<{ status: string; key: string; created_at: string }[]> {
  const store = await openStore({ dataDir });
  try {
    return (await store.deliveries.list({})).map((d) => ({
      status: d.status,
      key: d.key,
      created_at: d.created_at,
    }));
  } finally {
    await store.close();
  }
}

const DM_TARGETS = AGENTS.map((a) => a.slack_user_id as string);

describe('a run killed mid-run and run again (real CLI, SIGKILL from the stand-in)', {
  timeout: 240_000,
}, () => {
  it('coaching DMs: killed as Slack accepts the 4th DM, the re-run delivers each DM exactly once', async () => {
    const first = runCli('coaching-dms');
    const stop = killAtPost(first.child, 4);
    const killed = await first.done;
    stop();
    expect(killed.signal).toBe('SIGKILL');
    const acceptedBeforeKill = slack.okCalls('chat.postMessage').length;
    expect(acceptedBeforeKill).toBeGreaterThanOrEqual(4);
    // The 4th post's answer never reached the child: its ledger record cannot say sent.
    const afterKill = await ledger();
    // The preload took: the child lived on the shifted Tuesday.
    expect(afterKill.every((d) => d.created_at.startsWith('2026-11-24T10:'))).toBe(true);
    expect(afterKill.filter((d) => d.status === 'sent').length).toBeLessThan(acceptedBeforeKill);

    // Run again at once: the killed run's claims still run, so the messages it was working
    // on are left alone (the summary counts them) and only those it never reached are sent.
    const early = await runCli('coaching-dms').done;
    expect(early.code, early.stderr).toBe(0);
    expect(early.stdout).toMatch(/in progress in another process [1-9]/);
    expect(new Set(storedPosts()).size).toBe(storedPosts().length);

    // Once they have run out, the next run takes the records over.
    world.offsetMs += CLAIM_TTL_MS;
    const second = await runCli('coaching-dms').done;
    expect(second.code, second.stderr).toBe(0);
    // The unanswered posts were looked up, not re-posted.
    expect(slack.okCalls('conversations.history').length).toBeGreaterThan(0);
    // Every agent of org.ts has a Slack id and enough data: 11 DMs, one each, none twice.
    expect(storedPosts().sort()).toEqual(
      DM_TARGETS.map((u) => `coaching-dms → ${slack.dmChannelId(u)}`).sort(),
    );
    expect((await ledger()).every((d) => d.status === 'sent')).toBe(true);
  });

  it('every job, with 429s and 5xx injected: killed as Slack accepts the 5th post, the re-run delivers each message exactly once', async () => {
    // First run: a 429 (Retry-After 1 s) on the 2nd post and a 503 on the 4th; second run:
    // a 503 on its first post that comes after Slack stored it (a gateway timeout).
    slack.failCalls('chat.postMessage', [2], { kind: 'ratelimited', retryAfter: 1 });
    slack.failCalls('chat.postMessage', [4], { kind: 'http', status: 503 });
    const first = runCli('all');
    const stop = killAtPost(first.child, 5);
    const killed = await first.done;
    stop();
    expect(killed.signal).toBe('SIGKILL');
    expect(slack.callsTo('chat.postMessage').map((c) => c.status)).toContain(429);

    slack.failNext('chat.postMessage', { kind: 'http', status: 503, afterHandling: true });
    world.offsetMs += CLAIM_TTL_MS;
    const second = await runCli('all').done;
    expect(second.code, second.stderr).toBe(0);
    // Two teams (C1, C2) × team-charts, peer-nudges, recognition; the digest to CDIG;
    // a coaching DM to each of the 11 agents.
    const expected = [
      ...['team-charts', 'peer-nudges', 'recognition'].flatMap((job) => [
        `${job} → C1`,
        `${job} → C2`,
      ]),
      'director-digest → CDIG',
      ...DM_TARGETS.map((u) => `coaching-dms → ${slack.dmChannelId(u)}`),
    ];
    expect(storedPosts().sort()).toEqual(expected.sort());
    expect((await ledger()).every((d) => d.status === 'sent')).toBe(true);
  });
});
