/**
 * Compares `teamhealth report --json` from two stores or two checkouts, byte for byte,
 * and names the first place they differ. Each side is a report JSON file, or a data
 * folder (the report is run on it), optionally `folder@checkout` to run that checkout's
 * `bin/teamhealth.mjs` (e.g. main before a store change) instead of this one's.
 *
 *   node --import tsx bench/compare-report.ts before.json /tmp/bench-org
 *   node --import tsx bench/compare-report.ts /tmp/old-org@/tmp/main-checkout /tmp/new-org
 *
 * Exit 0 identical, 1 different, 64 bad arguments.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));

/** The report JSON text of one side. */
function reportOf(side: string): string {
  const [folder, checkout] = side.split('@') as [string, string | undefined];
  if (statSync(folder).isFile()) return readFileSync(folder, 'utf8');
  const bin = join(resolve(checkout ?? here), 'bin', 'teamhealth.mjs');
  const { MONGODB_URI: _mongo, ...env } = process.env;
  const run = spawnSync(process.execPath, [bin, 'report', '--json'], {
    env: { ...env, TEAMHEALTH_DATA_DIR: folder, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0) throw new Error(`report on ${side} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

/** The path of the first difference between two parsed JSON values, or null when equal. */
function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array ≠ object`;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.join('\u0000') !== keysB.join('\u0000')) {
    return `${path}: keys [${keysA.join(', ')}] ≠ [${keysB.join(', ')}]`;
  }
  for (const key of keysA) {
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`,
    );
    if (found) return found;
  }
  return null;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [left, right] = process.argv.slice(2);
  if (!left || !right) {
    console.error('usage: compare-report.ts <report.json | data-folder[@checkout]> <… the same>');
    process.exit(64);
  }
  const a = reportOf(left);
  const b = reportOf(right);
  if (a === b) {
    console.log(`identical: ${(a.length / 2 ** 20).toFixed(1)} MiB of report JSON`);
  } else {
    console.log(`different: ${firstDifference(JSON.parse(a), JSON.parse(b)) ?? 'formatting only'}`);
    process.exitCode = 1;
  }
}
