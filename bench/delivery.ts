/**
 * Delivery against Slack-like rate limits (issue #6): 2,000 coaching DMs through the real
 * engine (createDelivery, its ledger in the real embedded store in a temp folder) and the
 * real WebClient (createSlackClient) over HTTP to the Slack stand-in, which enforces the
 * limits of ../shared/SLACK-NOTES.md and answers 429 + Retry-After past them.
 *
 * - floor: the least time the enforced limits allow for exactly this workload (below),
 *   and which limit binds; target: wall time ≤ 1.1 × floor.
 * - duplicates: (job, period, target) keys Slack stored more than once, and lost:
 *   intended keys Slack never stored, both counted on the stand-in's stored posts (which
 *   include a post whose answer was a 5xx).
 * - Median of 3 clean runs, then one run with injected 429s (Retry-After) and 503s.
 *
 * Time is scaled uniformly: the stand-in's clock (its rate-limit buckets and Retry-After)
 * and the engine's clock (its pacing, pauses and backoff) both run SCALE × faster than
 * the wall clock, so every limit is Slack's own in Slack-seconds while a run takes
 * 1/SCALE of the time. The bench clock starts on Tuesday 2026-11-24 10:00 UTC and every
 * agent's Slack time zone is Europe/London, so every DM is inside working hours and none
 * is held.
 *
 *   node --import tsx bench/delivery.ts [--scale 6] [--runs 3]
 * `main()` is also exported for bench/index.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JOBS } from '../jobs/index.ts';
import type { Clock, OutgoingMessage, RunSummary } from '../src/slack/delivery/index.ts';
import { createDelivery, createSlackClient } from '../src/slack/delivery/index.ts';
import { openStore } from '../src/store/open.ts';
import { AS_OF, buildOrg } from '../support/jobs/org.ts';
import { quietLogger, quietSlackLogger } from '../support/quiet-logger.ts';
import { type Failure, startStandIn } from '../support/slack-stand-in.ts';

const DMS = 2000;
const START = Date.parse('2026-11-24T10:00:00Z');
const TZ = 'Europe/London';

/** What the stand-in enforces, in Slack time (SLACK-NOTES.md, "Rate limits"). */
const SLACK_LIMITS = {
  /** chat.postMessage per channel: about one a second (a bucket of 1). */
  postMessagePerChannelPerSecond: 1,
  /** chat.postMessage per workspace: "several hundred per minute", with short bursts. */
  postMessagePerWorkspacePerMinute: 600,
  workspaceBurst: 10,
} as const;

/** The engine's workspace burst in this bench: half of what the stand-in allows. */
const ENGINE_BURST = 5;

interface Floor {
  ms: number;
  binding: string;
}

/**
 * The least Slack time in which the stand-in accepts `postsPerChannel` posts. Its
 * workspace bucket starts full (`burst` posts at once), then admits one post every
 * 60 000 / perMinute ms; each channel's bucket holds one post and refills once a second.
 * The floor is the later of the two.
 * @example floorFor([1, 1, 1], { perChannelPerSecond: 1, perMinute: 60, burst: 1 })
 * // workspace (3 − 1) × 1000 = 2000 ms; channels 0 ms → { ms: 2000, binding: 'workspace…' }
 */
function floorFor(
  postsPerChannel: number[],
  limits: { perChannelPerSecond: number; perMinute: number; burst: number },
): Floor {
  const total = postsPerChannel.reduce((a, b) => a + b, 0);
  const workspace = (Math.max(0, total - limits.burst) * 60_000) / limits.perMinute;
  const busiest = Math.max(0, ...postsPerChannel);
  const channel = (Math.max(0, busiest - 1) * 1000) / limits.perChannelPerSecond;
  return workspace >= channel
    ? {
        ms: workspace,
        binding: `workspace chat.postMessage ${limits.perMinute}/min after a burst of ${limits.burst}: (${total} − ${limits.burst}) × ${60_000 / limits.perMinute} ms`,
      }
    : {
        ms: channel,
        binding: `one channel's ${busiest} posts at ${limits.perChannelPerSecond}/s`,
      };
}

/** A clock running `scale` × the wall clock from `startMs`; sleeps are 1/scale as long. */
function scaledClock(startMs: number, scale: number): Clock {
  const t0 = performance.now();
  return {
    now: () => new Date(startMs + (performance.now() - t0) * scale),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms) / scale)),
  };
}

/** 2,000 coaching DMs: the real job's DMs for the test organisation, cloned to 2,000 agents. */
async function coachingDms(): Promise<OutgoingMessage[]> {
  const org = await buildOrg();
  try {
    const templates = await JOBS['coaching-dms'].run({
      store: org.store,
      now: new Date(START),
      asOf: AS_OF,
      render: async () => {
        throw new Error('coaching DMs carry no charts');
      },
    });
    if (templates.length === 0) throw new Error('the coaching-dms job produced no DMs');
    return Array.from({ length: DMS }, (_, i) => {
      const template = templates[i % templates.length] as OutgoingMessage;
      // The tz the job passes from the settings cache; without it the engine asks users.info.
      return { ...template, target: agentId(i), tz: TZ };
    });
  } finally {
    await org.close();
  }
}

const agentId = (i: number) => `UBENCH${String(i + 1).padStart(5, '0')}`;

interface RunResult {
  wallMs: number;
  floorMs: number;
  summary: RunSummary;
  duplicates: number;
  lost: number;
  refused: number;
  injected: number;
  /** Wall ms of arrival gaps beyond the workspace interval, and how many gaps exceeded 1.5 intervals. */
  slipMs: number;
  longGaps: number;
}

async function runOnce(
  messages: OutgoingMessage[],
  scale: number,
  faults: { method: string; numbers: number[]; failure: Failure }[] = [],
): Promise<RunResult> {
  const clock = scaledClock(START, scale);
  const slack = await startStandIn({ now: () => clock.now().getTime() });
  const dir = await mkdtemp(join(tmpdir(), 'bench-delivery-'));
  const store = await openStore({ dataDir: dir });
  try {
    for (let i = 0; i < DMS; i++) slack.addUser({ id: agentId(i), tz: TZ });
    slack.enforceRateLimits({ ...SLACK_LIMITS });
    for (const f of faults) slack.failCalls(f.method, f.numbers, f.failure);
    const delivery = createDelivery({
      client: createSlackClient({
        token: slack.token,
        apiUrl: slack.apiUrl,
        logger: quietSlackLogger,
      }),
      store,
      logger: quietLogger,
      clock,
      // Told the workspace's limit; the defaults (300/min, no burst) are deliberately
      // conservative. A burst of 5 (half the stand-in's) recovers time lost to stalls.
      limits: {
        postsPerMinute: SLACK_LIMITS.postMessagePerWorkspacePerMinute,
        workspaceBurst: ENGINE_BURST,
      },
    });
    const began = performance.now();
    const { summary } = await delivery.deliverAll(messages);
    const wallMs = performance.now() - began;

    const intended = new Set(messages.map((m) => `${m.job}|${m.period}|${m.target}`));
    // What Slack holds: every stored post, including those whose answer was a 5xx.
    const accepted = new Map<string, number>();
    for (const posted of slack.messages()) {
      const key = String(posted.metadata?.event_payload.delivery_key ?? `?|${posted.channel}`);
      accepted.set(key, (accepted.get(key) ?? 0) + 1);
    }
    const duplicates = [...accepted.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
    const lost = [...intended].filter((key) => !accepted.has(key)).length;
    const counts = new Map<string, number>();
    for (const m of messages) counts.set(m.target, (counts.get(m.target) ?? 0) + 1);
    const perChannel = [...counts.values()];
    // Where the time beyond the floor went: arrival gaps longer than the workspace interval.
    const interval = 60_000 / SLACK_LIMITS.postMessagePerWorkspacePerMinute;
    const arrivals = slack.okCalls('chat.postMessage').map((c) => c.at);
    let slipMs = 0;
    let longGaps = 0;
    for (let i = 1; i < arrivals.length; i++) {
      const gap = (arrivals[i] as number) - (arrivals[i - 1] as number);
      if (gap > interval * 1.5) longGaps += 1;
      slipMs += Math.max(0, gap - interval);
    }
    const floor = floorFor(perChannel, {
      perChannelPerSecond: SLACK_LIMITS.postMessagePerChannelPerSecond,
      perMinute: SLACK_LIMITS.postMessagePerWorkspacePerMinute,
      burst: SLACK_LIMITS.workspaceBurst,
    });
    const injectedCount = faults.reduce((n, f) => n + f.numbers.length, 0);
    const all429 = slack.calls.filter((c) => c.status === 429).length;
    const injected429 = faults
      .filter((f) => f.failure.kind === 'ratelimited')
      .reduce((n, f) => n + f.numbers.length, 0);
    return {
      wallMs,
      floorMs: floor.ms / scale,
      summary,
      duplicates,
      lost,
      refused: all429 - injected429,
      injected: injectedCount,
      slipMs: slipMs / scale,
      longGaps,
    };
  } finally {
    await slack.stop();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`bench/delivery.ts --${name} needs a positive number`);
  return value;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

function line(label: string, r: RunResult, scale: number): string {
  const s = r.summary;
  return (
    `${label}: ${(r.wallMs / 1000).toFixed(1)} s wall (${((r.wallMs * scale) / 1000).toFixed(0)} s Slack time), ` +
    `floor ${(r.floorMs / 1000).toFixed(1)} s → ${(r.wallMs / r.floorMs).toFixed(3)}× floor; ` +
    `sent ${s.sent}, failed ${s.failed.length}, held ${s.held}; duplicates ${r.duplicates}, lost ${r.lost}; ` +
    `429s from the limits ${r.refused}${r.injected ? `, faults injected ${r.injected}` : ''}; ` +
    `slip ${(r.slipMs / 1000).toFixed(1)} s in ${r.longGaps} long gaps`
  );
}

export async function main(): Promise<{ medianRatio: number; faultRatio: number }> {
  const scale = argValue('scale', 6);
  const runs = argValue('runs', 3);
  const messages = await coachingDms();
  const floor = floorFor(
    messages.map(() => 1),
    {
      perChannelPerSecond: SLACK_LIMITS.postMessagePerChannelPerSecond,
      perMinute: SLACK_LIMITS.postMessagePerWorkspacePerMinute,
      burst: SLACK_LIMITS.workspaceBurst,
    },
  );
  const load = () => loadavg()[0]?.toFixed(1);
  console.log(
    `delivery: machine ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${load()} at start ` +
      '(figures are wall time: other load on the machine inflates them)',
  );
  console.log(
    `delivery: ${DMS} coaching DMs (one per agent, tz passed, clock inside working hours: none held), ` +
      `stand-in enforcing chat.postMessage ${SLACK_LIMITS.postMessagePerChannelPerSecond}/s per channel and ` +
      `${SLACK_LIMITS.postMessagePerWorkspacePerMinute}/min per workspace (burst ${SLACK_LIMITS.workspaceBurst}), tiers 1–4 at 1/20/50/100 per min; ` +
      `time scaled ×${scale}.\n  floor ${(floor.ms / 1000).toFixed(1)} s Slack time (${(floor.ms / scale / 1000).toFixed(1)} s wall), binding: ${floor.binding}`,
  );
  const clean: RunResult[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await runOnce(messages, scale);
    clean.push(r);
    console.log(`  ${line(`run ${i + 1}`, r, scale)}`);
  }
  const faulty = await runOnce(messages, scale, [
    {
      method: 'chat.postMessage',
      numbers: [150, 650, 1150, 1650],
      failure: { kind: 'ratelimited', retryAfter: 2 },
    },
    {
      method: 'chat.postMessage',
      numbers: [300, 301, 1400],
      failure: { kind: 'http', status: 503 },
    },
    {
      // A gateway timing out after Slack stored the post: the engine must find it, not re-post.
      method: 'chat.postMessage',
      numbers: [900, 1900],
      failure: { kind: 'http', status: 503, afterHandling: true },
    },
  ]);
  console.log(
    `  ${line('with 4 injected 429s (Retry-After 2 s: 8 s Slack time of enforced pause, not in the floor) and 5 injected 503s (2 of them after Slack stored the post)', faulty, scale)}`,
  );
  const medianRatio = median(clean.map((r) => r.wallMs / r.floorMs));
  const faultRatio = faulty.wallMs / faulty.floorMs;
  const bad = [...clean, faulty].some((r) => r.duplicates || r.lost || r.summary.failed.length);
  console.log(
    `delivery: median ${medianRatio.toFixed(3)}× floor over ${runs} runs (target ≤ 1.1×); with faults ${faultRatio.toFixed(3)}×; ` +
      `duplicates ${Math.max(...[...clean, faulty].map((r) => r.duplicates))}, lost ${Math.max(...[...clean, faulty].map((r) => r.lost))}` +
      `; load average ${load()} at end` +
      (bad ? ' — FAILED: duplicates, lost or failed messages' : ''),
  );
  if (bad) process.exitCode = 1;
  return { medianRatio, faultRatio };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
  process.exit(process.exitCode ?? 0);
}
