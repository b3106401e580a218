/**
 * The delivery ledger (also Slack event de-duplication, which claims an event's key)
 * and job leases on SQLite. Each write that decides who goes ahead is ONE statement, so
 * SQLite's write lock makes it atomic across every process on the folder:
 * - claim: `INSERT … ON CONFLICT(key) DO NOTHING`: of racing claims exactly one inserts;
 * - takeOver: `UPDATE … WHERE key AND status AND attempts AND claim expired` (compare-and-set);
 * - lease acquire: one conditional upsert that takes the lease only if it is free,
 *   expired or already ours.
 */
import type { Delivery } from '../../domain/surfaces.ts';
import { InputError, NotFoundError } from '../../errors.ts';
import { checkId, checkLeaseAcquire } from '../repositories/documents.ts';
import type { DeliveryStore, LeaseStore } from '../types.ts';
import type { SqliteDatabase } from './database.ts';
import { DELIVERIES } from './schema.ts';
import { columnsOf, fromRow, placeholders, type SqlValue, toRow } from './upsert.ts';
import { whereEquals } from './where.ts';

type Row = Record<string, unknown>;

const DELIVERY_COLUMNS = columnsOf(DELIVERIES);

/** `SET a = ?, b = ?` for the given fields (undefined → NULL, i.e. removed); `key` never changes. */
function setClause(set: Partial<Delivery>): { sql: string; values: SqlValue[] } {
  const names: string[] = [];
  const values: SqlValue[] = [];
  for (const [field, value] of Object.entries(set)) {
    if (field === 'key') continue;
    if (!DELIVERY_COLUMNS.includes(field)) {
      throw new InputError(`deliveries: unknown field '${field}'`);
    }
    names.push(`${field} = ?`);
    values.push(value === undefined ? null : (value as SqlValue));
  }
  return { sql: names.join(', '), values };
}

export function makeDeliveryStore(db: SqliteDatabase): DeliveryStore {
  const columns = DELIVERY_COLUMNS.join(', ');
  const insert = db.prepare(
    `INSERT INTO deliveries (${columns}) VALUES (${placeholders(DELIVERY_COLUMNS.length)}) ` +
      'ON CONFLICT(key) DO NOTHING',
  );
  const one = db.prepare('SELECT * FROM deliveries WHERE key = ?');
  const countSent = db
    .prepare(
      "SELECT COUNT(*) FROM deliveries WHERE job = ? AND target = ? AND status = 'sent' " +
        'AND updated_at >= ?',
    )
    .pluck();
  const get = (key: string) => {
    const row = one.get(key) as Row | undefined;
    return row ? fromRow<Delivery>(DELIVERIES, row) : null;
  };
  return {
    claim: async ({ delivery }) => {
      checkId(delivery.key, 'deliveries.claim: delivery.key');
      if (insert.run(toRow(DELIVERIES, delivery)).changes === 1) {
        return { delivery: get(delivery.key) ?? structuredClone(delivery), created: true };
      }
      const existing = get(delivery.key);
      if (!existing) throw new NotFoundError(`deliveries.claim: '${delivery.key}' vanished`);
      return { delivery: existing, created: false };
    },
    /**
     * Sets the given fields; a field given as `undefined` is removed.
     * @throws NotFoundError when no delivery has this key.
     */
    update: async ({ key, set }) => {
      const { sql, values } = setClause(set);
      if (sql === '') return;
      const { changes } = db
        .prepare(`UPDATE deliveries SET ${sql} WHERE key = ?`)
        .run(...values, key);
      if (changes === 0)
        throw new NotFoundError(`deliveries.update: no delivery with key '${key}'`);
    },
    takeOver: async ({ key, expect, now, set }) => {
      const { sql, values } = setClause(set);
      if (sql === '') {
        throw new InputError('deliveries.takeOver: set must change at least one field');
      }
      const { changes } = db
        .prepare(
          `UPDATE deliveries SET ${sql} WHERE key = ? AND status = ? AND attempts = ? ` +
            'AND (claimed_until IS NULL OR claimed_until <= ?)',
        )
        .run(...values, key, expect.status, expect.attempts, now);
      return changes === 1;
    },
    get: async ({ key }) => get(key),
    list: async ({ job, period, status }) => {
      const { sql: where, params } = whereEquals([
        ['job', job],
        ['period', period],
        ['status', status],
      ]);
      const rows = db
        .prepare(`SELECT * FROM deliveries ${where} ORDER BY created_at, key`)
        .all(...params) as Row[];
      return rows.map((r) => fromRow<Delivery>(DELIVERIES, r));
    },
    /** Deliveries of `job` to `target` with status 'sent' last updated (sent) at or after `since`. */
    countSentSince: async ({ job, target, since }) => Number(countSent.get(job, target, since)),
  };
}

export function makeLeaseStore(db: SqliteDatabase): LeaseStore {
  const acquire = db.prepare(
    'INSERT INTO leases (name, holder, expires_at, acquired_at) VALUES (?, ?, ?, ?) ' +
      'ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, ' +
      'expires_at = excluded.expires_at, acquired_at = excluded.acquired_at ' +
      'WHERE leases.expires_at <= excluded.acquired_at OR leases.holder = excluded.holder',
  );
  const release = db.prepare('DELETE FROM leases WHERE name = ? AND holder = ?');
  const get = db.prepare('SELECT name, holder, acquired_at, expires_at FROM leases WHERE name = ?');
  return {
    acquire: async ({ name, holder, ttlMs, now }) => {
      checkLeaseAcquire(name, holder, ttlMs);
      const nowIso = now.toISOString();
      const expires = new Date(now.getTime() + ttlMs).toISOString();
      return acquire.run(name, holder, expires, nowIso).changes === 1;
    },
    release: async ({ name, holder }) => {
      release.run(name, holder);
    },
    get: async ({ name }) => {
      checkId(name, 'leases.get: name');
      const row = get.get(name) as
        | { name: string; holder: string; acquired_at: string; expires_at: string }
        | undefined;
      if (!row) return null;
      return {
        name: row.name,
        holder: row.holder,
        acquired_at: new Date(row.acquired_at),
        expires_at: new Date(row.expires_at),
      };
    },
  };
}
