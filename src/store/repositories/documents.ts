/**
 * Moving records in and out of stored documents: `_id` is the natural key and callers
 * never see it; sums come back as plain numbers.
 */

import { SUM_FIELDS, type Sums } from '../../domain/metrics.ts';
import {
  type AgentDay,
  type ContactVolume,
  ENABLEMENT_STAGES,
  type EnablementEvent,
} from '../../domain/records.ts';
import { InputError } from '../../errors.ts';
import type { Doc } from '../collection.ts';

/** The record without `_id`, as a fresh object (stored documents are never handed out). */
export function fromDoc<T>(doc: Record<string, unknown>): T {
  const { _id, ...rest } = doc;
  return structuredClone(rest) as T;
}

/** A document for the record under its natural key; undefined fields are left out. */
export function toDoc(id: string, record: object): Doc {
  const doc: Doc = { _id: id };
  for (const [key, value] of Object.entries(record)) if (value !== undefined) doc[key] = value;
  return doc;
}

/** `$sum` of every summable field, for a `$group` stage. */
export function sumAccumulators(): Record<string, { $sum: string }> {
  const accs: Record<string, { $sum: string }> = {};
  for (const field of SUM_FIELDS) accs[field] = { $sum: `$${field}` };
  return accs;
}

/** The sums of a grouped result as plain numbers (0 where nothing was summed). */
export function readSums(row: Record<string, unknown>): Sums {
  const sums = {} as Sums;
  for (const field of SUM_FIELDS) {
    const value = row[field];
    sums[field] = typeof value === 'number' ? value : Number(value ?? 0);
  }
  return sums;
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True for a string written `YYYY-MM-DD`: the shape only, as checkDate has always checked
 * (whether it is a real calendar date is `isLocalDate` in domain/dates.ts, which the
 * import applies to every row).
 */
export function isDateShaped(value: unknown): value is string {
  return typeof value === 'string' && LOCAL_DATE.test(value);
}

/** @throws InputError naming the argument when it is not `YYYY-MM-DD`. */
export function checkDate(value: unknown, where: string): void {
  if (!isDateShaped(value)) {
    throw new InputError(`${where} must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
}

/** @throws InputError when the range is malformed or reversed. */
export function checkRange(range: { from: string; to: string }, where: string): void {
  checkDate(range.from, `${where}: from`);
  checkDate(range.to, `${where}: to`);
  if (range.from > range.to)
    throw new InputError(`${where}: from ${range.from} is after to ${range.to}`);
}

/** True for a non-empty string. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** @throws InputError when the value is not a non-empty string. */
export function checkId(value: unknown, where: string): void {
  if (!isId(value)) {
    throw new InputError(`${where} must be a non-empty string, got ${JSON.stringify(value)}`);
  }
}

/** Plain code-unit order (MongoDB's binary string order for these keys), not locale order. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Checks one contact-volume row before either backend stores it; `where` names it in errors. */
export function checkContactVolume(r: ContactVolume, where: string): void {
  checkDate(r.date, `${where}.date`);
  checkId(r.team_id, `${where}.team_id`);
  checkId(r.reason, `${where}.reason`);
  if (typeof r.count !== 'number' || !Number.isFinite(r.count)) {
    throw new InputError(`${where}.count must be a finite number, got ${JSON.stringify(r.count)}`);
  }
}

/** Checks one enablement event before either backend stores it; `where` names it in errors. */
export function checkEnablementEvent(r: EnablementEvent, where: string): void {
  checkId(r.initiative_id, `${where}.initiative_id`);
  checkId(r.agent_id, `${where}.agent_id`);
  checkDate(r.date, `${where}.date`);
  if (!ENABLEMENT_STAGES.includes(r.stage)) {
    throw new InputError(
      `${where}.stage must be one of ${ENABLEMENT_STAGES.join(', ')}, got ${JSON.stringify(r.stage)}`,
    );
  }
}

/**
 * Checks row `i` of `kpis.upsertMany` before either backend stores it, and returns its
 * counts in SUM_FIELDS order (null: not measured). Messages are built only for a row
 * that fails: this runs once per imported row.
 */
export function agentDayCounts(row: AgentDay, i: number): (number | null)[] {
  const where = () => `kpis.upsertMany: rows[${i}]`;
  if (!isDateShaped(row.date)) checkDate(row.date, `${where()}.date`);
  if (!isId(row.agent_id)) checkId(row.agent_id, `${where()}.agent_id`);
  if (!isId(row.team_id)) checkId(row.team_id, `${where()}.team_id`);
  const counts: (number | null)[] = [];
  for (const field of SUM_FIELDS) {
    const value = row[field];
    if (value === undefined) {
      counts.push(null);
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new InputError(
        `${where()}.${field} must be a finite number or absent, got ${JSON.stringify(value)}`,
      );
    } else {
      counts.push(value);
    }
  }
  return counts;
}

/** Checks `leases.acquire`'s arguments before either backend tries the lease. */
export function checkLeaseAcquire(name: string, holder: string, ttlMs: number): void {
  checkId(name, 'leases.acquire: name');
  checkId(holder, 'leases.acquire: holder');
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new InputError(`leases.acquire: ttlMs must be a positive number, got ${ttlMs}`);
  }
}
