/**
 * Imports a run's files into a store: opens each, settles its kind (given, or inferred
 * from its columns), then imports teams before agents before the rest so ids brought in
 * by one file can be used by the next. A file that cannot be read is reported and
 * skipped; the others still import. A file may come with a mapping profile (then its
 * kind is the profile's), and a kind's aliases are read as its columns.
 * @returns the exit code: 0 all rows accepted, 2 some rejected, 1 a file unreadable.
 */
import { InputError } from '../errors.ts';
import type { Store } from '../store/types.ts';
import { type FileSummary, importFile } from './import-file.ts';
import { inferKind } from './infer-kind.ts';
import { aliasesUsed, IMPORT_ORDER, type ImportKind } from './kinds.ts';
import { loadKnownIds } from './known-ids.ts';
import { compileMapping } from './profiles/compile-mapping.ts';
import type { Mapping } from './profiles/mapping.ts';
import type { Progress } from './progress.ts';
import { createAliasMapper, type RowMapper } from './row-mapper.ts';
import { openSource } from './sources/open-source.ts';
import type { RowSource } from './sources/source.ts';
import { exitCodeFor, summaryLine } from './summary-line.ts';

/** A file and the profile to read it through, when it has one. */
export interface FileToImport {
  file: string;
  mapping?: Mapping;
}

export interface ImportRun {
  files: (string | FileToImport)[];
  kind?: ImportKind;
  /** A profile for every file without one of its own (--profile, --mapping). */
  mapping?: Mapping;
  /** Validate and report; store nothing, write nothing (--dry-run). */
  dryRun?: boolean;
  store: Store;
  /** Summary lines. */
  out: (line: string) => void;
  /** Problems and notices. */
  err: (line: string) => void;
  progress?: Progress;
  /** Rows per stored batch (each batch atomic in the store). */
  batchSize?: number;
  /** Problem lines printed per file before "… and N more". */
  maxPrinted?: number;
}

interface Opened {
  file: string;
  kind: ImportKind;
  source: RowSource & { size: number };
  mapper?: RowMapper;
}

/** How one file of a run ended. */
export interface FileOutcome {
  file: string;
  /** Unreadable, refused, or stopped part-way. */
  failed: boolean;
  rejected: number;
  withheld?: number;
  summary?: FileSummary;
  /** Why it failed. */
  message?: string;
}

export interface ImportReport {
  code: number;
  files: FileOutcome[];
}

export const DEFAULT_BATCH_SIZE = 5_000;
export const DEFAULT_MAX_PRINTED = 50;

export async function runImport(run: ImportRun): Promise<number> {
  return (await runImportReport(run)).code;
}

/** The kind and row mapper for an opened file, or a problem. */
function settleKind(
  source: RowSource,
  kind: ImportKind | undefined,
  mapping: Mapping | undefined,
): { kind: ImportKind; mapper?: RowMapper } | { problem: string } {
  if (mapping) {
    if (kind !== undefined && kind !== mapping.kind) {
      return {
        problem: `--kind ${kind} does not fit profile ${mapping.name}, which reads ${mapping.kind}`,
      };
    }
    return { kind: mapping.kind, mapper: compileMapping(mapping) };
  }
  let settled = kind;
  if (settled === undefined) {
    const guess = inferKind(source.columns);
    if ('problem' in guess) return guess;
    settled = guess.kind;
  }
  const aliases = aliasesUsed(settled, source.columns);
  if ('problem' in aliases) return aliases;
  return Object.keys(aliases.renames).length > 0
    ? { kind: settled, mapper: createAliasMapper(aliases.renames) }
    : { kind: settled };
}

export async function runImportReport(run: ImportRun): Promise<ImportReport> {
  const outcomes: FileOutcome[] = [];
  const failed = (file: string, message: string) => {
    run.err(message);
    outcomes.push({ file, failed: true, rejected: 0, message });
  };

  const opened: Opened[] = [];
  for (const entry of run.files) {
    const { file, mapping = run.mapping } = typeof entry === 'string' ? { file: entry } : entry;
    try {
      const source = await openSource(file);
      if (source.format !== 'csv' && source.columns.length === 0) {
        source.close();
        run.out(`${file}: no rows`);
        outcomes.push({ file, failed: false, rejected: 0 });
        continue;
      }
      const settled = settleKind(source, run.kind, mapping);
      if ('problem' in settled) {
        source.close();
        throw new InputError(`${file}: ${settled.problem}`);
      }
      opened.push({ file, source, ...settled });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failed(file, error.message);
    }
  }
  opened.sort((a, b) => IMPORT_ORDER[a.kind] - IMPORT_ORDER[b.kind]);

  const known = await loadKnownIds(run.store);
  const maxPrinted = run.maxPrinted ?? DEFAULT_MAX_PRINTED;
  for (const { file, kind, source, mapper } of opened) {
    const notices: string[] = [];
    const printed: string[] = [];
    let problems = 0;
    let summary: FileSummary;
    run.progress?.start(file, source.size);
    try {
      summary = await importFile({
        file,
        kind,
        source,
        store: run.store,
        known,
        batchSize: run.batchSize ?? DEFAULT_BATCH_SIZE,
        // Held until the file is done, so they never tear through the progress bar.
        onIssue: (line) => {
          problems++;
          if (printed.length < maxPrinted) printed.push(line);
        },
        onNotice: (line) => notices.push(line),
        onProgress: (bytes) => run.progress?.update(bytes),
        ...(mapper ? { mapper } : {}),
        ...(run.dryRun ? { dryRun: true } : {}),
      });
    } catch (error) {
      run.progress?.stop();
      for (const line of [...notices, ...printed]) run.err(line);
      if (!(error instanceof InputError)) throw error;
      failed(file, error.message);
      continue;
    }
    run.progress?.stop();
    for (const line of [...notices, ...printed]) run.err(line);
    if (problems > maxPrinted) {
      run.err(
        run.dryRun
          ? `${file}: … and ${problems - maxPrinted} more problems`
          : `${file}: … and ${problems - maxPrinted} more problems; every rejected row is in ${summary.rejectedFile}`,
      );
    }
    if (summary.failure) {
      run.err(
        run.dryRun
          ? summary.failure
          : summary.grouped
            ? `${summary.failure} (no agent-day of it was stored: a grouped file is stored only when read whole; fix the file and import it again)`
            : `${summary.failure} (the valid rows before it were stored; fix the file and import it again)`,
      );
    }
    run.out(summaryLine(summary));
    outcomes.push({
      file,
      failed: summary.failure !== undefined,
      rejected: summary.rejected,
      ...(summary.withheld ? { withheld: summary.withheld } : {}),
      summary,
      ...(summary.failure ? { message: summary.failure } : {}),
    });
  }
  return { code: exitCodeFor(outcomes), files: outcomes };
}
