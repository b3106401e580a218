/** The delivery ledger, keyed by `delivery.key` (job|period|target). */
import type { Delivery } from '../../domain/surfaces.ts';
import { InputError, NotFoundError } from '../../errors.ts';
import { type DocCollection, DuplicateKeyError, type IndexSpec } from '../collection.ts';
import type { DeliveryStore } from '../types.ts';
import { checkId, fromDoc, toDoc } from './documents.ts';

export const DELIVERIES = 'deliveries';
export const deliveryIndexes: IndexSpec[] = [
  { key: { job: 1, period: 1 } },
  { key: { job: 1, target: 1, status: 1, updated_at: 1 } },
];

export function makeDeliveryStore(coll: DocCollection): DeliveryStore {
  const get = async (key: string) => {
    const [doc] = await coll.find({ _id: key }, { limit: 1 });
    return doc ? fromDoc<Delivery>(doc) : null;
  };
  const toUpdate = (set: Partial<Delivery>) => {
    const $set: Record<string, unknown> = {};
    const $unset: Record<string, ''> = {};
    for (const [field, value] of Object.entries(set)) {
      if (field === 'key' || field === '_id') continue;
      if (value === undefined) $unset[field] = '';
      else $set[field] = value;
    }
    const update: Record<string, unknown> = {};
    if (Object.keys($set).length > 0) update.$set = $set;
    if (Object.keys($unset).length > 0) update.$unset = $unset;
    return update;
  };
  return {
    /** Insert-if-absent: the insert is atomic on `_id`, so of racing claims exactly one creates. */
    claim: async ({ delivery }) => {
      checkId(delivery.key, 'deliveries.claim: delivery.key');
      try {
        await coll.insertOne(toDoc(delivery.key, { ...delivery }));
        return { delivery: structuredClone(delivery), created: true };
      } catch (error) {
        if (!(error instanceof DuplicateKeyError)) throw error;
        const existing = await get(delivery.key);
        if (!existing) throw error;
        return { delivery: existing, created: false };
      }
    },
    /**
     * Sets the given fields; a field given as `undefined` is removed (e.g. `error` once
     * a retry succeeds). `key` cannot change.
     * @throws NotFoundError when no delivery has this key.
     */
    update: async ({ key, set }) => {
      const update = toUpdate(set);
      if (Object.keys(update).length === 0) return;
      const { matched } = await coll.updateOne({ _id: key }, update);
      if (matched === 0)
        throw new NotFoundError(`deliveries.update: no delivery with key '${key}'`);
    },
    /** One conditional update: the filter is the compare, so of racing take-overs one matches. */
    takeOver: async ({ key, expect, now, set }) => {
      const update = toUpdate(set);
      if (Object.keys(update).length === 0) {
        throw new InputError('deliveries.takeOver: set must change at least one field');
      }
      const { matched } = await coll.updateOne(
        {
          _id: key,
          status: expect.status,
          attempts: expect.attempts,
          $or: [{ claimed_until: { $exists: false } }, { claimed_until: { $lte: now } }],
        },
        update,
      );
      return matched > 0;
    },
    get: ({ key }) => get(key),
    list: async ({ job, period, status }) => {
      const filter: Record<string, unknown> = {};
      if (job !== undefined) filter.job = job;
      if (period !== undefined) filter.period = period;
      if (status !== undefined) filter.status = status;
      const docs = await coll.find(filter, { sort: { created_at: 1, _id: 1 } });
      return docs.map((d) => fromDoc<Delivery>(d));
    },
    /** Deliveries of `job` to `target` with status 'sent' whose last update (the send) is at or after `since`. */
    countSentSince: ({ job, target, since }) =>
      coll.countDocuments({ job, target, status: 'sent', updated_at: { $gte: since } }),
  };
}
