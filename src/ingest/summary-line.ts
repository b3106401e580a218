/** The one line printed per file after its import, and how a run's files make an exit code. */
import type { FileSummary } from './import-file.ts';

/**
 * @example summaryLine({ file: 'kpis.csv', kind: 'kpis', read: 10, inserted: 7, updated: 1, unchanged: 0, rejected: 2, rejectedFile: 'kpis.csv.rejected.csv' })
 * // 'kpis.csv: kpis: read 10 rows, stored 8 (7 inserted, 1 updated, 0 unchanged), rejected 2 (see kpis.csv.rejected.csv)'
 */
export function summaryLine(s: FileSummary): string {
  const stored = s.inserted + s.updated + s.unchanged;
  const rows = s.read === 1 ? 'row' : 'rows';
  const rejected = s.rejected > 0 ? `rejected ${s.rejected} (see ${s.rejectedFile})` : 'rejected 0';
  return `${s.file}: ${s.kind}: read ${s.read} ${rows}, stored ${stored} (${s.inserted} inserted, ${s.updated} updated, ${s.unchanged} unchanged), ${rejected}`;
}

/**
 * 1 when any file could not be read (or stopped part-way), else 2 when any row was
 * rejected, else 0.
 */
export function exitCodeFor(outcomes: readonly { failed: boolean; rejected: number }[]): number {
  if (outcomes.some((o) => o.failed)) return 1;
  if (outcomes.some((o) => o.rejected > 0)) return 2;
  return 0;
}
