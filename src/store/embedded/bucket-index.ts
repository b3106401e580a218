/**
 * A non-unique index on one field, as a view derived from the documents: the documents
 * bucketed by the field's string value, plus the distinct values in sorted order. Writes
 * only mark it stale (O(1)); the next query that uses it rebuilds it in one pass over the
 * collection (~0.1 s per million documents). Imports write in bulk and questions come
 * after, so this costs far less than maintaining buckets on every write, and sorting the
 * distinct values (365 dates a year) rather than the documents keeps the rebuild linear.
 *
 * It serves only string conditions (equality, `$in`, `$gt/$gte/$lt/$lte` with string
 * operands), and only while every indexed value is a string: then MongoDB's type
 * bracketing makes a missing or non-string field match none of them, and JavaScript's
 * code-unit order equals MongoDB's binary order for the ASCII keys stored here.
 */
import type { Doc } from '../collection.ts';

interface View {
  buckets: Map<string, Doc[]>;
  sorted: string[];
  /** Documents whose field is present but not a string; while > 0 the index serves nothing. */
  nonString: number;
}

export class BucketIndex {
  readonly field: string;
  readonly #docs: () => Iterable<Doc>;
  #view: View | null = null;

  constructor(field: string, docs: () => Iterable<Doc>) {
    this.field = field;
    this.#docs = docs;
  }

  /** Called on every write to the collection. */
  invalidate(): void {
    this.#view = null;
  }

  #current(): View {
    if (this.#view) return this.#view;
    const buckets = new Map<string, Doc[]>();
    let nonString = 0;
    const field = this.field;
    for (const doc of this.#docs()) {
      const value = doc[field];
      if (typeof value !== 'string') {
        if (value !== undefined) nonString++;
        continue;
      }
      const bucket = buckets.get(value);
      if (bucket) bucket.push(doc);
      else buckets.set(value, [doc]);
    }
    this.#view = { buckets, sorted: [...buckets.keys()].sort(), nonString };
    return this.#view;
  }

  get usable(): boolean {
    return this.#current().nonString === 0;
  }

  has(value: string): boolean {
    return this.#current().buckets.has(value);
  }

  /** Documents whose field equals `value` (live references). */
  bucket(value: string): readonly Doc[] {
    return this.#current().buckets.get(value) ?? [];
  }

  /** Distinct values v with lo ≤ v ≤ hi (bounds optional, each inclusive or not), ascending. */
  range(
    lo?: { value: string; inclusive: boolean },
    hi?: { value: string; inclusive: boolean },
  ): string[] {
    const values = this.#current().sorted;
    const from = lo ? lowerBound(values, lo.value, lo.inclusive) : 0;
    const to = hi ? lowerBound(values, hi.value, !hi.inclusive) : values.length;
    return from < to ? values.slice(from, to) : [];
  }
}

/** First index whose value is ≥ target (inclusive) or > target (exclusive); binary search. */
function lowerBound(values: string[], target: string, inclusive: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid] as string;
    if (v < target || (!inclusive && v === target)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
