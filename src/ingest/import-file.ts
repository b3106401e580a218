/**
 * Imports one opened file of a known kind: every row validated, valid rows stored in
 * batches, every rejected row reported as `file:line: column: reason` and written to
 * `<file>.rejected.csv`. Reading goes on while one batch is stored and waits when the
 * next is full too (backpressure, batch-writer.ts), so memory stays flat however long
 * the file.
 */
import { InputError } from '../errors.ts';
import type { Store } from '../store/types.ts';
import { createBatchWriter } from './batch-writer.ts';
import { KIND_SINKS, type KindSink } from './kind-sinks.ts';
import { type ImportKind, KIND_SPECS, REJECTED_EXTRA_COLUMNS } from './kinds.ts';
import type { KnownIds } from './known-ids.ts';
import { createRejectedFile } from './rejected-file.ts';
import { type RecordOf, ROW_CHECKERS, type RowChecker } from './rows/check-row.ts';
import type { Issue } from './rows/field-reader.ts';
import type { RowSource } from './sources/source.ts';

export interface FileSummary {
  file: string;
  kind: ImportKind;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Set when rows were rejected. */
  rejectedFile?: string;
  /** Set when the file stopped part-way (malformed CSV or JSON). */
  failure?: string;
}

export interface ImportFileArgs {
  file: string;
  kind: ImportKind;
  source: RowSource;
  store: Store;
  known: KnownIds;
  batchSize: number;
  /** Receives each `file:line: column: reason` (the caller caps how many it prints). */
  onIssue: (line: string) => void;
  /** Receives one-line notices such as ignored columns. */
  onNotice: (line: string) => void;
  onProgress?: (bytesRead: number) => void;
}

/** Columns the kind needs that the header lacks (CSV only: JSON objects may each differ). */
function missingColumns(kind: ImportKind, source: RowSource): string[] {
  if (source.format !== 'csv') return [];
  return KIND_SPECS[kind].required.filter((column) => !source.columns.includes(column));
}

function unknownColumns(kind: ImportKind, columns: readonly string[]): string[] {
  const spec = KIND_SPECS[kind];
  const known = new Set<string>([...spec.required, ...spec.optional, ...REJECTED_EXTRA_COLUMNS]);
  return columns.filter((column) => !known.has(column));
}

export async function importFile<K extends ImportKind>(
  args: ImportFileArgs & { kind: K },
): Promise<FileSummary> {
  const { file, kind, source, store, known } = args;
  const missing = missingColumns(kind, source);
  if (missing.length > 0) {
    source.close();
    throw new InputError(
      `${file}:1: missing column${missing.length > 1 ? 's' : ''} for ${kind}: ${missing.join(', ')} (columns seen: ${source.columns.join(', ')})`,
    );
  }
  const ignored = unknownColumns(kind, source.columns);
  if (ignored.length > 0) {
    const plural = ignored.length > 1 ? 's' : '';
    args.onNotice(`${file}: ignoring column${plural} not used for ${kind}: ${ignored.join(', ')}`);
  }

  const check: RowChecker<K> = ROW_CHECKERS[kind];
  const sink: KindSink<RecordOf[K]> = KIND_SINKS[kind];
  const spec = KIND_SPECS[kind];
  const rejectedColumns = [
    ...source.columns,
    ...[...spec.required, ...spec.optional].filter((c) => !source.columns.includes(c)),
  ];
  const rejected = await createRejectedFile(
    file,
    source.format === 'csv' ? source.columns : rejectedColumns,
  );
  const writer = createBatchWriter<RecordOf[K]>({
    upsert: (records) => sink.upsert(store, records),
    keyOf: sink.keyOf,
    ...(sink.groupOf ? { groupOf: sink.groupOf } : {}),
    size: args.batchSize,
  });

  const summary: FileSummary = {
    file,
    kind,
    read: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
  };
  const reject = (values: Record<string, unknown>, line: number, issues: Issue[]) => {
    for (const issue of issues) args.onIssue(`${file}:${line}: ${issue.column}: ${issue.reason}`);
    const error = issues.map((issue) => `${issue.column}: ${issue.reason}`).join('; ');
    return rejected.add({ values, line, error });
  };

  try {
    for await (const batch of source.batches) {
      for (const row of batch) {
        summary.read++;
        let pending: Promise<void> | undefined;
        if (row.problem) {
          pending = reject(row.values, row.line, [row.problem]);
        } else {
          const result = check(row.values, known);
          if (result.ok) {
            sink.remember?.(known, result.record);
            pending = writer.add(result.record);
          } else {
            pending = reject(row.values, row.line, result.issues);
          }
        }
        if (pending) await pending;
      }
      args.onProgress?.(source.bytesRead());
    }
  } catch (error) {
    source.close();
    if (!(error instanceof InputError)) {
      await rejected.close().catch(() => undefined);
      throw error;
    }
    // Malformed from here on: keep what was read before it, like a re-import would.
    summary.failure = error.message;
  }
  source.close();
  await writer.flush();
  await rejected.close();
  args.onProgress?.(source.bytesRead());
  Object.assign(summary, writer.totals);
  summary.rejected = rejected.count;
  if (rejected.count > 0) summary.rejectedFile = rejected.path;
  return summary;
}
