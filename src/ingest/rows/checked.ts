/** The outcome of validating one row: the record to store, or every problem found. */
import type { Issue } from './field-reader.ts';

export type Checked<T> = { ok: true; record: T } | { ok: false; issues: Issue[] };

export function checked<T>(issues: Issue[], build: () => T): Checked<T> {
  return issues.length > 0 ? { ok: false, issues } : { ok: true, record: build() };
}
