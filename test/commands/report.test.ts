import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleOrgReport } from '../../src/analytics/assemble-org-report.ts';
import { defaultReportOptions } from '../../src/analytics/options.ts';
import { compactJsonPieces, formatReportText } from '../../src/commands/report.ts';
import { addDays } from '../../src/domain/dates.ts';
import { emptySums } from '../../src/domain/metrics.ts';
import type { AgentDay } from '../../src/domain/records.ts';
import { createLogger } from '../../src/log.ts';
import { buildOrgReport } from '../../src/reporting/build-org-report.ts';
import { openStore } from '../../src/store/open.ts';
import { largestOrg } from '../blocks/fixtures.ts';

const BIN = fileURLToPath(new URL('../../bin/teamhealth.mjs', import.meta.url));
/** The environment minus any MongoDB URI, so the child uses the embedded store. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.MONGODB_URI;
  delete env.TEAMHEALTH_DB;
  return env;
}

// One team whose CSAT falls 1 pt a day over the 28-day window ending 2026-10-31.
const report = assembleOrgReport({
  asOf: '2026-10-31',
  options: defaultReportOptions(),
  teams: [
    {
      id: 'T1',
      name: 'Billing',
      channel_id: '',
      lead_slack_ids: [],
      timezone: 'Europe/London',
      site: 'Leeds',
    },
  ],
  agents: [],
  teamDays: Array.from({ length: 28 }, (_, d) => ({
    ...emptySums(),
    team_id: 'T1',
    date: addDays('2026-10-04', d),
    csat_positive: 100 - d,
    csat_responses: 100,
  })),
  agentWindow: [],
  agentPreviousWindow: [],
  contactsRecent: [],
  contactsBaseline: [],
  enablement: [],
});

describe('compactJsonPieces', () => {
  it('gives exactly JSON.stringify(report) and a newline, in a piece per team and the frame', () => {
    const org = largestOrg();
    // A name outside Latin-1 in one team, and JSON that must be escaped in another.
    const [first, second] = org.teams;
    if (!first || !second) throw new Error('largestOrg() built fewer than two teams');
    first.name = 'Łódź Billing "north"';
    second.name = 'Zürich\nSupport </script>';
    const pieces = [...compactJsonPieces(org)];
    expect(pieces.join('')).toBe(`${JSON.stringify(org)}\n`);
    expect(pieces).toHaveLength(org.teams.length + 2);
  });

  it('frames an organisation with no teams the same way', () => {
    const org = { ...largestOrg(), teams: [] };
    expect([...compactJsonPieces(org)].join('')).toBe(`${JSON.stringify(org)}\n`);
  });
});

describe('formatReportText', () => {
  const text = formatReportText(report);

  it('heads the summary with the as-of date and window', () => {
    expect(text.split('\n')[0]).toBe(
      'Team health as of 2026-10-31 (window 2026-10-04 to 2026-10-31)',
    );
  });

  it('shows each metric with its value, n, health and first reason', () => {
    // 2422/2800 = 86.5%; 2,800 responses.
    const csat = text.split('\n').find((line) => line.trimStart().startsWith('CSAT'));
    expect(csat).toContain('86.5%');
    expect(csat).toContain('n = 2,800 survey responses');
    expect(csat).toContain('at_risk');
    expect(csat).toContain('at_risk           fell about 1.0 pts a day over 28 days (p < 0.001)');
    const fcr = text
      .split('\n')
      .find((line) => line.trimStart().startsWith('First-contact resolution'));
    expect(fcr).toContain('insufficient_data');
  });

  it('gives the tier mix, the contact mix and balance lines', () => {
    expect(text).toContain('Tiers: top 0 · average 0 · lagging 0 · not enough contacts 0');
    expect(text).toContain('Contact mix: not enough contacts to compare');
    expect(text).toContain('Balance: no speed/quality trade-off');
  });
});

describe('report on a real embedded store', () => {
  let dataDir = '';
  const logger = createLogger('silent');

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'teamhealth-report-'));
    const store = await openStore({ dataDir }, { logger });
    await store.teams.upsertMany({
      teams: [
        {
          id: 'T1',
          name: 'Billing',
          channel_id: '',
          lead_slack_ids: [],
          timezone: 'Europe/London',
          site: 'Leeds',
        },
      ],
    });
    await store.agents.upsertMany({
      agents: [
        { id: 'a1', name: 'Ann', team_id: 'T1' },
        { id: 'a2', name: 'Bob', team_id: 'T1' },
      ],
    });
    // a1's CSAT falls one response a day (50 − d of 50); a2 stays 50 of 50. Team day d:
    // (100 − d)/100, so the team falls 1 pt a day; window value 2422/2800 (Σd = 378).
    const rows: AgentDay[] = [];
    for (let d = 0; d < 28; d++) {
      const date = addDays('2026-10-04', d);
      rows.push({
        date,
        agent_id: 'a1',
        team_id: 'T1',
        contacts_handled: 60,
        csat_responses: 50,
        csat_positive: 50 - d,
      });
      rows.push({
        date,
        agent_id: 'a2',
        team_id: 'T1',
        contacts_handled: 60,
        csat_responses: 50,
        csat_positive: 50,
      });
    }
    await store.kpis.upsertMany({ rows });
    await store.close();
  });

  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('buildOrgReport reads the store and finds the decline', async () => {
    const store = await openStore({ dataDir }, { logger });
    try {
      const report = await buildOrgReport({ store });
      expect(report.asOf).toBe('2026-10-31');
      const csat = report.teams[0]?.metrics.csat;
      expect(csat?.value).toBeCloseTo(2422 / 2800, 12);
      expect(csat?.health).toBe('at_risk');
      // a2 (100% CSAT) beats a1: N = 2 → p 1 and 0.
      expect(report.teams[0]?.agents.map((a) => [a.id, a.composite])).toEqual([
        ['a1', 0],
        ['a2', 1],
      ]);
    } finally {
      await store.close();
    }
  });

  const cli = (args: string[]) =>
    spawnSync(process.execPath, [BIN, 'report', ...args], {
      env: { ...cleanEnv(), TEAMHEALTH_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });

  it('report --json prints the OrgReport', () => {
    const run = cli(['--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.window).toEqual({ from: '2026-10-04', to: '2026-10-31' });
    expect(json.teams[0].id).toBe('T1');
    expect(json.teams[0].metrics.csat.health).toBe('at_risk');
    expect(json.teams[0].metrics.csat.reasons[0]).toMatchObject({
      kind: 'trend',
      direction: 'declining',
      slopePerDay: -0.01,
      days: 28,
    });
    expect(json.teams[0].metrics.fcr).toMatchObject({ value: null, health: 'insufficient_data' });
  });

  it('report --json carries the v2 fields an outside check reads, by their exact names', () => {
    const json = JSON.parse(cli(['--json']).stdout);
    const csat = json.teams[0].metrics.csat;
    expect(csat.stability.chart).toBe('p_prime');
    expect(csat.stability.mean).toBeCloseTo(2422 / 2800, 12);
    expect(typeof csat.stability.sigmaZ).toBe('number');
    expect(csat.stability.limits).toHaveLength(28);
    expect(Object.keys(csat.stability.limits[0]).sort()).toEqual(['date', 'lcl', 'ucl']);
    expect(csat.stability.limits[0].date).toBe('2026-10-04');
    expect(json.teams[0].metrics.aht.stability.chart).toBe('xmr');
    expect(json.teams[0].metrics.aht.stability).toHaveProperty('ucl');
    expect(json.teams[0].metrics.aht.stability).toHaveProperty('lcl');
    const [a1, a2] = json.teams[0].agents;
    // Two ranked agents (N < 3): ranking values are the raw rates.
    expect(a1.rankingValues.csat).toBeCloseTo(1022 / 1400, 12);
    expect(a2.percentiles.csat).toBe(1);
    // scipy binomtest(1022, 1400).proportion_ci(method='wilson') = 0.70614 – 0.75260.
    expect(a1.intervals.csat[0]).toBeCloseTo(0.70614, 4);
    expect(a1.intervals.csat[1]).toBeCloseTo(0.7526, 4);
    expect(Object.keys(a1.intervals)).toEqual(['csat']);
  });

  it('report --qa-min-evaluations 0 is a usage error naming the option (exit 64)', () => {
    const run = cli(['--qa-min-evaluations', '0']);
    expect(run.status).toBe(64);
    expect(run.stderr).toMatch(/qa-min-evaluations|qaMinEvaluations/);
  });

  it('report --json into a pipe whose reader has gone (| head) ends quietly with its exit code', async () => {
    const child = spawn(process.execPath, [BIN, 'report', '--json'], {
      env: { ...cleanEnv(), TEAMHEALTH_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader closes before the report is written: every write then fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('report --team by name works and an unknown team lists the known ones (exit 1)', () => {
    expect(cli(['--team', 'Billing']).status).toBe(0);
    const run = cli(['--team', 'Nope']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no team with id or name "Nope". Known teams: T1 (Billing)');
  });
});
