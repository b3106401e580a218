/**
 * SQLite store benchmark: 5,000 agents × 365 days written through the repository in
 * batches, then medians of 5 runs for the heavy questions, the open time and peak RSS.
 *   node --expose-gc --import tsx bench/store.ts
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AgentDay } from '../src/domain/records.ts';
import { openStore } from '../src/store/open.ts';
import { DATABASE_FILE } from '../src/store/sqlite/database.ts';

const AGENTS = 5_000;
const DAYS = 365;
const AGENTS_PER_TEAM = 12;
const BATCH = 20_000;
const RUNS = 5;

interface StoreBenchResult {
  rows: number;
  fillSeconds: number;
  fileMB: number;
  medians: Record<string, number>;
  peakRssMB: number;
}

function day(i: number): string {
  return new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
}

function row(agent: number, d: number): AgentDay {
  const n = 20 + ((agent * 7 + d * 13) % 30);
  const r: AgentDay = {
    date: day(d),
    agent_id: `agent-${String(agent).padStart(5, '0')}`,
    team_id: `team-${String(Math.floor(agent / AGENTS_PER_TEAM)).padStart(4, '0')}`,
    contacts_handled: n,
    handle_time_sec: n * 300,
    aht_contacts: n,
    first_contact_resolved: Math.floor(n * 0.7),
    fcr_contacts: n,
    assigned: n + 2,
    answered_in_sla: n,
  };
  // Surveys and QA are sparse, as in real data: absent ("not measured") most days.
  if (d % 3 === 0) Object.assign(r, { csat_positive: 4, csat_responses: 5 });
  if (d % 7 === 0) Object.assign(r, { qa_score_total: 85, qa_evaluations: 1 });
  return r;
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(RUNS / 2)] as number);
}

export async function main(): Promise<StoreBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'teamhealth-bench-'));
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 50);
  try {
    let store = await openStore({ dataDir: dir });
    const fillStart = performance.now();
    let batch: AgentDay[] = [];
    for (let a = 0; a < AGENTS; a++) {
      for (let d = 0; d < DAYS; d++) {
        batch.push(row(a, d));
        if (batch.length === BATCH) {
          await store.kpis.upsertMany({ rows: batch });
          batch = [];
          sample();
        }
      }
    }
    if (batch.length > 0) await store.kpis.upsertMany({ rows: batch });
    const fillSeconds = (performance.now() - fillStart) / 1000;
    await store.close();
    globalThis.gc?.();

    const medians: Record<string, number> = {};
    medians['open ms'] = await median(async () => {
      const s = await openStore({ dataDir: dir });
      await s.close();
      globalThis.gc?.();
    });
    store = await openStore({ dataDir: dir });
    const rows = await store.kpis.count();
    medians['teamDailySums 365 days ms'] = await median(() =>
      store.kpis.teamDailySums({ from: day(0), to: day(DAYS - 1) }),
    );
    medians['teamDailySums 28 days ms'] = await median(() =>
      store.kpis.teamDailySums({ from: day(DAYS - 28), to: day(DAYS - 1) }),
    );
    medians['agentWindowSums 28 days ms'] = await median(() =>
      store.kpis.agentWindowSums({ from: day(DAYS - 28), to: day(DAYS - 1) }),
    );
    medians['agentDailySums 1 agent 365 days ms'] = await median(() =>
      store.kpis.agentDailySums({ from: day(0), to: day(DAYS - 1), agentIds: ['agent-00042'] }),
    );
    const fileMB = statSync(join(dir, DATABASE_FILE)).size / 1e6;
    await store.close();
    sample();
    return { rows, fillSeconds, fileMB, medians, peakRssMB: Math.round(peak / 1e6) };
  } finally {
    clearInterval(timer);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await main();
  console.log(`SQLite store, ${result.rows.toLocaleString('en')} agent-days`);
  console.log(`  fill: ${result.fillSeconds.toFixed(1)} s; file ${result.fileMB.toFixed(0)} MB`);
  for (const [name, ms] of Object.entries(result.medians))
    console.log(`  ${name}: ${ms} (median of ${RUNS})`);
  console.log(`  peak RSS: ${result.peakRssMB} MB`);
}
