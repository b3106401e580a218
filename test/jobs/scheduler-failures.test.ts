/**
 * A scheduled firing that fails is logged with its job, zone and cause before anything
 * else touches the store, and is retried after a backoff; a run lease held by another
 * process (a manual `teamhealth run`) stops the firing and names the holder. The store
 * is the MongoDB one on the driver double, with its leases made to fail where a test
 * says.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { leaseName, type Scheduler, startScheduler } from '../../jobs/index.ts';
import { runLeaseName } from '../../jobs/run-lease.ts';
import type { RunSummary } from '../../src/slack/delivery/index.ts';
import type { Store } from '../../src/store/types.ts';
import { openDoubleStore } from '../support/mongo-double-store.ts';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const EMPTY: RunSummary = { sent: 0, skipped: 0, reconciled: 0, held: 0, inProgress: 0, failed: [] };

interface Entry {
  level: string;
  fields: Record<string, unknown>;
  message: string;
}

function recordingLogger() {
  const entries: Entry[] = [];
  const at =
    (level: string) =>
    (fields: Record<string, unknown>, message = '') => {
      entries.push({ level, fields, message });
    };
  return { entries, logger: { info: at('info'), warn: at('warn'), error: at('error') } };
}

let scheduler: Scheduler | undefined;
let store: Store | undefined;
afterEach(async () => {
  await scheduler?.stop();
  await store?.close();
  scheduler = undefined;
  store = undefined;
});

async function setUp(options: {
  leases?: Partial<Store['leases']>;
  deliverAll?: () => Promise<never>;
}) {
  const opened = await openDoubleStore();
  store = opened.store;
  const real = store.leases;
  const leases = { ...real, ...options.leases } as Store['leases'];
  const { entries, logger } = recordingLogger();
  const timers: { fn: () => void; ms: number }[] = [];
  const delivered: unknown[] = [];
  scheduler = await startScheduler({
    store: { ...store, leases },
    delivery: {
      deliverAll: async (messages) => {
        delivered.push(messages);
        if (options.deliverAll) return options.deliverAll();
        return { summary: EMPTY, outcomes: [] };
      },
    },
    render: async () => Buffer.alloc(0),
    logger,
    holder: 'serve-1',
    now: () => NOW,
    schedules: {},
    setTimer: (fn, ms) => {
      timers.push({ fn, ms });
      return { cancel: () => undefined };
    },
  });
  return { entries, timers, delivered, leases: real, scheduler };
}

describe('scheduled job failures', () => {
  it('logs a lease store that throws on acquire with job, zone and cause, and retries the same firing', async () => {
    let down = true;
    const {
      entries,
      timers,
      delivered,
      leases,
      scheduler: s,
    } = await setUp({
      leases: {
        acquire: async (args) => {
          if (down) throw new Error('connection refused');
          return (store as Store).leases.acquire(args);
        },
      },
    });
    await s.fire('recognition', null, NOW);
    const error = entries.find((e) => e.level === 'error');
    expect(error?.fields).toMatchObject({ job: 'recognition', zone: null });
    expect((error?.fields.err as Error | undefined)?.message).toBe('connection refused');
    expect(error?.message).toContain('connection refused');
    expect(delivered).toHaveLength(0);
    // One retry waiting, after the first backoff; the database is back when it runs.
    expect(timers.map((t) => t.ms)).toEqual([60_000]);
    down = false;
    timers[0]?.fn();
    await vi_waitFor(() => delivered.length === 1);
    expect((await leases.get({ name: leaseName('recognition', null, NOW) }))?.holder).toBe(
      'serve-1',
    );
    // The run lease is free again once the run ended.
    expect(await leases.get({ name: runLeaseName('recognition', null) })).toBeNull();
  });

  it('logs the job failure, not the release failure, when the store also throws on release', async () => {
    const { entries, scheduler: s } = await setUp({
      leases: {
        release: async () => {
          throw new Error('release: not primary');
        },
      },
      deliverAll: async () => {
        throw new Error('Slack is down');
      },
    });
    await expect(s.trigger('recognition', null, NOW)).rejects.toThrow('Slack is down');
    const errors = entries.filter((e) => e.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.fields).toMatchObject({ job: 'recognition', zone: null });
    expect(errors[0]?.message).toContain('Slack is down');
    const warnings = entries.filter((e) => e.level === 'warn');
    expect(warnings.map((w) => (w.fields.err as Error).message)).toContain('release: not primary');
  });

  it('gives up after the last backoff, saying so', async () => {
    const {
      entries,
      timers,
      scheduler: s,
    } = await setUp({
      deliverAll: async () => {
        throw new Error('Slack is down');
      },
    });
    await s.fire('recognition', null, NOW);
    for (let i = 0; i < 3; i++) {
      const timer = timers[i];
      expect(timer).toBeDefined();
      timer?.fn();
      await vi_waitFor(
        () => timers.length > i + 1 || entries.some((e) => /gave up/.test(e.message)),
      );
    }
    expect(timers.map((t) => t.ms)).toEqual([60_000, 300_000, 900_000]);
    expect(entries.filter((e) => e.level === 'error' && /failed/.test(e.message))).toHaveLength(4);
    expect(entries.at(-1)?.message).toBe(
      'scheduled job recognition (UTC) gave up until its next schedule',
    );
  });

  it('does not run while another process holds the run lease, and names it', async () => {
    const { entries, delivered, leases, scheduler: s } = await setUp({});
    await leases.acquire({
      name: runLeaseName('recognition', null),
      holder: 'teamhealth run, pid 7 on ops-box',
      ttlMs: 3600_000,
      now: NOW,
    });
    await expect(s.trigger('recognition', null, NOW)).rejects.toThrow(
      'recognition (organisation) is already running in teamhealth run, pid 7 on ops-box since 2026-11-23T10:00:00.000Z',
    );
    expect(delivered).toHaveLength(0);
    expect(entries.find((e) => e.level === 'error')?.fields).toMatchObject({ job: 'recognition' });
    // The firing lease was given back, so the retry can take it.
    expect(await leases.get({ name: leaseName('recognition', null, NOW) })).toBeNull();
  });
});

/** Waits for retried work started by a timer callback (no wall-clock limit beyond vitest's). */
async function vi_waitFor(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setImmediate(resolve));
}
