/**
 * buildOrgReport against a recording stand-in for the Store interface: checks what the
 * shell asks the store for (dates, team filters) and how it fills defaults. The real
 * embedded store is exercised in test/commands/report.test.ts, and below for the cache.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoOrganisation } from '../../src/demo/organisation.ts';
import { writeDemoToStore } from '../../src/demo/store-writer.ts';
import { emptySums } from '../../src/domain/metrics.ts';
import type { Team } from '../../src/domain/records.ts';
import { NotFoundError } from '../../src/errors.ts';
import { buildOrgReport } from '../../src/reporting/build-org-report.ts';
import { createReportCache } from '../../src/reporting/org-report-cache.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';

const TEAMS: Team[] = ['T1', 'T2'].map((id) => ({
  id,
  name: `Team ${id}`,
  channel_id: '',
  lead_slack_ids: [],
  timezone: 'UTC',
  site: 'S',
}));

function fakeStore(span: { from: string; to: string } | null) {
  const calls: { method: string; args: unknown }[] = [];
  const record =
    <T>(method: string, result: T) =>
    async (args?: unknown) => {
      calls.push({ method, args });
      return result;
    };
  const store = {
    kind: 'sqlite',
    teams: { list: record('teams.list', TEAMS) },
    agents: { list: record('agents.list', [{ id: 'x1', name: 'X', team_id: 'T2' }]) },
    kpis: {
      dateSpan: record('kpis.dateSpan', span),
      teamDailySums: record('kpis.teamDailySums', []),
      agentWindowSums: record('kpis.agentWindowSums', [
        {
          ...emptySums(),
          agent_id: 'x1',
          team_id: 'T2',
          days: 5,
          contacts_handled: 40,
          csat_positive: 8,
          csat_responses: 10,
        },
      ]),
    },
    contacts: { reasonCounts: record('contacts.reasonCounts', []) },
    enablement: { list: record('enablement.list', []) },
  } as unknown as Store;
  return { store, calls };
}

describe('buildOrgReport', () => {
  it('defaults asOf to the last date with data and loads the spans the report needs', async () => {
    const { store, calls } = fakeStore({ from: '2026-01-01', to: '2026-10-31' });
    const report = await buildOrgReport({ store, teamIds: ['T1'] });
    expect(report.asOf).toBe('2026-10-31');
    expect(report.teams.map((t) => t.id)).toEqual(['T1']);
    const args = (m: string) => calls.filter((c) => c.method === m).map((c) => c.args);
    // Team days from the monthly span start (1 May, 6 months) to asOf, only for T1.
    expect(args('kpis.teamDailySums')).toEqual([
      { from: '2026-05-01', to: '2026-10-31', teamIds: ['T1'] },
    ]);
    // Agent sums for the whole organisation (no team filter): window and previous window.
    expect(args('kpis.agentWindowSums')).toEqual([
      { from: '2026-10-04', to: '2026-10-31' },
      { from: '2026-09-06', to: '2026-10-03' },
    ]);
    expect(args('contacts.reasonCounts')).toEqual([
      { from: '2026-10-25', to: '2026-10-31', teamIds: ['T1'] },
      { from: '2026-09-27', to: '2026-10-24', teamIds: ['T1'] },
    ]);
  });

  it('uses a given asOf without asking for the date span', async () => {
    const { store, calls } = fakeStore(null);
    const report = await buildOrgReport({ store, asOf: '2026-06-30', options: { windowDays: 14 } });
    expect(report.window).toEqual({ from: '2026-06-17', to: '2026-06-30' });
    expect(calls.some((c) => c.method === 'kpis.dateSpan')).toBe(false);
    // No team filter asked for, so none is passed on (the store need not match every id).
    expect(calls.find((c) => c.method === 'kpis.teamDailySums')?.args).toEqual({
      from: '2026-01-01', // six months January–June, the current one partial
      to: '2026-06-30',
      teamIds: undefined,
    });
    // x1 is the only eligible agent: p = 0.5, round(0.2·1) = 0 top/lagging → average.
    expect(report.teams.find((t) => t.id === 'T2')?.agents[0]).toMatchObject({
      id: 'x1',
      tier: 'average',
    });
  });

  it('says so when the store has no data', async () => {
    const { store } = fakeStore(null);
    await expect(buildOrgReport({ store })).rejects.toThrow(NotFoundError);
    await expect(buildOrgReport({ store })).rejects.toThrow('No KPI data in the store yet');
  });

  it('names unknown team ids and the known ones', async () => {
    const { store } = fakeStore({ from: '2026-01-01', to: '2026-10-31' });
    await expect(buildOrgReport({ store, teamIds: ['T9'] })).rejects.toThrow(
      'Unknown team id(s): T9 (known: T1, T2)',
    );
  });

  it('rejects bad options with the option named', async () => {
    const { store } = fakeStore({ from: '2026-01-01', to: '2026-10-31' });
    await expect(buildOrgReport({ store, options: { topShare: 2 } })).rejects.toThrow(
      'topShare must be between 0 and 1, got 2',
    );
  });
});

/**
 * With a report cache the organisation-wide report is built once and the asked-for teams
 * are picked from it. The claim that makes this safe: a team's report does not depend on
 * which other teams are reported (tiers and percentiles always span the organisation or
 * the site). Checked here against the plain filtered build on the demo organisation
 * (8 teams at 4 sites) in the real embedded store, for both peer groups.
 */
describe('buildOrgReport with a report cache', () => {
  let dir: string;
  let store: Store;
  let teamIds: string[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'teamhealth-cached-report-'));
    store = await openStore({ dataDir: dir }, { logger: pino({ level: 'silent' }) });
    await writeDemoToStore({ store, org: generateDemoOrganisation({ seed: 42 }) });
    teamIds = (await store.teams.list()).map((t) => t.id);
  });

  afterAll(async () => {
    await store?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const peerGroup of ['organisation', 'site'] as const) {
    it(`gives every team subset exactly the filtered build's report (peer group ${peerGroup})`, async () => {
      expect(teamIds).toHaveLength(8);
      const cache = createReportCache();
      const options = { peerGroup };
      const subsets = [
        ...teamIds.map((id) => [id]),
        [teamIds[5], teamIds[1]] as string[], // order asked differs from the organisation's
        teamIds.slice(2, 6),
        [teamIds[3], teamIds[3]] as string[], // a duplicate id
      ];
      for (const ids of subsets) {
        const plain = await buildOrgReport({ store, teamIds: ids, options });
        const cached = await buildOrgReport({ store, teamIds: ids, options, cache });
        expect(cached).toEqual(plain);
      }
      const whole = await buildOrgReport({ store, options });
      expect(await buildOrgReport({ store, options, cache })).toEqual(whole);
      // One organisation-wide build answered all of them.
      expect(cache.size).toBe(1);
    });
  }

  it('reuses one build across calls, and one per distinct option set', async () => {
    const cache = createReportCache();
    const a = await buildOrgReport({ store, teamIds: [teamIds[0] as string], cache });
    const b = await buildOrgReport({ store, teamIds: [teamIds[0] as string], cache });
    // The same objects: the second answer came from the cache, not a rebuild.
    expect(b.teams[0]).toBe(a.teams[0]);
    // Defaults spelled out are the same options, so the same entry.
    await buildOrgReport({ store, cache, options: { windowDays: 28 } });
    expect(cache.size).toBe(1);
    const week = await buildOrgReport({ store, cache, options: { windowDays: 7 } });
    expect(week.window).toEqual({ from: '2026-10-25', to: '2026-10-31' });
    expect(cache.size).toBe(2);
  });

  it('uses only the cache it is given: without one, every call builds afresh', async () => {
    const cache = createReportCache();
    const first = await buildOrgReport({ store, cache });
    expect(cache.size).toBe(1);
    expect((await buildOrgReport({ store, cache })).teams[0]).toBe(first.teams[0]);
    expect((await buildOrgReport({ store })).teams[0]).not.toBe(first.teams[0]);
    expect(cache.size).toBe(1);
  });

  it('still names unknown team ids', async () => {
    await expect(
      buildOrgReport({ store, teamIds: ['NOPE'], cache: createReportCache() }),
    ).rejects.toThrow('Unknown team id(s): NOPE');
  });
});

describe('buildOrgReport with a report cache, when the teams change', () => {
  it('rebuilds when a team was added since the cached build', async () => {
    const { store, calls } = fakeStore({ from: '2026-01-01', to: '2026-10-31' });
    const cache = createReportCache();
    expect((await buildOrgReport({ store, cache })).teams.map((t) => t.id)).toEqual(['T1', 'T2']);
    const builds = () => calls.filter((c) => c.method === 'kpis.teamDailySums').length;
    expect(builds()).toBe(1);
    // T3 appears in the store (an import in another process); the TTL has not run out.
    TEAMS.push({ ...(TEAMS[0] as Team), id: 'T3', name: 'Team T3' });
    try {
      const report = await buildOrgReport({ store, teamIds: ['T3'], cache });
      expect(report.teams.map((t) => t.id)).toEqual(['T3']);
      expect(builds()).toBe(2);
    } finally {
      TEAMS.pop();
    }
  });
});
