/** Run leases are short and renewed while the run lasts, and all or none are taken. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RUN_LEASE_MS, runLeaseName, takeRunLeases } from '../../jobs/run-lease.ts';
import { openDoubleStore } from '../support/mongo-double-store.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('run leases', () => {
  it('renews its leases every 30 s until released, so they never lapse during a run', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { store } = await openDoubleStore();
    let clock = Date.parse('2026-11-23T10:00:00.000Z');
    const now = () => new Date(clock);
    const runs = [
      { job: 'coaching-dms' as const, zone: 'Europe/London' },
      { job: 'recognition' as const, zone: null },
    ];
    const taken = await takeRunLeases({ leases: store.leases, runs, holder: 'a', now });
    expect(taken.ok).toBe(true);
    const expiry = async () =>
      (await store.leases.get({ name: runLeaseName('recognition', null) }))?.expires_at.getTime();
    expect(await expiry()).toBe(clock + RUN_LEASE_MS);
    for (let i = 0; i < 6; i++) {
      clock += 30_000;
      await vi.advanceTimersByTimeAsync(30_000);
    }
    // Three minutes in: past the first expiry, still held, by renewal.
    expect(await expiry()).toBe(clock + RUN_LEASE_MS);
    expect(
      await store.leases.acquire({
        name: runLeaseName('coaching-dms', 'Europe/London'),
        holder: 'b',
        ttlMs: 1,
        now: now(),
      }),
    ).toBe(false);
    if (taken.ok) await taken.release();
    expect(await expiry()).toBeUndefined();
  });

  it('lapses 2 minutes after its holder stops renewing', async () => {
    const { store } = await openDoubleStore();
    const at = Date.parse('2026-11-23T10:00:00.000Z');
    const runs = [{ job: 'recognition' as const, zone: null }];
    const first = await takeRunLeases({
      leases: store.leases,
      runs,
      holder: 'teamhealth serve, pid 1 on elsewhere',
      now: () => new Date(at),
      renewEveryMs: 3600_000,
    });
    expect(first.ok).toBe(true);
    const during = await takeRunLeases({
      leases: store.leases,
      runs,
      holder: 'b',
      now: () => new Date(at + RUN_LEASE_MS - 1),
    });
    expect(during).toMatchObject({
      ok: false,
      held: { holder: 'teamhealth serve, pid 1 on elsewhere' },
    });
    const after = await takeRunLeases({
      leases: store.leases,
      runs,
      holder: 'b',
      now: () => new Date(at + RUN_LEASE_MS),
    });
    expect(after.ok).toBe(true);
    for (const r of [first, after]) if (r.ok) await r.release();
  });
});
