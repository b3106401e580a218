/**
 * Two real `teamhealth run coaching-dms` processes delivering the same job at the same
 * time against the Slack stand-in (issue 18.3): every DM reaches Slack exactly once, and
 * between them the two runs' summaries account for every message (sent by one, in
 * progress in the other).
 *
 * The store is whatever the normal config opens for TEAMHEALTH_DATA_DIR: SQLite, which
 * several processes share in WAL mode.
 *
 * `teamhealth run` first takes the job's run lease, so two runs normally never overlap.
 * The ledger's compare-and-set is the second line, for when that lease is lost while its
 * holder still works: a process stalled past the lease's 2 minutes, or a clock running
 * ahead. Child b's clock runs 3 minutes ahead of child a's: past a's run lease (2 minutes,
 * so b takes it while a still delivers) but inside a's delivery claims (5 minutes), which
 * b must leave alone.
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

import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { AGENTS, AS_OF, buildOrg, seedStandIn } from '../../support/jobs/org.ts';
import { type SlackStandIn, startStandIn } from '../../support/slack-stand-in.ts';
import { type Exit, embeddedEnv, startNode } from '../support/child-process.ts';

/** Child b's clock, ahead of child a's by more than the run lease and less than a claim. */
const B_AHEAD_MS = 3 * 60_000;

const BIN = fileURLToPath(new URL('../../bin/teamhealth.mjs', import.meta.url));
const CHILD_NOW = Date.parse('2026-11-24T10:00:00Z');
const DM_TARGETS = AGENTS.map((a) => a.slack_user_id as string);

/** Shifts Date.now() and `new Date()` by `offsetMs` in the child, before the CLI loads. */
function clockPreload(offsetMs: number): string {
  const code = `const R = Date; const o = ${offsetMs};
class D extends R { constructor(...a) { super(...(a.length ? a : [R.now() + o])); } static now() { return R.now() + o; } }
globalThis.Date = D;`;
  return `data:text/javascript,${encodeURIComponent(code)}`;
}

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

let slack: SlackStandIn;
let dataDir: string;
let offsetMs: number;

beforeEach(async () => {
  offsetMs = CHILD_NOW - Date.now();
  slack = await startStandIn({ now: () => Date.now() + offsetMs });
  seedStandIn(slack);
  const org = await buildOrg();
  dataDir = org.dir;
  await org.store.close();
});
afterEach(async () => {
  await slack.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function runCli(apiUrl: string, workingHours = '09:00-17:00', aheadMs = 0): Promise<Exit> {
  return startNode(
    [`--import=${clockPreload(offsetMs + aheadMs)}`, BIN, 'run', 'coaching-dms', '--as-of', AS_OF],
    embeddedEnv(dataDir, {
      SLACK_API_URL: apiUrl,
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: 'stand-in-signing-secret',
      TEAMHEALTH_WORKING_HOURS: workingHours,
      LOG_LEVEL: 'silent',
    }),
  ).done;
}

/** The counts of a `teamhealth run` summary line. */
function summaryOf(exit: Exit): { sent: number; inProgress: number; failed: number } {
  const match =
    /sent (\d+), already done \d+, held for working hours \d+, in progress in another process (\d+), failed (\d+)/.exec(
      exit.stdout,
    );
  if (!match) throw new Error(`no run summary in: ${exit.stdout}\n${exit.stderr}`);
  return { sent: Number(match[1]), inProgress: Number(match[2]), failed: Number(match[3]) };
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
async function runBothAtOnce(): Promise<[Exit, Exit]> {
  const barrier = await startPostBarrier(slack, ['a', 'b']);
  try {
    const [a, b] = await Promise.all([
      runCli(barrier.url('a')),
      runCli(barrier.url('b'), undefined, B_AHEAD_MS),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    return [a, b];
  } finally {
    await barrier.stop();
  }
}

/** Every DM posted exactly once, and the two summaries account for each of them. */
async function expectEachDmOnce(a: Exit, b: Exit): Promise<void> {
  const keys = storedKeys();
  expect(keys).toHaveLength(DM_TARGETS.length);
  expect(new Set(keys).size).toBe(DM_TARGETS.length);
  expect(
    slack
      .messages()
      .map((m) => m.channel)
      .sort(),
  ).toEqual(DM_TARGETS.map((u) => slack.dmChannelId(u)).sort());
  const [sa, sb] = [summaryOf(a), summaryOf(b)];
  expect(sa.sent + sb.sent).toBe(DM_TARGETS.length);
  expect(sa.failed + sb.failed).toBe(0);
  // The barrier made them overlap: each left the other's claimed records alone.
  expect(sa.inProgress).toBeGreaterThan(0);
  expect(sb.inProgress).toBeGreaterThan(0);
  expect((await ledger()).map((d) => d.status)).toEqual(Array(DM_TARGETS.length).fill('sent'));
}

describe('two real processes delivering the same job at once (teamhealth run × 2, one store)', {
  timeout: 240_000,
}, () => {
  it('new DMs: each claimed by one process and posted exactly once', async () => {
    const [a, b] = await runBothAtOnce();
    await expectEachDmOnce(a, b);
  });

  it('DMs an earlier run held: each taken over by one process (compare-and-set) and posted exactly once', async () => {
    // 10:00 is before 11:00 working hours: the first run holds every DM until 11:00.
    const holding = await runCli(slack.apiUrl, '11:00-17:00');
    expect(holding.code, holding.stderr).toBe(0);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect((await ledger()).map((d) => d.status)).toEqual(Array(DM_TARGETS.length).fill('held'));
    // At 11:30 both runs find the same held records and race for each.
    offsetMs += 90 * 60_000;
    const [a, b] = await runBothAtOnce();
    await expectEachDmOnce(a, b);
    expect((await ledger()).every((d) => d.attempts === 2)).toBe(true);
  });
});
