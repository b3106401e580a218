/**
 * Named leases so one instance runs each scheduled job. `_id` is the lease name;
 * `expires_at` and `acquired_at` are Dates, so MongoDB's TTL index removes leases once
 * they expire (its monitor runs about once a minute, so `acquire` never relies on it:
 * it compares `expires_at` itself).
 */

import type { DocCollection, IndexSpec } from '../collection.ts';
import { DuplicateKeyError } from '../collection.ts';
import type { Lease, LeaseStore } from '../types.ts';
import { checkId, checkLeaseAcquire } from './documents.ts';

export const LEASES = 'leases';
export const leaseIndexes: IndexSpec[] = [
  { key: { expires_at: 1 }, expireAfterSeconds: 0, name: 'expires_at_ttl' },
];

/** A stored instant as a Date: leases written before expiry became a Date hold an ISO string. */
function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

export function makeLeaseStore(coll: DocCollection): LeaseStore {
  return {
    /**
     * One atomic conditional upsert: update the lease if it is expired or ours; if no
     * lease matched, insert it — and if the name exists (held by someone else), the
     * insert hits the `_id` and fails with a duplicate key, meaning "not acquired".
     * MongoDB compares a Date only with a Date, so a lease stored with a string expiry
     * (by a version before expiry became a Date) is matched by
     * the string clause.
     */
    acquire: async ({ name, holder, ttlMs, now }) => {
      checkLeaseAcquire(name, holder, ttlMs);
      const expires = new Date(now.getTime() + ttlMs);
      try {
        const result = await coll.updateOne(
          {
            _id: name,
            $or: [
              { expires_at: { $lte: now } },
              { expires_at: { $lte: now.toISOString() } },
              { holder },
            ],
          },
          { $set: { holder, expires_at: expires, acquired_at: new Date(now.getTime()) } },
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
    get: async ({ name }) => {
      checkId(name, 'leases.get: name');
      const [doc] = await coll.find({ _id: name }, { limit: 1 });
      if (!doc) return null;
      const lease: Lease = {
        name,
        holder: String(doc.holder),
        acquired_at: toDate(doc.acquired_at),
        expires_at: toDate(doc.expires_at),
      };
      return lease;
    },
  };
}
