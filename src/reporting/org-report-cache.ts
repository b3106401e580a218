/**
 * A short-lived cache of organisation-wide reports, shared by the slash command, the view
 * buttons and App Home of one process. Why: building a report runs the store's
 * aggregations and `assembleOrgReport` on the main thread (longer the larger the
 * organisation: `npm run bench` reports it), and while it runs the next Slack request
 * waits for its ack (issues #4 and #5: ack p99 under 50 ms). The data
 * changes only when someone imports, so one build can answer every request for a while.
 *
 * - Keyed by the caller (src/reporting/build-org-report.ts uses asOf and the resolved options).
 * - Concurrent requests for a key share one build (in-flight de-duplication).
 * - An entry lives `ttlMs` from the start of its build (default 60 s), so an import in
 *   another process shows within a minute; `invalidate()` forgets everything at once.
 * - A failed build is not kept: the next request tries again.
 * - Cached reports are deep-frozen, so a caller that mutated a shared report would fail
 *   loudly instead of silently changing what every later request sees.
 */
import type { OrgReport } from '../domain/report-types.ts';

export interface ReportCache {
  /** The report cached under `key`, the build in flight for it, or a new build. */
  get(key: string, build: () => Promise<OrgReport>): Promise<OrgReport>;
  /** Forgets every report (builds in flight finish for their callers but are not kept). */
  invalidate(): void;
  /** Entries held, in flight or built (for tests and logs). */
  readonly size: number;
}

export interface ReportCacheOptions {
  /** How long a report is reused, from the start of its build, in ms (default 60,000). */
  ttlMs?: number;
  /** Most reports held; the oldest is dropped beyond it (default 32). */
  maxEntries?: number;
  /** The clock in ms, injected for tests. */
  now?: () => number;
}

interface Entry {
  report: Promise<OrgReport>;
  expiresAt: number;
}

/**
 * @throws TypeError when ttlMs is not a positive number or maxEntries not a whole number ≥ 1
 * @example
 *   const cache = createReportCache({ ttlMs: 60_000 });
 *   await cache.get('2026-10-31|…', () => buildFull()); // builds
 *   await cache.get('2026-10-31|…', () => buildFull()); // same report, no build
 */
export function createReportCache({
  ttlMs = 60_000,
  maxEntries = 32,
  now = Date.now,
}: ReportCacheOptions = {}): ReportCache {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0)
    throw new TypeError(`createReportCache: ttlMs must be a positive number of ms, got ${ttlMs}`);
  if (!Number.isInteger(maxEntries) || maxEntries < 1)
    throw new TypeError(
      `createReportCache: maxEntries must be a whole number of at least 1, got ${maxEntries}`,
    );
  const entries = new Map<string, Entry>();

  const evict = (at: number) => {
    for (const [key, entry] of entries) if (entry.expiresAt <= at) entries.delete(key);
    // Map keeps insertion order: the first key is the oldest build.
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
  };

  return {
    get(key, build) {
      const at = now();
      const held = entries.get(key);
      if (held && held.expiresAt > at) return held.report;
      if (held) entries.delete(key);
      const entry: Entry = { report: build().then(deepFreeze), expiresAt: at + ttlMs };
      entry.report.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      entries.set(key, entry);
      evict(at);
      return entry.report;
    },
    invalidate() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * A key that is the same for equal values whatever the order of their object keys
 * (JSON with keys sorted at every level), so `{ a: 1, b: 2 }` and `{ b: 2, a: 1 }` share
 * a cached report.
 * @example cacheKey(['2026-10-31', { b: 2, a: 1 }]) // '["2026-10-31",{"a":1,"b":2}]'
 */
export function cacheKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
