/**
 * Records in and out of rows, and the one upsert every table uses. A batch is one
 * IMMEDIATE transaction (the write lock is taken at BEGIN, so two processes' batches
 * queue on the busy timeout instead of failing half-way): all rows are applied, or none.
 *
 * Each row is first an `INSERT … ON CONFLICT(key) DO NOTHING` (the whole story for a new
 * key); when the key exists, an `INSERT … ON CONFLICT(key) DO UPDATE SET … WHERE <any
 * column changed>` changes it only if it differs, so the batch can count inserted,
 * updated and unchanged rows exactly as MongoDB reports them.
 */
import type { Statement } from 'better-sqlite3';
import { DuplicateKeyError } from '../collection.ts';
import type { UpsertResult } from '../types.ts';
import type { SqliteDatabase } from './database.ts';
import type { ColumnKind, TableSpec } from './schema.ts';

export type SqlValue = string | number | null;
export type SqlRow = SqlValue[];

/** The column names of a table, in record order. */
export function columnsOf(spec: TableSpec): string[] {
  return Object.keys(spec.columns);
}

/** A record's values in column order: absent → NULL, booleans → 0/1, arrays → JSON. */
export function toRow(spec: TableSpec, record: object): SqlRow {
  const fields = record as Record<string, unknown>;
  return Object.entries(spec.columns).map(([name, kind]) => {
    const value = fields[name];
    if (value === undefined || value === null) return null;
    if (kind === 'boolean') return value ? 1 : 0;
    if (kind === 'json') return JSON.stringify(value);
    return value as SqlValue;
  });
}

/** The record of a stored row (an object keyed by column): NULL columns are left out. */
const columnEntries = new WeakMap<TableSpec, [string, ColumnKind][]>();

export function fromRow<T>(spec: TableSpec, row: Record<string, unknown>): T {
  let entries = columnEntries.get(spec);
  if (!entries) {
    entries = Object.entries(spec.columns);
    columnEntries.set(spec, entries);
  }
  const record: Record<string, unknown> = {};
  for (const [name, kind] of entries) {
    const value = row[name];
    if (value === null || value === undefined) continue;
    if (kind === 'boolean') record[name] = value === 1;
    else if (kind === 'json') record[name] = JSON.parse(value as string);
    else record[name] = value;
  }
  return record as T;
}

/**
 * Runs `fn` as one IMMEDIATE transaction, turning a unique-key violation into a
 * {@link DuplicateKeyError} that names the clashing key and value.
 */
export function inTransaction<T>(
  db: SqliteDatabase,
  spec: TableSpec,
  fn: () => T,
  row?: SqlRow,
): T {
  try {
    return db.transaction(fn).immediate();
  } catch (error) {
    throw asDuplicateKey(spec, error, row);
  }
}

/** A `SQLITE_CONSTRAINT_UNIQUE`/`PRIMARYKEY` error as a DuplicateKeyError; others unchanged. */
export function asDuplicateKey(spec: TableSpec, error: unknown, row?: SqlRow): unknown {
  const code = (error as { code?: string }).code;
  if (code !== 'SQLITE_CONSTRAINT_UNIQUE' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return error;
  }
  if (error instanceof DuplicateKeyError) return error;
  // "UNIQUE constraint failed: agents.slack_user_id" → { slack_user_id: <the row's value> }
  const message = (error as Error).message;
  const names = (message.split(': ')[1] ?? '').split(', ').map((c) => c.split('.').pop() ?? c);
  const columns = columnsOf(spec);
  const key: Record<string, unknown> = {};
  for (const name of names) {
    const at = columns.indexOf(name);
    key[name] = row && at >= 0 ? row[at] : '?';
  }
  return new DuplicateKeyError(spec.name, JSON.stringify(key), error);
}

export interface Upserter {
  /**
   * Writes one row (inside the caller's transaction); says what happened to it.
   * `onExisting` runs when the key is already stored, before the row may change.
   */
  write(row: SqlRow, onExisting?: () => void): 'inserted' | 'updated' | 'unchanged';
}

/** `?, ?, …`: `n` parameter places for a VALUES list. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

export function makeUpserter(db: SqliteDatabase, spec: TableSpec): Upserter {
  const columns = columnsOf(spec);
  const values = placeholders(columns.length);
  const changing = columns.filter((c) => !spec.key.includes(c));
  const insert = db.prepare(
    `INSERT INTO ${spec.name} (${columns.join(', ')}) VALUES (${values}) ` +
      `ON CONFLICT(${spec.key.join(', ')}) DO NOTHING`,
  );
  const changed = changing.map((c) => `${spec.name}.${c} IS NOT excluded.${c}`).join(' OR ');
  const update: Statement | null =
    changing.length === 0
      ? null
      : db.prepare(
          `INSERT INTO ${spec.name} (${columns.join(', ')}) VALUES (${values}) ` +
            `ON CONFLICT(${spec.key.join(', ')}) DO UPDATE SET ` +
            `${changing.map((c) => `${c} = excluded.${c}`).join(', ')} WHERE ${changed}`,
        );
  return {
    write: (row, onExisting) => {
      try {
        if (insert.run(row).changes === 1) return 'inserted';
        onExisting?.();
        if (update && update.run(row).changes === 1) return 'updated';
        return 'unchanged';
      } catch (error) {
        throw asDuplicateKey(spec, error, row);
      }
    },
  };
}

/** Upserts prepared rows in one transaction and counts what happened. */
export function upsertRows(
  db: SqliteDatabase,
  spec: TableSpec,
  upserter: Upserter,
  rows: SqlRow[],
): UpsertResult {
  const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
  if (rows.length === 0) return result;
  inTransaction(db, spec, () => {
    for (const row of rows) result[upserter.write(row)] += 1;
  });
  return result;
}
