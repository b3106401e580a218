/**
 * Benchmark: `teamhealth import` of 1,000,000 agent-day rows (plus the teams and agents
 * files they need) into a fresh SQLite store, as a child process exactly as an
 * operator runs it (`node bin/teamhealth.mjs import … --no-progress`). Prints rows/s and
 * the child's peak RSS, median of 3 runs. Targets: ≥ 100,000 rows/s, < 300 MB (issue 12).
 *
 * Peak RSS comes from `/usr/bin/time -v` when present; otherwise the child is started
 * with `--import bench/rusage-preload.mjs`, which prints process.resourceUsage().maxRSS
 * on exit (no app code or environment flag involved).
 *
 * The profile case imports the same agent-days written as a platform export would write
 * them (columns named its way, dates as MM/dd/yyyy, handle time as an hh:mm:ss average,
 * FCR, CSAT and answer rate as percentages) through `--mapping`, and reports its rate
 * against the plain import's. Target: at least half the plain rate (issue 16).
 *
 * Run: node --import tsx bench/import.ts [rows]   (or through bench/index.ts: main()).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateFiles, generateProfileFiles } from '../support/import-files.ts';

const RUNS = 3;
const TARGET_ROWS_PER_SEC = 100_000;
const TARGET_PEAK_MB = 300;

const bin = fileURLToPath(new URL('../bin/teamhealth.mjs', import.meta.url));
const preload = fileURLToPath(new URL('./rusage-preload.mjs', import.meta.url));

interface RunResult {
  seconds: number;
  /** User + system CPU seconds of the child: the rate a machine to itself would see. */
  cpuSeconds: number;
  peakMb: number;
  stdout: string;
}

/** One import in a child process against a fresh SQLite store. */
function runOnce(files: string[], extra: string[] = [], setup: string[] = []): RunResult {
  const dataDir = mkdtempSync(join(tmpdir(), 'teamhealth-bench-store-'));
  if (setup.length > 0) {
    // The org files the export refers to, imported first and not timed.
    const { MONGODB_URI: _m, ...setupEnv } = process.env;
    const org = spawnSync(process.execPath, [bin, 'import', ...setup, '--no-progress'], {
      env: { ...setupEnv, TEAMHEALTH_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    if (org.status !== 0) throw new Error(`org import exited ${org.status}: ${org.stderr}`);
  }
  const useTime = existsSync('/usr/bin/time');
  const nodeArgs = useTime ? [bin] : ['--import', preload, bin];
  const [command, args] = useTime
    ? [
        '/usr/bin/time',
        ['-v', process.execPath, ...nodeArgs, 'import', ...files, ...extra, '--no-progress'],
      ]
    : [process.execPath, [...nodeArgs, 'import', ...files, ...extra, '--no-progress']];
  const started = performance.now();
  // Always the SQLite store, whatever the caller's environment says.
  const { MONGODB_URI: _mongo, ...env } = process.env;
  const child = spawnSync(command, args as string[], {
    env: { ...env, TEAMHEALTH_DATA_DIR: dataDir },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  rmSync(dataDir, { recursive: true, force: true });
  if (child.status !== 0) {
    throw new Error(`import exited ${child.status}: ${child.stderr.slice(-2000)}`);
  }
  const kb = useTime
    ? /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1]
    : /maxRSS=(\d+)/.exec(child.stderr)?.[1];
  if (!kb) throw new Error(`no peak RSS in the child's output: ${child.stderr.slice(-1000)}`);
  const cpuSeconds = useTime
    ? Number(/User time \(seconds\): ([\d.]+)/.exec(child.stderr)?.[1]) +
      Number(/System time \(seconds\): ([\d.]+)/.exec(child.stderr)?.[1])
    : Number(/cpuSeconds=([\d.]+)/.exec(child.stderr)?.[1]);
  return { seconds, cpuSeconds, peakMb: Number(kb) / 1024, stdout: child.stdout };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function report(label: string, rows: number, run: number, result: RunResult): void {
  process.stdout.write(
    `  ${label} run ${run}: ${result.seconds.toFixed(2)} s wall (${Math.round(rows / result.seconds).toLocaleString('en')} rows/s), ` +
      `${result.cpuSeconds.toFixed(2)} s CPU (${Math.round(rows / result.cpuSeconds).toLocaleString('en')} rows/CPU-s), peak ${result.peakMb.toFixed(0)} MB\n`,
  );
}

export async function main(rows = 1_000_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'teamhealth-bench-import-'));
  try {
    process.stdout.write(`import bench: generating ${rows.toLocaleString('en')} agent-day rows…\n`);
    const files = await generateFiles(dir, rows);
    const profiled = await generateProfileFiles(dir, rows);
    const results: RunResult[] = [];
    const profileResults: RunResult[] = [];
    // Alternated, so a busy spell of the shared machine falls on both cases alike.
    for (let run = 1; run <= RUNS; run++) {
      const result = runOnce(files);
      results.push(result);
      report('plain  ', rows, run, result);
      const viaProfile = runOnce(
        [profiled.file],
        ['--mapping', profiled.mapping],
        files.slice(0, 2),
      );
      profileResults.push(viaProfile);
      report('profile', rows, run, viaProfile);
    }
    const seconds = median(results.map((r) => r.seconds));
    const cpuSeconds = median(results.map((r) => r.cpuSeconds));
    const peak = median(results.map((r) => r.peakMb));
    const rate = rows / seconds;
    process.stdout.write(`  last run said: ${results.at(-1)?.stdout.trim().split('\n').at(-1)}\n`);
    process.stdout.write(
      `import: ${Math.round(rate).toLocaleString('en')} rows/s (target ≥ ${TARGET_ROWS_PER_SEC.toLocaleString('en')}) ${rate >= TARGET_ROWS_PER_SEC ? 'OK' : 'BELOW TARGET'}; ` +
        `peak RSS ${peak.toFixed(0)} MB (target < ${TARGET_PEAK_MB}) ${peak < TARGET_PEAK_MB ? 'OK' : 'ABOVE TARGET'} ` +
        `— median of ${RUNS}, whole command including start-up\n` +
        `  (CPU time: ${Math.round(rows / cpuSeconds).toLocaleString('en')} rows per CPU-second; ` +
        `on a busy machine the wall-clock rate understates what the import does alone)\n`,
    );
    const profileSeconds = median(profileResults.map((r) => r.seconds));
    const profileCpu = median(profileResults.map((r) => r.cpuSeconds));
    const ratio = seconds / profileSeconds;
    process.stdout.write(
      `  last profile run said: ${profileResults.at(-1)?.stdout.trim().split('\n').at(-1)}\n`,
    );
    process.stdout.write(
      `import through a profile: ${Math.round(rows / profileSeconds).toLocaleString('en')} rows/s, ` +
        `${(ratio * 100).toFixed(0)}% of the plain rate (target ≥ 50%) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}; ` +
        `${Math.round(rows / profileCpu).toLocaleString('en')} rows per CPU-second ` +
        `(${((seconds / profileSeconds) * 100).toFixed(0)}% wall, ${((cpuSeconds / profileCpu) * 100).toFixed(0)}% CPU); ` +
        `peak RSS ${median(profileResults.map((r) => r.peakMb)).toFixed(0)} MB — median of ${RUNS}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main(process.argv[2] ? Number(process.argv[2]) : undefined);
}
