/**
 * Benchmark: the import's ingest path alone — reading the CSV, validating every row,
 * building the AgentDay records, the batch writer, the rejected-rows file and progress
 * calls — over the import bench's agent-day file, with a store whose upserts only count.
 * It is the real `runImport` (src/ingest/run-import.ts) on teams.csv, agents.csv and
 * kpis.csv; only the store is a stand-in, so the figure is what ingest costs on top of
 * whatever the store's write path costs. Budget (issue #2): ≥ 250,000 rows per
 * CPU-second, so 1M rows cost ≤ 4 CPU-seconds here.
 *
 * Each run is its own child process, so CPU time and peak RSS are the ingest's own
 * (file generation happens once, in the parent). Median of 3 runs.
 *
 * Run: node --expose-gc --import tsx bench/ingest.ts [rows]   (default 1,000,000)
 *      add `--batch N` for N rows per stored batch (default: run-import's)
 *      add `--profile` to write a V8 CPU profile of one run to ./ingest-profile/
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Agent, Team } from '../src/domain/records.ts';
import { createProgress } from '../src/ingest/progress.ts';
import { runImport } from '../src/ingest/run-import.ts';
import type { Store, UpsertResult } from '../src/store/types.ts';
import { generateFiles } from '../support/import-files.ts';

const RUNS = 3;
const TARGET_ROWS_PER_CPU_SEC = 250_000;
const self = fileURLToPath(import.meta.url);

/** A store whose upserts count rows and store nothing; lists give back what was upserted. */
function countingStore(): { store: Store; stored: () => number } {
  const teams: Team[] = [];
  const agents: Agent[] = [];
  let stored = 0;
  const all = (n: number): UpsertResult => {
    stored += n;
    return { inserted: n, updated: 0, unchanged: 0 };
  };
  const store = {
    kind: 'sqlite',
    teams: {
      upsertMany: async (args: { teams: Team[] }) => {
        teams.push(...args.teams);
        return all(args.teams.length);
      },
      list: async () => teams,
    },
    agents: {
      upsertMany: async (args: { agents: Agent[] }) => {
        agents.push(...args.agents);
        return all(args.agents.length);
      },
      list: async () => agents,
    },
    kpis: { upsertMany: async (args: { rows: unknown[] }) => all(args.rows.length) },
    contacts: { upsertMany: async (args: { rows: unknown[] }) => all(args.rows.length) },
    enablement: { upsertMany: async (args: { rows: unknown[] }) => all(args.rows.length) },
  } as unknown as Store;
  return { store, stored: () => stored };
}

/** In the child: one import of the files, then its own CPU seconds, wall time and peak RSS. */
async function child(files: string[], batchSize?: number): Promise<void> {
  const { store, stored } = countingStore();
  const lines: string[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const code = await runImport({
    files,
    store,
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
    // Not a TTY here, so this does nothing, as in the CLI with stderr piped.
    progress: createProgress(true),
    ...(batchSize ? { batchSize } : {}),
  });
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({ code, wall, cpuSeconds, peakMb, stored: stored(), last: lines.at(-1) })}\n`,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

export async function main(rows = 1_000_000, profile = false, batchSize?: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'teamhealth-bench-ingest-'));
  try {
    process.stdout.write(`ingest bench: generating ${rows.toLocaleString('en')} agent-day rows…\n`);
    const files = await generateFiles(dir, rows);
    const results: { wall: number; cpuSeconds: number; peakMb: number }[] = [];
    for (let run = 1; run <= (profile ? 1 : RUNS); run++) {
      const flags = profile ? ['--cpu-prof', '--cpu-prof-dir=ingest-profile'] : [];
      const result = spawnSync(
        process.execPath,
        [
          ...flags,
          '--import',
          'tsx',
          self,
          '--child',
          ...files,
          ...(batchSize ? ['--batch', String(batchSize)] : []),
        ],
        { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      );
      if (result.status !== 0) throw new Error(`ingest child failed: ${result.stderr}`);
      const r = JSON.parse(result.stdout.trim().split('\n').at(-1) as string);
      if (r.code !== 0 || r.stored !== rows + 2_050) {
        throw new Error(`ingest child stored ${r.stored} rows, exit ${r.code}: ${r.last}`);
      }
      results.push(r);
      process.stdout.write(
        `  run ${run}: ${r.cpuSeconds.toFixed(2)} CPU-s (${Math.round(rows / r.cpuSeconds).toLocaleString('en')} rows/CPU-s), ` +
          `${r.wall.toFixed(2)} s wall (${Math.round(rows / r.wall).toLocaleString('en')} rows/s), peak ${r.peakMb.toFixed(0)} MB\n`,
      );
    }
    const perCpu = rows / median(results.map((r) => r.cpuSeconds));
    const peak = median(results.map((r) => r.peakMb));
    process.stdout.write(
      `ingest: ${Math.round(perCpu).toLocaleString('en')} rows per CPU-second ` +
        `(target ≥ ${TARGET_ROWS_PER_CPU_SEC.toLocaleString('en')}) ${perCpu >= TARGET_ROWS_PER_CPU_SEC ? 'OK' : 'BELOW TARGET'}; ` +
        `peak RSS ${peak.toFixed(0)} MB — median of ${results.length}, store upserts only counting\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--batch');
  const batchSize = at === -1 ? undefined : Number(args[at + 1]);
  if (at !== -1) args.splice(at, 2);
  if (args[0] === '--child') {
    await child(args.slice(1), batchSize);
  } else {
    const rows = args.find((arg) => /^\d+$/.test(arg));
    await main(rows ? Number(rows) : undefined, args.includes('--profile'), batchSize);
  }
}
