/** The one line printed per file after its import, and how a run's files make an exit code. */
import type { FileSummary } from './import-file.ts';

/**
 * @example summaryLine({ file: 'kpis.csv', kind: 'kpis', read: 10, inserted: 7, updated: 1, unchanged: 0, rejected: 2, rejectedFile: 'kpis.csv.rejected.csv' })
 * // 'kpis.csv: kpis: read 10 rows, stored 8 (7 inserted, 1 updated, 0 unchanged), rejected 2 (see kpis.csv.rejected.csv)'
 */
export function summaryLine(s: FileSummary): string {
  const stored = s.inserted + s.updated + s.unchanged;
  const rows = s.read === 1 ? 'row' : 'rows';
  const kind = s.via ? `${s.kind} (${s.via})` : s.kind;
  const withheld = s.withheld
    ? `, withheld ${s.withheld} (their agent-day had a rejected row)`
    : '';
  if (s.dryRun) {
    const span = s.preview?.from
      ? ` for ${s.preview.from === s.preview.to ? s.preview.from : `${s.preview.from} to ${s.preview.to}`}`
      : '';
    const agents = s.preview?.agents
      ? `, ${s.preview.agents} agent${s.preview.agents > 1 ? 's' : ''}`
      : '';
    return `${s.file}: ${kind}: dry run, nothing written: read ${s.read} ${rows}, would store ${s.inserted} record${s.inserted === 1 ? '' : 's'}${span}${agents}, would reject ${s.rejected}${withheld}`;
  }
  const rejected = s.rejected > 0 ? `rejected ${s.rejected} (see ${s.rejectedFile})` : 'rejected 0';
  return `${s.file}: ${kind}: read ${s.read} ${rows}, stored ${stored} (${s.inserted} inserted, ${s.updated} updated, ${s.unchanged} unchanged), ${rejected}${withheld}`;
}

/**
 * 1 when any file could not be read (or stopped part-way), else 2 when any row was
 * rejected, else 0.
 */
export function exitCodeFor(
  outcomes: readonly { failed: boolean; rejected: number; withheld?: number }[],
): number {
  if (outcomes.some((o) => o.failed)) return 1;
  if (outcomes.some((o) => o.rejected > 0 || (o.withheld ?? 0) > 0)) return 2;
  return 0;
}
