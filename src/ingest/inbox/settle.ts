/**
 * Which files in the inbox are ready to read. A file still being copied is not: it is
 * ready only when a scan finds it with the same size and modification time as the scan
 * before (a whole scan interval without a write), and not empty. Names the copier uses
 * for unfinished files are never read: dot-files (`.kpis.csv.swp`, rsync's
 * `.kpis.csv.XXXXXX`) and `*.part`. Neither are the import's own outputs
 * (`*.rejected.csv`) nor sidecar mappings (`<file>.mapping.yml`).
 */

export interface FileState {
  size: number;
  mtimeMs: number;
}

const SIDECAR = /\.mapping\.ya?ml$/i;

/**
 * @example isInboxCandidate('kpis.csv') // true
 * @example isInboxCandidate('kpis.csv.part') // false
 */
export function isInboxCandidate(name: string): boolean {
  if (name.startsWith('.')) return false;
  const lower = name.toLowerCase();
  if (lower.endsWith('.part') || lower.endsWith('.rejected.csv')) return false;
  return !SIDECAR.test(name);
}

/** `<file>.mapping.yml` or `.yaml` beside a file. */
export function sidecarNames(name: string): string[] {
  return [`${name}.mapping.yml`, `${name}.mapping.yaml`];
}

export interface SettleTracker {
  /**
   * Records what this scan saw; returns the files unchanged since the previous scan
   * (ready) and those still changing or empty (waiting).
   */
  observe(files: ReadonlyMap<string, FileState>): { ready: string[]; waiting: string[] };
  /** Forgets a file once handled, so a new file of the same name settles afresh. */
  forget(name: string): void;
}

/**
 * @example
 * const t = createSettleTracker();
 * t.observe(new Map([['a.csv', { size: 10, mtimeMs: 1 }]])) // { ready: [], waiting: ['a.csv'] }
 * t.observe(new Map([['a.csv', { size: 10, mtimeMs: 1 }]])) // { ready: ['a.csv'], waiting: [] }
 */
export function createSettleTracker(): SettleTracker {
  let last = new Map<string, FileState>();
  return {
    observe(files) {
      const ready: string[] = [];
      const waiting: string[] = [];
      for (const [name, state] of files) {
        const before = last.get(name);
        const unchanged =
          before !== undefined && before.size === state.size && before.mtimeMs === state.mtimeMs;
        if (unchanged && state.size > 0) ready.push(name);
        else waiting.push(name);
      }
      // Files gone since the last scan are forgotten with it.
      last = new Map(files);
      return { ready: ready.sort(), waiting: waiting.sort() };
    },
    forget(name) {
      last.delete(name);
    },
  };
}
