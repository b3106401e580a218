/**
 * buildOrgReport against a recording stand-in for the Store interface: checks what the
 * shell asks the store for (dates, team filters) and how it fills defaults. The real
 * embedded store is exercised in test/commands/report.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { emptySums } from '../../src/domain/metrics.ts';
import type { Team } from '../../src/domain/records.ts';
import { NotFoundError } from '../../src/errors.ts';
import { buildOrgReport } from '../../src/reports.ts';
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
    kind: 'embedded',
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
