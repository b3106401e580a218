/**
 * Benchmark: `buildOrgReport` org-wide, and the cold CLI `report --json`, on an embedded
 * store holding 5,000 agents (400 teams) × 365 days of agent-day rows. Prints the median of
 * 5 in-process runs, the median of 5 cold CLI runs, and peak RSS of each. Target: ≤ 3 s.
 * Run: node --expose-gc --import tsx bench/report.ts  (or through bench/index.ts: main()).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { assembleOrgReport } from '../src/analytics/assemble-org-report.ts';
import { resolveReportOptions } from '../src/analytics/options.ts';
import { reportWindows } from '../src/analytics/windows.ts';
import { addDays } from '../src/domain/dates.ts';
import type { Agent, AgentDay, Team } from '../src/domain/records.ts';
import { createLogger } from '../src/log.ts';
import { buildOrgReport } from '../src/reporting/build-org-report.ts';
import { openStore } from '../src/store/open.ts';
import type { Store } from '../src/store/types.ts';

const TEAMS = 400;
const AGENTS = 5000;
const DAYS = 365;
const AS_OF = '2026-10-31';
const BATCH = 50_000;

function* agentDays(agents: Agent[], rng: () => number): Generator<AgentDay> {
  const first = addDays(AS_OF, -(DAYS - 1));
  for (let d = 0; d < DAYS; d++) {
    const date = addDays(first, d);
    for (const agent of agents) {
      const contacts = 20 + Math.floor(rng() * 30);
      const responses = Math.floor(contacts * 0.3);
      const evaluations = rng() < 0.2 ? 1 : 0;
      yield {
        date,
        agent_id: agent.id,
        team_id: agent.team_id,
        contacts_handled: contacts,
        handle_time_sec: contacts * (250 + Math.floor(rng() * 150)),
        first_contact_resolved: Math.floor(contacts * (0.6 + rng() * 0.3)),
        csat_responses: responses,
        csat_positive: Math.floor(responses * (0.7 + rng() * 0.25)),
        qa_evaluations: evaluations,
        qa_score_total: evaluations * (60 + Math.floor(rng() * 40)),
        assigned: contacts + 2,
        answered_in_sla: Math.floor((contacts + 2) * (0.75 + rng() * 0.2)),
      };
    }
  }
}

/** Where one report's time goes: each store query run alone, then the pure assembly. */
async function timeParts(store: Store): Promise<string> {
  const parts: string[] = [];
  const lap = async <T>(name: string, f: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    const result = await f();
    parts.push(`${name} ${((performance.now() - start) / 1000).toFixed(2)} s`);
    return result;
  };
  const options = resolveReportOptions();
  const w = reportWindows(AS_OF, options.windowDays, options.monthlyMonths);
  const teams = await lap('teams', () => store.teams.list());
  const agents = await lap('agents', () => store.agents.list());
  await lap('dateSpan', () => store.kpis.dateSpan());
  const teamDays = await lap('teamDailySums', () => store.kpis.teamDailySums({ ...w.monthly }));
  const agentWindow = await lap('agentWindowSums', () => store.kpis.agentWindowSums(w.window));
  const agentPreviousWindow = await lap('agentWindowSums(previous)', () =>
    store.kpis.agentWindowSums(w.previousWindow),
  );
  const contactsRecent = await lap('reasonCounts×2', () =>
    store.contacts.reasonCounts(w.mixRecent),
  );
  const contactsBaseline = await store.contacts.reasonCounts(w.mixBaseline);
  const enablement = await lap('enablement', () => store.enablement.list({ to: AS_OF }));
  await lap('assembleOrgReport', () =>
    assembleOrgReport({
      asOf: AS_OF,
      options,
      teams,
      agents,
      teamDays,
      agentWindow,
      agentPreviousWindow,
      contactsRecent,
      contactsBaseline,
      enablement,
    }),
  );
  return parts.join(', ');
}

/** The environment for the child CLI: the embedded store in `dataDir`, never a MongoDB. */
function embeddedEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEAMHEALTH_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  delete env.MONGODB_URI;
  return env;
}

export async function main(): Promise<void> {
  // BENCH_KEEP_DIR=path keeps the filled store there (for profiling the cold CLI).
  const keep = process.env.BENCH_KEEP_DIR || undefined;
  const dataDir = keep ?? mkdtempSync(join(tmpdir(), 'teamhealth-bench-report-'));
  const logger = createLogger('warn');
  try {
    const rng = seedrandom('bench-report');
    const teams: Team[] = Array.from({ length: TEAMS }, (_, i) => ({
      id: `T${String(i + 1).padStart(3, '0')}`,
      name: `Team ${i + 1}`,
      channel_id: '',
      lead_slack_ids: [],
      timezone: 'Europe/London',
      site: `Site ${(i % 8) + 1}`,
    }));
    const agents: Agent[] = Array.from({ length: AGENTS }, (_, i) => ({
      id: `A${String(i + 1).padStart(5, '0')}`,
      name: `Agent ${i + 1}`,
      team_id: (teams[i % TEAMS] as Team).id,
    }));

    let store = await openStore({ dataDir }, { logger });
    const fillStart = performance.now();
    await store.teams.upsertMany({ teams });
    await store.agents.upsertMany({ agents });
    let batch: AgentDay[] = [];
    for (const row of agentDays(agents, rng)) {
      batch.push(row);
      if (batch.length === BATCH) {
        await store.kpis.upsertMany({ rows: batch });
        batch = [];
      }
    }
    if (batch.length > 0) await store.kpis.upsertMany({ rows: batch });
    const fillMs = performance.now() - fillStart;
    await store.close();
    console.log(
      `filled ${AGENTS} agents × ${DAYS} days (${AGENTS * DAYS} rows) in ${(fillMs / 1000).toFixed(1)} s`,
    );

    store = await openStore({ dataDir }, { logger });
    const times: number[] = [];
    let peakRss = 0;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const report = await buildOrgReport({ store });
      times.push(performance.now() - start);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (report.teams.length !== TEAMS)
        throw new Error(`expected ${TEAMS} teams, got ${report.teams.length}`);
    }
    const breakdown = await timeParts(store);
    await store.close();
    times.sort((a, b) => a - b);
    console.log(
      `buildOrgReport org-wide: median ${((times[2] as number) / 1000).toFixed(2)} s of 5 ` +
        `(min ${((times[0] as number) / 1000).toFixed(2)}, max ${((times[4] as number) / 1000).toFixed(2)}); ` +
        `process peak RSS ≥ ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
    );

    console.log(`  one run, sequential: ${breakdown}`);

    const bin = fileURLToPath(new URL('../bin/teamhealth.mjs', import.meta.url));
    // Cold runs vary most on a shared machine: the median of 5, with the range.
    const cold: { ms: number; rssMb: number | null; jsonMb: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const cliStart = performance.now();
      // /usr/bin/time -v reports the child's peak RSS ("Maximum resident set size", KiB).
      const run = spawnSync('/usr/bin/time', ['-v', process.execPath, bin, 'report', '--json'], {
        env: embeddedEnv(dataDir),
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      });
      const ms = performance.now() - cliStart;
      if (run.status !== 0)
        throw new Error(`report --json exited ${run.status}: ${run.stderr.slice(-2000)}`);
      const rssKb = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1];
      cold.push({
        ms,
        rssMb: rssKb ? Number(rssKb) / 1024 : null,
        jsonMb: run.stdout.length / 2 ** 20,
      });
    }
    cold.sort((a, b) => a.ms - b.ms);
    const mid = cold[2] as (typeof cold)[number];
    const peak = Math.max(...cold.map((c) => c.rssMb ?? 0));
    const secs = (ms: number) => (ms / 1000).toFixed(2);
    console.log(
      `cold CLI report --json: median ${secs(mid.ms)} s of 5 (min ${secs((cold[0] as typeof mid).ms)}, max ${secs((cold[4] as typeof mid).ms)}), ` +
        `${mid.jsonMb.toFixed(1)} MiB of JSON, peak RSS ${peak ? `${peak.toFixed(0)} MiB` : 'n/a (no /usr/bin/time)'} ` +
        `(target ≤ 3 s: ${mid.ms <= 3000 ? 'OK' : 'ABOVE TARGET'})`,
    );
  } finally {
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
