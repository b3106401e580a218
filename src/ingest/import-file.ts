/**
 * Imports one opened file of a known kind: every row validated, valid rows stored in
 * batches, every rejected row reported as `file:line: column: reason` and written to
 * `<file>.rejected.csv`. Reading goes on while one batch is stored and waits when the
 * next is full too (backpressure, batch-writer.ts), so memory stays flat however long
 * the file.
 *
 * A row mapper (row-mapper.ts: a kind's aliases, or a mapping profile) turns each row
 * into the kind's columns first; messages then name the file's own columns. A profile
 * of per-contact rows sums them to agent-days (profiles/agent-day-rollup.ts), stored
 * once the whole file is read. A dry run validates everything and stores nothing,
 * writing no `.rejected.csv` either.
 */
import { InputError } from '../errors.ts';
import type { Store } from '../store/types.ts';
import { createBatchWriter } from './batch-writer.ts';
import { KIND_SINKS, type KindSink } from './kind-sinks.ts';
import { type ImportKind, KIND_SPECS, REJECTED_EXTRA_COLUMNS } from './kinds.ts';
import type { KnownIds } from './known-ids.ts';
import { createAgentDayRollup } from './profiles/agent-day-rollup.ts';
import { createRejectedFile, type RejectedFile } from './rejected-file.ts';
import type { RowMapper } from './row-mapper.ts';
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
  /** The profile or aliases the rows were read through. */
  via?: string;
  /** A dry run: nothing was stored; inserted counts the records it would store. */
  dryRun?: boolean;
  /** Rows were summed to agent-days (a grouped profile): stored only once read whole. */
  grouped?: boolean;
  /** Valid rows not stored because their agent-day had a rejected row (grouped profiles). */
  withheld?: number;
  /** Dry run: the span of dates and the distinct agents of the records it would store. */
  preview?: { from?: string; to?: string; agents: number };
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
  /** Reads the file's columns as the kind's (aliases, a profile). */
  mapper?: RowMapper;
  /** Validate and count; store nothing, write nothing. */
  dryRun?: boolean;
}

/** Columns the kind needs that the header lacks (CSV only: JSON objects may each differ). */
function missingColumns(kind: ImportKind, source: RowSource, mapper?: RowMapper): string[] {
  if (source.format !== 'csv') return [];
  if (mapper && mapper.required.length > 0) {
    return mapper.required.filter((column) => !source.columns.includes(column));
  }
  return KIND_SPECS[kind].required
    .map((column) => mapper?.sourceOf(column) ?? column)
    .filter((column) => !source.columns.includes(column));
}

function unknownColumns(
  kind: ImportKind,
  columns: readonly string[],
  mapper?: RowMapper,
): string[] {
  const spec = KIND_SPECS[kind];
  const known = new Set<string>(REJECTED_EXTRA_COLUMNS);
  if (mapper && mapper.reads.size > 0) for (const column of mapper.reads) known.add(column);
  else {
    for (const column of [...spec.required, ...spec.optional]) {
      known.add(mapper?.sourceOf(column) ?? column);
    }
  }
  return columns.filter((column) => !known.has(column));
}

/** Counts rejected rows and writes nothing (a dry run). */
function countOnly(file: string): RejectedFile {
  let count = 0;
  return {
    path: `${file}.rejected.csv`,
    get count() {
      return count;
    },
    add() {
      count++;
      return undefined;
    },
    close: async () => {},
  };
}

export async function importFile<K extends ImportKind>(
  args: ImportFileArgs & { kind: K },
): Promise<FileSummary> {
  const { file, kind, source, store, known, mapper } = args;
  const missing = missingColumns(kind, source, mapper);
  if (missing.length > 0) {
    source.close();
    const forWhat = mapper?.required.length ? `${kind} (${mapper.label})` : kind;
    throw new InputError(
      `${file}:1: missing column${missing.length > 1 ? 's' : ''} for ${forWhat}: ${missing.join(', ')} (columns seen: ${source.columns.join(', ')})`,
    );
  }
  const notices = mapper?.notices(source.columns) ?? [];
  for (const notice of notices) args.onNotice(`${file}: ${notice}`);
  const ignored = unknownColumns(kind, source.columns, mapper).filter(
    (column) => !notices.some((notice) => notice.includes(`"${column}"`)),
  );
  if (ignored.length > 0) {
    const plural = ignored.length > 1 ? 's' : '';
    const usedBy = mapper?.reads.size ? mapper.label : kind;
    args.onNotice(
      `${file}: ignoring column${plural} not used for ${usedBy}: ${ignored.join(', ')}`,
    );
  }

  const check: RowChecker<K> = ROW_CHECKERS[kind];
  const sink: KindSink<RecordOf[K]> = KIND_SINKS[kind];
  const spec = KIND_SPECS[kind];
  const rejectedColumns = [
    ...source.columns,
    ...[...spec.required, ...spec.optional].filter((c) => !source.columns.includes(c)),
  ];
  const rejected = args.dryRun
    ? countOnly(file)
    : await createRejectedFile(file, source.format === 'csv' ? source.columns : rejectedColumns);
  const preview = { from: undefined as string | undefined, to: undefined as string | undefined };
  const agents = new Set<string>();
  const wouldStore = async (records: RecordOf[K][]) => {
    for (const record of records) {
      const { date, agent_id } = record as { date?: string; agent_id?: string };
      if (date !== undefined) {
        if (preview.from === undefined || date < preview.from) preview.from = date;
        if (preview.to === undefined || date > preview.to) preview.to = date;
      }
      if (agent_id !== undefined) agents.add(agent_id);
    }
    return { inserted: records.length, updated: 0, unchanged: 0 };
  };
  const writer = createBatchWriter<RecordOf[K]>({
    upsert: args.dryRun ? wouldStore : (records) => sink.upsert(store, records),
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
    ...(mapper ? { via: mapper.label } : {}),
    ...(args.dryRun ? { dryRun: true } : {}),
  };
  const rollup = mapper?.groupByAgentDay ? createAgentDayRollup() : null;
  if (rollup) summary.grouped = true;
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
        } else if (mapper === undefined) {
          const result = check(row.values, known);
          if (result.ok) {
            sink.remember?.(known, result.record);
            pending = writer.add(result.record);
          } else {
            pending = reject(row.values, row.line, result.issues);
          }
        } else {
          const mapped = mapper.map(row.values, known);
          const result = mapped.ok ? check(mapped.values, known) : null;
          if (result?.ok) {
            sink.remember?.(known, result.record);
            if (rollup) rollup.add(result.record as RecordOf['kpis'], row.line);
            else pending = writer.add(result.record);
          } else {
            const issues = (result ? (result as { issues: Issue[] }).issues : []).map((issue) => ({
              column: mapper.sourceOf(issue.column),
              reason: issue.reason,
            }));
            pending = reject(row.values, row.line, mapped.ok ? issues : mapped.issues);
            const { agent_id: agent, date } = mapped.values;
            if (rollup && typeof agent === 'string' && typeof date === 'string') {
              rollup.poison(agent, date, row.line);
            }
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
  if (rollup) {
    const { days, poisoned } = rollup.finish();
    // A file cut short may end mid-day: no day of it is known complete, so none is stored.
    if (summary.failure) days.length = 0;
    for (const day of days) {
      const pending = writer.add(day as RecordOf[K]);
      if (pending) await pending;
    }
    let withheld = 0;
    for (const day of poisoned) {
      withheld += day.withheld.length;
      if (day.withheld.length === 0) continue;
      args.onNotice(
        `${file}: agent-day ${day.agent_id} ${day.date} not stored: line${day.rejected.length > 1 ? 's' : ''} ${day.rejected.join(', ')} of it ${day.rejected.length > 1 ? 'were' : 'was'} rejected, so its ${day.withheld.length} valid row${day.withheld.length > 1 ? 's' : ''} (line${day.withheld.length > 1 ? 's' : ''} ${day.withheld.slice(0, 10).join(', ')}${day.withheld.length > 10 ? ', …' : ''}) would make a short day; fix the rejected rows and import the whole file again`,
      );
    }
    if (withheld > 0) summary.withheld = withheld;
  }
  await writer.flush();
  await rejected.close();
  args.onProgress?.(source.bytesRead());
  Object.assign(summary, writer.totals);
  if (args.dryRun) {
    summary.preview = {
      ...(preview.from ? { from: preview.from, to: preview.to } : {}),
      agents: agents.size,
    };
  }
  summary.rejected = rejected.count;
  if (rejected.count > 0) summary.rejectedFile = rejected.path;
  return summary;
}
