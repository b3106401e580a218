/**
 * Imports a run's files into a store: opens each, settles its kind (given, or inferred
 * from its columns), then imports teams before agents before the rest so ids brought in
 * by one file can be used by the next. A file that cannot be read is reported and
 * skipped; the others still import.
 * @returns the exit code: 0 all rows accepted, 2 some rejected, 1 a file unreadable.
 */
import { InputError } from '../errors.ts';
import type { Store } from '../store/types.ts';
import { type FileSummary, importFile } from './import-file.ts';
import { inferKind } from './infer-kind.ts';
import { IMPORT_ORDER, type ImportKind } from './kinds.ts';
import { loadKnownIds } from './known-ids.ts';
import type { Progress } from './progress.ts';
import { openSource } from './sources/open-source.ts';
import type { RowSource } from './sources/source.ts';
import { exitCodeFor, summaryLine } from './summary-line.ts';

export interface ImportRun {
  files: string[];
  kind?: ImportKind;
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
}

export const DEFAULT_BATCH_SIZE = 5_000;
export const DEFAULT_MAX_PRINTED = 50;

export async function runImport(run: ImportRun): Promise<number> {
  const outcomes: { failed: boolean; rejected: number }[] = [];
  const failed = (message: string) => {
    run.err(message);
    outcomes.push({ failed: true, rejected: 0 });
  };

  const opened: Opened[] = [];
  for (const file of run.files) {
    try {
      const source = await openSource(file);
      let kind = run.kind;
      if (kind === undefined) {
        if (source.format !== 'csv' && source.columns.length === 0) {
          source.close();
          run.out(`${file}: no rows`);
          outcomes.push({ failed: false, rejected: 0 });
          continue;
        }
        const guess = inferKind(source.columns);
        if ('problem' in guess) {
          source.close();
          throw new InputError(`${file}: ${guess.problem}`);
        }
        kind = guess.kind;
      }
      opened.push({ file, kind, source });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failed(error.message);
    }
  }
  opened.sort((a, b) => IMPORT_ORDER[a.kind] - IMPORT_ORDER[b.kind]);

  const known = await loadKnownIds(run.store);
  const maxPrinted = run.maxPrinted ?? DEFAULT_MAX_PRINTED;
  for (const { file, kind, source } of opened) {
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
      });
    } catch (error) {
      run.progress?.stop();
      for (const line of [...notices, ...printed]) run.err(line);
      if (!(error instanceof InputError)) throw error;
      failed(error.message);
      continue;
    }
    run.progress?.stop();
    for (const line of [...notices, ...printed]) run.err(line);
    if (problems > maxPrinted) {
      run.err(
        `${file}: … and ${problems - maxPrinted} more problems; every rejected row is in ${summary.rejectedFile}`,
      );
    }
    if (summary.failure) {
      run.err(
        `${summary.failure} (the valid rows before it were stored; fix the file and import it again)`,
      );
    }
    run.out(summaryLine(summary));
    outcomes.push({ failed: summary.failure !== undefined, rejected: summary.rejected });
  }
  return exitCodeFor(outcomes);
}
