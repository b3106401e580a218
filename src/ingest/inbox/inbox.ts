/**
 * The inbox: a folder whose dropped files are imported on a schedule, with the same
 * validation as `teamhealth import`. Each scan:
 * 1. lists the files that have settled (settle.ts: a half-copied file is not read);
 * 2. skips a file whose exact bytes were imported before (sha256 in
 *    `done/.imported.jsonl`): the same file dropped twice changes nothing;
 * 3. chooses each file's profile (choose-profile.ts) and imports the settled files in
 *    one run, so a teams file dropped with an agents file goes first;
 * 4. moves each file to `done/` (every row stored) or `rejected/` (refused, or some rows
 *    rejected: its `.rejected.csv` goes beside it), and reports a summary.
 * A bad file never stops the inbox: its problems are its summary, and the next file and
 * the next scan go on. Only a failing store leaves files in place for the next scan.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, appendFile, mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Store } from '../../store/types.ts';
import { loadMappingFile, type Mapping } from '../profiles/mapping.ts';
import { rejectedPathFor } from '../rejected-file.ts';
import { type FileToImport, runImportReport } from '../run-import.ts';
import { summaryLine } from '../summary-line.ts';
import { profileForName } from './choose-profile.ts';
import { createSettleTracker, type FileState, isInboxCandidate, sidecarNames } from './settle.ts';

export type InboxOutcome = 'done' | 'rejected' | 'duplicate';

export interface InboxFileResult {
  name: string;
  outcome: InboxOutcome;
  /** The profile it was read through, if any. */
  profile?: string;
  /** The import's summary line, or why the file was refused or skipped. */
  detail: string;
  /** The first problems found (file:line: column: reason). */
  problems: string[];
}

export interface InboxSummary {
  /** ISO instant of the scan. */
  at: string;
  files: InboxFileResult[];
}

export interface InboxLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface InboxDeps {
  dir: string;
  store: Store;
  log: InboxLog;
  /** Profiles chosen by file name (the shipped ones). */
  profiles: readonly Mapping[];
  now?: () => Date;
}

export interface Inbox {
  /** One scan; the summary of the files it handled, or null when none was ready. */
  scan(): Promise<InboxSummary | null>;
}

const LEDGER = '.imported.jsonl';
const MAX_PROBLEMS = 5;

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** `dir/name`, or `dir/stem.<n>.ext` when that is taken: nothing in done/ is overwritten. */
async function freeName(dir: string, name: string): Promise<string> {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let candidate = join(dir, name);
  for (let n = 2; await exists(candidate); n++) candidate = join(dir, `${stem}.${n}${ext}`);
  return candidate;
}

export function createInbox(deps: InboxDeps): Inbox {
  const { dir, log } = deps;
  const now = deps.now ?? (() => new Date());
  const done = join(dir, 'done');
  const rejected = join(dir, 'rejected');
  const ledger = join(done, LEDGER);
  const tracker = createSettleTracker();
  const waitingLogged = new Set<string>();

  const importedHashes = async (): Promise<Map<string, string>> => {
    const text = await readFile(ledger, 'utf8').catch(() => '');
    const hashes = new Map<string, string>();
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const entry = JSON.parse(line) as { sha256: string; name: string; at: string };
        hashes.set(entry.sha256, `${entry.name} at ${entry.at}`);
      } catch {
        // A torn last line (a crash mid-append) is ignored; the file is re-imported, idempotently.
      }
    }
    return hashes;
  };

  /** Moves a handled file (and its .rejected.csv and sidecar) into done/ or rejected/. */
  const file = async (name: string, into: string): Promise<string> => {
    const from = join(dir, name);
    const to = await freeName(into, name);
    await rename(from, to);
    const rejectedCsv = rejectedPathFor(from);
    if (await exists(rejectedCsv)) await rename(rejectedCsv, rejectedPathFor(to));
    for (const sidecar of sidecarNames(name)) {
      const path = join(dir, sidecar);
      if (await exists(path))
        await rename(path, join(into, `${basename(to)}${sidecar.slice(name.length)}`));
    }
    tracker.forget(name);
    return to;
  };

  const settledFiles = async (): Promise<{ ready: string[]; waiting: string[] }> => {
    const entries = await readdir(dir, { withFileTypes: true });
    const states = new Map<string, FileState>();
    for (const entry of entries) {
      if (!entry.isFile() || !isInboxCandidate(entry.name)) continue;
      try {
        const s = await stat(join(dir, entry.name));
        states.set(entry.name, { size: s.size, mtimeMs: s.mtimeMs });
      } catch {
        // Gone between the listing and the stat (moved away): not ours to read.
      }
    }
    return tracker.observe(states);
  };

  return {
    async scan() {
      await mkdir(done, { recursive: true });
      await mkdir(rejected, { recursive: true });
      const { ready, waiting } = await settledFiles();
      for (const name of waiting) {
        if (waitingLogged.has(name)) continue;
        waitingLogged.add(name);
        log.info({ file: name }, 'inbox: waiting for the file to settle (still being written)');
      }
      if (ready.length === 0) return null;

      const at = now().toISOString();
      const results: InboxFileResult[] = [];
      const hashes = await importedHashes();
      const toImport: (FileToImport & { name: string; hash: string })[] = [];
      for (const name of ready) {
        waitingLogged.delete(name);
        const path = join(dir, name);
        try {
          const hash = await sha256(path);
          const before = hashes.get(hash);
          if (before !== undefined) {
            await file(name, done);
            results.push({
              name,
              outcome: 'duplicate',
              detail: `the same bytes as ${before}: nothing imported`,
              problems: [],
            });
            continue;
          }
          let mapping: Mapping | undefined;
          for (const sidecar of sidecarNames(name)) {
            if (await exists(join(dir, sidecar)))
              mapping = await loadMappingFile(join(dir, sidecar));
          }
          mapping ??= profileForName(name, deps.profiles);
          toImport.push({ file: path, name, hash, ...(mapping ? { mapping } : {}) });
        } catch (error) {
          // A bad sidecar (or an unreadable file) rejects this file only.
          const detail = error instanceof Error ? error.message : String(error);
          await file(name, rejected).catch(() => undefined);
          results.push({ name, outcome: 'rejected', detail, problems: [] });
        }
      }

      if (toImport.length > 0) {
        const lines: string[] = [];
        const report = await runImportReport({
          files: toImport,
          store: deps.store,
          out: () => {},
          err: (line) => lines.push(line),
        });
        for (const entry of toImport) {
          const outcome = report.files.find((o) => o.file === entry.file);
          const clean =
            outcome !== undefined &&
            !outcome.failed &&
            outcome.rejected === 0 &&
            (outcome.withheld ?? 0) === 0;
          const problems = lines
            .filter((line) => line.startsWith(`${entry.file}:`))
            .slice(0, MAX_PROBLEMS)
            .map((line) => line.replace(entry.file, entry.name));
          const detail = (
            outcome?.summary ? summaryLine(outcome.summary) : (outcome?.message ?? 'not imported')
          ).replaceAll(entry.file, entry.name);
          try {
            const moved = await file(entry.name, clean ? done : rejected);
            if (clean) {
              await appendFile(
                ledger,
                `${JSON.stringify({ sha256: entry.hash, name: basename(moved), at })}\n`,
              );
            }
          } catch (error) {
            log.error({ file: entry.name, err: error }, 'inbox: could not move the file');
          }
          results.push({
            name: entry.name,
            outcome: clean ? 'done' : 'rejected',
            ...(entry.mapping ? { profile: entry.mapping.name } : {}),
            detail,
            problems,
          });
        }
      }

      for (const result of results) {
        const level = result.outcome === 'rejected' ? 'warn' : 'info';
        log[level](
          {
            file: result.name,
            outcome: result.outcome,
            profile: result.profile,
            problems: result.problems,
          },
          `inbox: ${result.name}: ${result.outcome}: ${result.detail}`,
        );
      }
      return { at, files: results };
    },
  };
}
