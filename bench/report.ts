/**
 * Benchmark: `buildOrgReport` org-wide, and the cold CLI `report --json`, on a SQLite
 * store holding the bench organisation (bench/organisation.ts: 250 teams of 20 agents,
 * 365 days, about 1.75M agent-days and 730k contact volumes). Prints the median of 5
 * in-process runs, the median of 5 cold CLI runs, and peak RSS of each.
 * Targets (issue 12): cold CLI ≤ 1.5 s and ≤ 250 MB peak RSS.
 * Run: node --expose-gc --import tsx bench/report.ts  (or through bench/index.ts: main()).
 * BENCH_KEEP_DIR=path keeps the filled store there, and reuses it when it is already filled.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { assembleOrgReport } from '../src/analytics/assemble-org-report.ts';
import { resolveReportOptions } from '../src/analytics/options.ts';
import { createLogger } from '../src/log.ts';
import { buildOrgReport, loadReportInputs } from '../src/reporting/build-org-report.ts';
import { openStore } from '../src/store/open.ts';
import { DATABASE_FILE } from '../src/store/sqlite/database.ts';
import type { Store } from '../src/store/types.ts';
import { BENCH_AS_OF, BENCH_TEAMS, writeBenchOrganisation } from './organisation.ts';

const AS_OF = BENCH_AS_OF;
const TARGET_SECONDS = 1.5;
const TARGET_PEAK_MB = 250;

/** `store` with every sub-store's calls timed into `laps` ("kpis.dateSpan 0.01 s"). */
function timedStore(store: Store, laps: string[]): Store {
  const timed = (name: string, sub: object) =>
    new Proxy(sub, {
      get(target, key) {
        const f = Reflect.get(target, key);
        if (typeof f !== 'function') return f;
        return async (...args: unknown[]) => {
          const start = performance.now();
          try {
            return await f.apply(target, args);
          } finally {
            laps.push(
              `${name}.${String(key)} ${((performance.now() - start) / 1000).toFixed(2)} s`,
            );
          }
        };
      },
    });
  return new Proxy(store, {
    get(target, key) {
      const value = Reflect.get(target, key);
      return value !== null && typeof value === 'object' ? timed(String(key), value) : value;
    },
  });
}

/**
 * Where one report's time goes: the queries buildOrgReport makes (its loads run
 * together, so each time is that query's wait among them), then the pure assembly.
 */
async function timeParts(store: Store): Promise<string> {
  const laps: string[] = [];
  const timed = timedStore(store, laps);
  const options = resolveReportOptions();
  const teams = await timed.teams.list();
  await timed.kpis.dateSpan();
  const inputs = await loadReportInputs({ store: timed, day: AS_OF, options });
  const start = performance.now();
  assembleOrgReport({ asOf: AS_OF, options, teams, ...inputs });
  laps.push(`assembleOrgReport ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return laps.join(', ');
}

/** The environment for the child CLI: the SQLite store in `dataDir`, never a MongoDB. */
function sqliteEnv(dataDir: string): NodeJS.ProcessEnv {
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
    let store: Store;
    if (keep && existsSync(join(keep, DATABASE_FILE))) {
      console.log(`reusing the filled store in ${keep}`);
    } else {
      store = await openStore({ dataDir }, { logger });
      const fillStart = performance.now();
      const written = await writeBenchOrganisation(store);
      await store.close();
      console.log(
        `filled ${BENCH_TEAMS} teams: ${written.agentDays.toLocaleString('en')} agent-days, ` +
          `${written.contacts.toLocaleString('en')} contact volumes in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`,
      );
    }

    store = await openStore({ dataDir }, { logger });
    const times: number[] = [];
    let peakRss = 0;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const report = await buildOrgReport({ store });
      times.push(performance.now() - start);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (report.teams.length !== BENCH_TEAMS)
        throw new Error(`expected ${BENCH_TEAMS} teams, got ${report.teams.length}`);
    }
    const breakdown = await timeParts(store);
    await store.close();
    times.sort((a, b) => a - b);
    console.log(
      `buildOrgReport org-wide: median ${((times[2] as number) / 1000).toFixed(2)} s of 5 ` +
        `(min ${((times[0] as number) / 1000).toFixed(2)}, max ${((times[4] as number) / 1000).toFixed(2)}); ` +
        `process peak RSS ≥ ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
    );

    console.log(`  one run: ${breakdown}`);

    const bin = fileURLToPath(new URL('../bin/teamhealth.mjs', import.meta.url));
    // Cold runs vary most on a shared machine: the median of 5, with the range.
    const cold: { ms: number; rssMb: number | null; jsonMb: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const cliStart = performance.now();
      // /usr/bin/time -v reports the child's peak RSS ("Maximum resident set size", KiB).
      // Bytes, not text: decoding 9 MiB of UTF-8 in this process is the bench's work, not
      // the command's, and spawnSync's text mode added 0.3–0.4 s to the time measured.
      const run = spawnSync('/usr/bin/time', ['-v', process.execPath, bin, 'report', '--json'], {
        env: sqliteEnv(dataDir),
        maxBuffer: 1 << 30,
      });
      const stderr = run.stderr.toString('utf8');
      const ms = performance.now() - cliStart;
      if (run.status !== 0)
        throw new Error(`report --json exited ${run.status}: ${stderr.slice(-2000)}`);
      const rssKb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
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
        `(targets ≤ ${TARGET_SECONDS} s: ${mid.ms <= TARGET_SECONDS * 1000 ? 'OK' : 'ABOVE'}; ≤ ${TARGET_PEAK_MB} MB: ${peak && peak <= TARGET_PEAK_MB ? 'OK' : 'ABOVE'})`,
    );
  } finally {
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
