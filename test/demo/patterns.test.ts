/**
 * End to end through the real store: `teamhealth demo` fills the SQLite store in a
 * temporary folder, writes organisation.json and report.json, and the report finds each
 * planted pattern; a second run leaves the store as it was.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoDeps, demoCommand } from '../../src/commands/demo.ts';
import { type DemoOrganisation, generateDemoOrganisation } from '../../src/demo/organisation.ts';
import type { OrganisationSummary } from '../../src/demo/summary.ts';
import type { OrgReport } from '../../src/domain/report-types.ts';
import { createLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/open.ts';
import { expectPlantedPatterns } from './expect-patterns.ts';

describe('teamhealth demo through the SQLite store', () => {
  let dir: string;
  let deps: DemoDeps;
  let lines: string[];
  let org: DemoOrganisation;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'teamhealth-demo-'));
    lines = [];
    deps = {
      env: { TEAMHEALTH_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent' },
      print: (line) => lines.push(line),
    };
    org = generateDemoOrganisation({ seed: 42 });
    expect(await demoCommand({ out: path.join(dir, 'out'), seed: 42 }, deps)).toBe(0);
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('says what it generated and where the data went', () => {
    expect(lines[0]).toMatch(/^Generated 8 teams at 4 sites, \d+ agents, [\d,]+ agent-days/);
    expect(lines.join('\n')).toContain(path.resolve(dir, 'out', 'data'));
    expect(lines.join('\n')).toContain(`Wrote ${path.join(dir, 'out', 'organisation.json')}`);
  });

  it('stores every generated record', async () => {
    const store = await openStore(
      { dataDir: path.join(dir, 'out', 'data') },
      { logger: silentLogger() },
    );
    try {
      expect(await store.kpis.count()).toBe(org.agentDays.length);
      expect((await store.teams.list()).length).toBe(8);
      expect((await store.agents.list()).length).toBe(org.agents.length);
      expect((await store.tips.list({})).length).toBe(org.tips.length);
      expect(await store.kpis.dateSpan()).toEqual({ from: '2026-05-05', to: '2026-10-31' });
    } finally {
      await store.close();
    }
  });

  it('writes organisation.json naming each planted pattern and its team', async () => {
    const summary = JSON.parse(
      await readFile(path.join(dir, 'out', 'organisation.json'), 'utf8'),
    ) as OrganisationSummary;
    expect(summary.anchor).toBe('2026-10-31');
    expect(summary.counts.agentDays).toBe(org.agentDays.length);
    const where = Object.fromEntries(summary.patterns.map((p) => [p.pattern, p.teams]));
    expect(where.csat_decline).toEqual(['TM02']);
    expect(where.volatile).toEqual(['TM03']);
    expect(where.speed_over_quality).toEqual(['TM05']);
    expect(where.contact_mix_shift).toEqual(['TM07']);
    expect(where.enablement_gaps).toEqual(['TM01', 'TM06']);
    expect(where.thin_days).toEqual(['TM06']);
    expect(where.thin_evidence_agent).toEqual(['TM01']);
    const thin = summary.patterns.find((p) => p.pattern === 'thin_days');
    expect(thin?.dates).toEqual(['2026-10-11', '2026-10-18', '2026-10-25']);
    const agent = summary.patterns.find((p) => p.pattern === 'thin_evidence_agent');
    expect(agent?.agent).toContain(org.planted.thinEvidenceAgent);
  });

  it('writes report.json in which every planted pattern is found', async () => {
    const report = JSON.parse(
      await readFile(path.join(dir, 'out', 'report.json'), 'utf8'),
    ) as OrgReport;
    expectPlantedPatterns(report, org);
  });

  // A whole demo run renders every chart: give it the hook's time on a loaded machine.
  it('leaves the store unchanged when run a second time', async () => {
    lines.length = 0;
    expect(await demoCommand({ out: path.join(dir, 'out'), seed: 42 }, deps)).toBe(0);
    expect(lines.join('\n')).toMatch(/Stored: 0 new, 0 updated, [\d,]+ already there\./);
    const store = await openStore(
      { dataDir: path.join(dir, 'out', 'data') },
      { logger: silentLogger() },
    );
    try {
      expect(await store.kpis.count()).toBe(org.agentDays.length);
      expect((await store.tips.list({})).length).toBe(org.tips.length);
    } finally {
      await store.close();
    }
  }, 120_000);
});

function silentLogger() {
  return createLogger('silent');
}
