/**
 * Two real processes delivering the coaching DMs at the same time against the Slack
 * stand-in (issue 18.3): every DM reaches Slack exactly once, and between them the two
 * runs' summaries account for every message (sent by one, in progress in the other).
 * Each child is deliver-job-child.ts: `teamhealth run coaching-dms` without the run lease
 * (which would keep them apart), so only the ledger stands between them.
 *
 * The store is whatever the normal config opens for TEAMHEALTH_DATA_DIR: SQLite, which
 * several processes share in WAL mode. Both tests fail (18 and 14 posts for 11 DMs) when
 * the SQLite take-over is made an unconditional update.
 *
 * Both children reach Slack through a small proxy that holds every chat.postMessage until
 * each child has sent one: by then each has claimed or taken over the records it is
 * posting, so the two are certainly working on the job at the same moment (not one after
 * the other), and the second has already tried to take over the first one's records. A
 * take-over that did not compare status, attempts and claim (an unconditional update)
 * would win those records a second time, and post them twice.
 *
 * The children's clock is shifted by a preload to Tuesday 2026-11-24 10:00 UTC, as in
 * killed-run.test.ts (London, every agent's zone, is then in working hours).
 */

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/slack/delivery/index.ts';
import { openStore } from '../../src/store/open.ts';
import { AGENTS, AS_OF } from '../../support/jobs/org.ts';
import type { SlackStandIn } from '../../support/slack-stand-in.ts';
import { type Exit, embeddedEnv, startNode } from '../support/child-process.ts';
import { BIN, type CliWorld, clockPreload, startCliWorld } from './cli-world.ts';

const CHILD = fileURLToPath(new URL('./deliver-job-child.ts', import.meta.url));

const DM_TARGETS = AGENTS.map((a) => a.slack_user_id as string);

/**
 * Forwards `/<child>/api/<method>` to the stand-in, holding every chat.postMessage until
 * each of `children` has sent one (or `giveUpMs` has passed, so a broken run fails the
 * test instead of hanging it).
 */
async function startPostBarrier(
  slack: SlackStandIn,
  children: string[],
  giveUpMs = 60_000,
): Promise<{ url: (child: string) => string; stop: () => Promise<void> }> {
  const posted = new Set<string>();
  let release: () => void = () => {};
  const allPosted = new Promise<void>((resolve) => {
    release = resolve;
    setTimeout(resolve, giveUpMs).unref();
  });
  const server: Server = createServer((req, res) => {
    const [, child = '', ...rest] = (req.url ?? '').split('/');
    const path = rest.join('/');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      if (path.endsWith('chat.postMessage')) {
        posted.add(child);
        if (children.every((c) => posted.has(c))) release();
        await allPosted;
      }
      const answer = await fetch(`${slack.apiUrl}${path.replace(/^api\//, '')}`, {
        method: req.method ?? 'POST',
        headers: Object.fromEntries(
          ['content-type', 'authorization'].flatMap((name) => {
            const value = req.headers[name];
            return typeof value === 'string' ? [[name, value]] : [];
          }),
        ),
        body: Buffer.concat(chunks),
      });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const retryAfter = answer.headers.get('retry-after');
      if (retryAfter) headers['retry-after'] = retryAfter;
      res.writeHead(answer.status, headers);
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (child) => `http://127.0.0.1:${port}/${child}/api/`,
    stop: () =>
      new Promise<void>((resolve) => {
        release();
        server.close(() => resolve());
      }),
  };
}

let world: CliWorld;
let slack: SlackStandIn;
let dataDir: string;

beforeEach(async () => {
  world = await startCliWorld();
  ({ slack, dataDir } = world);
});
afterEach(() => world.stop());

function env(apiUrl: string, workingHours: string): NodeJS.ProcessEnv {
  return embeddedEnv(dataDir, {
    SLACK_API_URL: apiUrl,
    SLACK_BOT_TOKEN: slack.token,
    SLACK_SIGNING_SECRET: 'stand-in-signing-secret',
    TEAMHEALTH_WORKING_HOURS: workingHours,
    LOG_LEVEL: 'silent',
  });
}

/** `teamhealth run coaching-dms`, lease and all (one process). */
function runCli(apiUrl: string, workingHours: string): Promise<Exit> {
  return startNode(
    [`--import=${clockPreload(world.offsetMs)}`, BIN, 'run', 'coaching-dms', '--as-of', AS_OF],
    env(apiUrl, workingHours),
  ).done;
}

/** The same delivery without the run lease (deliver-job-child.ts); its summary from stdout. */
async function deliverWithoutLease(apiUrl: string): Promise<RunSummary> {
  const exit = await startNode(
    [`--import=${clockPreload(world.offsetMs)}`, '--import=tsx', CHILD, 'coaching-dms', AS_OF],
    env(apiUrl, '09:00-17:00'),
  ).done;
  expect(exit.code, exit.stderr).toBe(0);
  return JSON.parse(exit.stdout.trim().split('\n').at(-1) ?? '') as RunSummary;
}

/** The delivery key of every DM Slack holds, one entry per stored post. */
const storedKeys = () =>
  slack.messages().map((m) => String(m.metadata?.event_payload.delivery_key));

async function ledger() {
  const store = await openStore({ dataDir });
  try {
    return await store.deliveries.list({ job: 'coaching-dms' });
  } finally {
    await store.close();
  }
}

/** Runs both children at once through the barrier; both must succeed. */
async function deliverBothAtOnce(): Promise<[RunSummary, RunSummary]> {
  const barrier = await startPostBarrier(slack, ['a', 'b']);
  try {
    return await Promise.all([
      deliverWithoutLease(barrier.url('a')),
      deliverWithoutLease(barrier.url('b')),
    ]);
  } finally {
    await barrier.stop();
  }
}

/** Every DM posted exactly once, and the two summaries account for each of them. */
async function expectEachDmOnce([a, b]: [RunSummary, RunSummary]): Promise<void> {
  const keys = storedKeys();
  expect(keys).toHaveLength(DM_TARGETS.length);
  expect(new Set(keys).size).toBe(DM_TARGETS.length);
  expect(
    slack
      .messages()
      .map((m) => m.channel)
      .sort(),
  ).toEqual(DM_TARGETS.map((u) => slack.dmChannelId(u)).sort());
  expect(a.sent + b.sent).toBe(DM_TARGETS.length);
  expect([...a.failed, ...b.failed]).toEqual([]);
  // The barrier made them overlap: each left the other's claimed records alone.
  expect(a.inProgress).toBeGreaterThan(0);
  expect(b.inProgress).toBeGreaterThan(0);
  expect((await ledger()).map((d) => d.status)).toEqual(Array(DM_TARGETS.length).fill('sent'));
}

describe('two real processes delivering the same job at once (no run lease, one store)', {
  timeout: 240_000,
}, () => {
  it('new DMs: each claimed by one process and posted exactly once', async () => {
    await expectEachDmOnce(await deliverBothAtOnce());
  });

  it('DMs an earlier run held: each taken over by one process (compare-and-set) and posted exactly once', async () => {
    // 10:00 is before 11:00 working hours: the first run holds every DM until 11:00.
    const holding = await runCli(slack.apiUrl, '11:00-17:00');
    expect(holding.code, holding.stderr).toBe(0);
    expect(holding.stdout).toMatch(/held for working hours 11\b/);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect((await ledger()).map((d) => d.status)).toEqual(Array(DM_TARGETS.length).fill('held'));
    // At 11:30 both runs find the same held records and race for each.
    world.offsetMs += 90 * 60_000;
    await expectEachDmOnce(await deliverBothAtOnce());
    expect((await ledger()).every((d) => d.attempts === 2)).toBe(true);
  });
});
