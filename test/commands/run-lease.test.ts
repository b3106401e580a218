/**
 * `teamhealth run <job>` takes the run lease the scheduler takes, per job and team time
 * zone: while another process holds one, it says who in one line and exits 75, taking
 * nothing. The store is the MongoDB one on the driver double, shared with the "other
 * process" the test plays.
 */
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runLeaseName } from '../../jobs/run-lease.ts';
import { EXIT_JOB_BUSY, runCommand } from '../../src/commands/run.ts';
import type { Store } from '../../src/store/types.ts';
import { openDoubleStore } from '../support/mongo-double-store.ts';

const SERVE = 'teamhealth serve, pid 4242 on app-1 (5e1f0c2a)';
const SINCE = new Date('2026-11-23T09:00:00.000Z');
let store: Store;
let leaseNames: () => Promise<string[]>;

beforeEach(async () => {
  vi.stubEnv('SLACK_BOT_TOKEN', 'xoxb-test-token');
  vi.stubEnv('SLACK_SIGNING_SECRET', 'a-signing-secret');
  vi.stubEnv('MONGODB_URI', undefined);
  const opened = await openDoubleStore();
  store = opened.store;
  const leases = opened.double.db('teamhealth_test').collection('leases');
  leaseNames = async () => (await leases.find({}).toArray()).map((d) => String(d._id)).sort();
  await store.teams.upsertMany({
    teams: [
      {
        id: 'T1',
        name: 'Billing',
        channel_id: 'C1',
        lead_slack_ids: [],
        timezone: 'Europe/London',
        site: 'Leeds',
      },
      {
        id: 'T2',
        name: 'Returns',
        channel_id: 'C2',
        lead_slack_ids: [],
        timezone: 'America/New_York',
        site: 'Austin',
      },
    ],
  });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/**
 * The other process takes the lease at SINCE; `run` checks it against the wall clock, so
 * it is made to last an hour past now.
 */
async function holdFromSince(name: string) {
  const ttlMs = Date.now() - SINCE.getTime() + 3600_000;
  expect(await store.leases.acquire({ name, holder: SERVE, ttlMs, now: SINCE })).toBe(true);
}

async function run(job: string, team?: string) {
  const out: string[] = [];
  const errors: string[] = [];
  const code = await runCommand(
    { job, ...(team ? { team } : {}) },
    {
      print: (line) => out.push(line),
      printError: (line) => errors.push(line),
      openStore: async () => store,
    },
  );
  return { code, out, errors };
}

describe('teamhealth run while another process runs the job', () => {
  it('refuses in one line naming the holder, and exits 75', async () => {
    await holdFromSince(runLeaseName('coaching-dms', 'America/New_York'));
    const { code, out, errors } = await run('coaching-dms');
    expect(code).toBe(EXIT_JOB_BUSY);
    expect(code).toBe(75);
    expect(out).toEqual([]);
    expect(errors).toEqual([
      `teamhealth run: coaching-dms (America/New_York) is already running in ${SERVE} since 2026-11-23T09:00:00.000Z; try again when it finishes`,
    ]);
    // All or none: the lease it took for Europe/London first was given back.
    expect(await leaseNames()).toEqual([runLeaseName('coaching-dms', 'America/New_York')]);
  });

  it('runs a team in another zone than the held one', async () => {
    await holdFromSince(runLeaseName('coaching-dms', 'America/New_York'));
    const { code, errors } = await run('coaching-dms', 'T1');
    expect(errors.filter((e) => /already running/.test(e))).toEqual([]);
    expect(code).not.toBe(EXIT_JOB_BUSY);
    // Its own lease is released when it ends; the other process's stays.
    expect(await leaseNames()).toEqual([runLeaseName('coaching-dms', 'America/New_York')]);
  });

  it('refuses "all" when an organisation-wide job is held', async () => {
    await holdFromSince(runLeaseName('director-digest', null));
    const { code, errors } = await run('all');
    expect(code).toBe(75);
    expect(errors[0]).toMatch(
      /^teamhealth run: director-digest \(organisation\) is already running in /,
    );
    expect(await leaseNames()).toEqual([runLeaseName('director-digest', null)]);
  });

  it('takes over at once from a run on this machine whose process is gone (killed, crashed)', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await store.leases.acquire({
      name: runLeaseName('recognition', 'Europe/London'),
      holder: `teamhealth run, pid ${gone} on ${hostname()}`,
      ttlMs: Date.now() - SINCE.getTime() + 3600_000,
      now: SINCE,
    });
    const { code, errors } = await run('recognition', 'T1');
    expect(code, errors.join('\n')).not.toBe(EXIT_JOB_BUSY);
    expect(await leaseNames()).toEqual([]);
  });

  it('waits for a run on this machine whose process is alive', async () => {
    await store.leases.acquire({
      name: runLeaseName('recognition', 'Europe/London'),
      holder: `teamhealth serve, pid ${process.ppid} on ${hostname()}`,
      ttlMs: Date.now() - SINCE.getTime() + 3600_000,
      now: SINCE,
    });
    expect((await run('recognition', 'T1')).code).toBe(EXIT_JOB_BUSY);
  });
});
