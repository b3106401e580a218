/**
 * Plural forms through the catalogue: `tn('chart.days', 3)` picks `chart.days_other`,
 * `tn('chart.days', 1)` picks `chart.days_one`, and fills `{count}` (and any other
 * parameters). English has two forms; a language with more adds keys and widens `pick`.
 */
import { type MessageKey, type MessageParams, t } from './t.ts';

/** `K`'s base when `K` is a `_one` key (distributes over a union of keys). */
type OneBase<K> = K extends `${infer Base}_one` ? Base : never;

/** Catalogue bases that have both a `_one` and an `_other` form. */
export type PluralBase = {
  [B in OneBase<MessageKey>]: `${B}_other` extends MessageKey ? B : never;
}[OneBase<MessageKey>];

/**
 * The form of `base` for `count`, with `{count}` filled.
 * @example tn('chart.days', 1) // '1 day'; tn('chart.days', 28) // '28 days'
 */
export function tn(base: PluralBase, count: number, params: MessageParams = {}): string {
  const key = `${base}_${count === 1 ? 'one' : 'other'}` as MessageKey;
  return t(key, { count, ...params });
}
