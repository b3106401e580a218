/**
 * The report cache the Slack app shares between the slash command, the buttons and App
 * Home (src/reporting/org-report-cache.ts): reuse within the TTL, one build for concurrent requests,
 * failures not kept, explicit invalidation, a bounded size. The clock is injected, and
 * builds are counted, so nothing here depends on timing.
 */
import { describe, expect, it } from 'vitest';
import type { OrgReport } from '../../src/domain/report-types.ts';
import { cacheKey, createReportCache } from '../../src/reporting/org-report-cache.ts';

/** A minimal report; `tag` tells builds apart. */
const report = (tag: string) =>
  ({ asOf: tag, teams: [{ id: 'T1', agents: [] }] }) as unknown as OrgReport;

function counting(tag = 'r') {
  let builds = 0;
  const build = async () => report(`${tag}${++builds}`);
  return { build, builds: () => builds };
}

describe('createReportCache', () => {
  it('builds once and answers later requests within the TTL from the cache', async () => {
    let now = 1_000;
    const cache = createReportCache({ ttlMs: 60_000, now: () => now });
    const { build, builds } = counting();
    const first = await cache.get('k', build);
    now += 59_999; // 1 ms before the entry expires
    expect(await cache.get('k', build)).toBe(first);
    expect(builds()).toBe(1);
  });

  it('rebuilds once the TTL has passed since the build started', async () => {
    let now = 1_000;
    const cache = createReportCache({ ttlMs: 60_000, now: () => now });
    const { build, builds } = counting();
    await cache.get('k', build);
    now += 60_000;
    expect((await cache.get('k', build)).asOf).toBe('r2');
    expect(builds()).toBe(2);
  });

  it('gives concurrent requests for one key the same build', async () => {
    const cache = createReportCache();
    let release: (r: OrgReport) => void = () => {};
    let builds = 0;
    const build = () => {
      builds++;
      return new Promise<OrgReport>((resolve) => {
        release = resolve;
      });
    };
    const a = cache.get('k', build);
    const b = cache.get('k', build);
    release(report('only'));
    expect(await a).toBe(await b);
    expect(builds).toBe(1);
  });

  it('keeps separate keys apart', async () => {
    const cache = createReportCache();
    const { build, builds } = counting();
    expect((await cache.get('28 days', build)).asOf).toBe('r1');
    expect((await cache.get('7 days', build)).asOf).toBe('r2');
    expect(builds()).toBe(2);
    expect(cache.size).toBe(2);
  });

  it('does not keep a failed build: the next request builds again', async () => {
    const cache = createReportCache();
    await expect(
      cache.get('k', async () => Promise.reject(new Error('store down'))),
    ).rejects.toThrow('store down');
    expect(cache.size).toBe(0);
    const { build, builds } = counting();
    expect((await cache.get('k', build)).asOf).toBe('r1');
    expect(builds()).toBe(1);
  });

  it('forgets every report on invalidate()', async () => {
    const cache = createReportCache();
    const { build, builds } = counting();
    await cache.get('a', build);
    await cache.get('b', build);
    cache.invalidate();
    expect(cache.size).toBe(0);
    expect((await cache.get('a', build)).asOf).toBe('r3');
    expect(builds()).toBe(3);
  });

  it('does not let a build started before invalidate() refill the cache', async () => {
    const cache = createReportCache();
    let release: (r: OrgReport) => void = () => {};
    const pending = cache.get(
      'k',
      () =>
        new Promise<OrgReport>((resolve) => {
          release = resolve;
        }),
    );
    cache.invalidate();
    release(report('old data'));
    // The caller that asked before still gets its answer…
    expect((await pending).asOf).toBe('old data');
    // …but the next request builds from the store again.
    const { build } = counting('new');
    expect((await cache.get('k', build)).asOf).toBe('new1');
  });

  it('holds at most maxEntries reports, dropping the oldest', async () => {
    const cache = createReportCache({ maxEntries: 2 });
    const { build, builds } = counting();
    await cache.get('a', build); // r1
    await cache.get('b', build); // r2
    await cache.get('c', build); // r3, drops a
    expect(cache.size).toBe(2);
    expect((await cache.get('b', build)).asOf).toBe('r2');
    expect((await cache.get('a', build)).asOf).toBe('r4');
    expect(builds()).toBe(4);
  });

  it('freezes cached reports, so a caller cannot change what later requests see', async () => {
    const cache = createReportCache();
    const cached = await cache.get('k', async () => report('r'));
    expect(Object.isFrozen(cached)).toBe(true);
    expect(Object.isFrozen(cached.teams[0])).toBe(true);
    expect(() => {
      (cached.teams as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it('rejects a TTL or size that cannot work, naming it', () => {
    expect(() => createReportCache({ ttlMs: 0 })).toThrow(
      'createReportCache: ttlMs must be a positive number of ms, got 0',
    );
    expect(() => createReportCache({ maxEntries: 1.5 })).toThrow(
      'createReportCache: maxEntries must be a whole number of at least 1, got 1.5',
    );
  });
});

describe('cacheKey', () => {
  it('is the same for objects whose keys come in another order', () => {
    expect(cacheKey(['2026-10-31', { b: 2, a: { d: 1, c: 2 } }])).toBe(
      '["2026-10-31",{"a":{"c":2,"d":1},"b":2}]',
    );
    expect(cacheKey({ a: 1, b: 2 })).toBe(cacheKey({ b: 2, a: 1 }));
  });

  it('differs when a value differs', () => {
    expect(cacheKey({ windowDays: 28 })).not.toBe(cacheKey({ windowDays: 7 }));
  });
});
