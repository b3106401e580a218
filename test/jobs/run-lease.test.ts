/**
 * The run lease's holder names its process, so a lease left by a process that was
 * killed on this host is taken over at once; a live holder, or one on another host, is
 * not. Run leases are short and renewed while the run lasts, so one left on another
 * host lapses within minutes, and all or none are taken.
 */
import { hostname } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  holderIsGone,
  holderProcess,
  processHolder,
  RUN_LEASE_MS,
  runLeaseName,
  takeRunLeases,
} from '../../jobs/run-lease.ts';
import { createFakeStore } from '../support/fake-store.ts';
import { openDoubleStore } from '../support/mongo-double-store.ts';

afterEach(() => {
  vi.useRealTimers();
});

const now = new Date('2026-11-24T10:00:00Z');

describe('holderProcess', () => {
  it('reads the pid and host that processHolder wrote, with or without a suffix', () => {
    expect(holderProcess(processHolder('run'))).toEqual({ pid: process.pid, host: hostname() });
    expect(holderProcess('teamhealth serve, pid 42 on app-1 (1a2b3c4d)')).toEqual({
      pid: 42,
      host: 'app-1',
    });
    expect(holderProcess('serve@h1')).toBeNull();
  });
});

describe('holderIsGone', () => {
  const dead = () => false;
  const alive = () => true;
  it('is true for a dead process on this host', () => {
    expect(holderIsGone(`teamhealth run, pid 999999 on ${hostname()}`, dead)).toBe(true);
  });
  it('is false for a live process on this host, another host, or a holder it cannot read', () => {
    expect(holderIsGone(`teamhealth run, pid 999999 on ${hostname()}`, alive)).toBe(false);
    expect(holderIsGone('teamhealth run, pid 999999 on some-other-host', dead)).toBe(false);
    expect(holderIsGone('serve@h1', dead)).toBe(false);
  });
  it('never calls this process gone', () => {
    expect(holderIsGone(processHolder('run'), dead)).toBe(false);
  });
});

describe('takeRunLeases', () => {
  const runs = [{ job: 'coaching-dms' as const, zone: 'Europe/London' }];

  it('takes over a lease whose holder was killed on this host', async () => {
    const store = createFakeStore();
    // A pid far above any pid_max: no such process.
    const killed = `teamhealth run, pid 99999999 on ${hostname()}`;
    const name = runLeaseName('coaching-dms', 'Europe/London');
    expect(await store.leases.acquire({ name, holder: killed, ttlMs: 3_600_000, now })).toBe(true);
    const taken = await takeRunLeases({
      leases: store.leases,
      runs,
      holder: processHolder('run'),
      ttlMs: 3_600_000,
      now,
    });
    expect(taken.ok).toBe(true);
    expect((await store.leases.get({ name }))?.holder).toBe(processHolder('run'));
  });

  it('leaves a lease held by a live process alone and names it', async () => {
    const store = createFakeStore();
    const name = runLeaseName('coaching-dms', 'Europe/London');
    const other = 'teamhealth serve, pid 1 on some-other-host';
    await store.leases.acquire({ name, holder: other, ttlMs: 3_600_000, now });
    const taken = await takeRunLeases({
      leases: store.leases,
      runs,
      holder: processHolder('run'),
      ttlMs: 3_600_000,
      now,
    });
    expect(taken).toEqual({
      ok: false,
      held: { job: 'coaching-dms', zone: 'Europe/London', holder: other, since: now },
    });
  });
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
