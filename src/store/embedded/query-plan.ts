/**
 * Narrows a filter's candidate documents with a bucket index before mingo sees them.
 * The condition on the chosen field is answered exactly by the index (see BucketIndex
 * for when that holds) and removed from the filter; mingo applies the rest. Candidates
 * come out in ascending order of the chosen field, so a `$sort` on that field alone
 * right after the `$match` is already satisfied.
 */
import type { Doc, Filter } from '../collection.ts';
import type { BucketIndex } from './bucket-index.ts';
import type { CollectionState } from './collection-state.ts';

export interface Plan {
  field: string;
  docs: Doc[];
  /** The filter without the condition the index answered. */
  residual: Filter;
}

type Bound = { value: string; inclusive: boolean };
const RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte']);

/** The index's values matching the condition, or null if the index cannot answer it exactly. */
function matchingValues(index: BucketIndex, cond: unknown): string[] | null {
  if (typeof cond === 'string') return index.has(cond) ? [cond] : [];
  if (typeof cond !== 'object' || cond === null || Array.isArray(cond)) return null;
  const entries = Object.entries(cond);
  if (entries.length === 0) return null;
  if (entries.length === 1 && entries[0]?.[0] === '$eq')
    return matchingValues(index, entries[0][1]);
  if (entries.length === 1 && entries[0]?.[0] === '$in') {
    const list = entries[0][1];
    if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) return null;
    return [...new Set(list as string[])].filter((v) => index.has(v)).sort();
  }
  let lo: Bound | undefined;
  let hi: Bound | undefined;
  for (const [op, value] of entries) {
    if (!RANGE_OPS.has(op) || typeof value !== 'string') return null;
    const bound = { value, inclusive: op.endsWith('e') };
    if (op.startsWith('$g')) {
      if (!lo || value > lo.value || (value === lo.value && !bound.inclusive)) lo = bound;
    } else if (!hi || value < hi.value || (value === hi.value && !bound.inclusive)) hi = bound;
  }
  return index.range(lo, hi);
}

/** The most selective index-served narrowing of `filter`, or null for a full scan. */
export function planQuery(state: CollectionState, filter: Filter): Plan | null {
  let best: { field: string; values: string[]; size: number; index: BucketIndex } | null = null;
  for (const [field, cond] of Object.entries(filter)) {
    const index = state.buckets.get(field);
    if (!index?.usable) continue;
    const values = matchingValues(index, cond);
    if (values === null) continue;
    let size = 0;
    for (const v of values) size += index.bucket(v).length;
    if (!best || size < best.size) best = { field, values, size, index };
  }
  if (!best) return null;
  const docs: Doc[] = new Array(best.size);
  let n = 0;
  for (const value of best.values) {
    for (const doc of best.index.bucket(value)) docs[n++] = doc;
  }
  const { [best.field]: _answered, ...residual } = filter;
  return { field: best.field, docs, residual };
}
