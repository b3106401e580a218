/**
 * Named leases so one instance runs each scheduled job. `_id` is the lease name;
 * `expires_at` is an ISO instant (ISO strings of `toISOString()` order like instants).
 */

import { InputError } from '../../errors.ts';
import type { DocCollection, IndexSpec } from '../collection.ts';
import { DuplicateKeyError } from '../collection.ts';
import type { LeaseStore } from '../types.ts';
import { checkId } from './documents.ts';

export const LEASES = 'leases';
export const leaseIndexes: IndexSpec[] = [];

export function makeLeaseStore(coll: DocCollection): LeaseStore {
  return {
    /**
     * One atomic conditional upsert: update the lease if it is expired or ours; if no
     * lease matched, insert it — and if the name exists (held by someone else), the
     * insert hits the `_id` and fails with a duplicate key, meaning "not acquired".
     */
    acquire: async ({ name, holder, ttlMs, now }) => {
      checkId(name, 'leases.acquire: name');
      checkId(holder, 'leases.acquire: holder');
      if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
        throw new InputError(`leases.acquire: ttlMs must be a positive number, got ${ttlMs}`);
      }
      const nowIso = now.toISOString();
      const expires = new Date(now.getTime() + ttlMs).toISOString();
      try {
        const result = await coll.updateOne(
          { _id: name, $or: [{ expires_at: { $lte: nowIso } }, { holder }] },
          { $set: { holder, expires_at: expires, acquired_at: nowIso } },
          { upsert: true },
        );
        return result.matched > 0 || result.upsertedId !== undefined;
      } catch (error) {
        if (error instanceof DuplicateKeyError) return false;
        throw error;
      }
    },
    release: async ({ name, holder }) => {
      await coll.deleteMany({ _id: name, holder });
    },
  };
}
