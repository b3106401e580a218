/**
 * The report code (src/reporting/build-org-report.ts and src/analytics) run on the demo organisation,
 * written through the demo's store writer into an in-memory store, finds every planted
 * pattern, for the default seed and for other seeds.
 * The same checks through the real store are in patterns.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { assignTiers } from '../../src/analytics/tiers.ts';
import { type DemoOrganisation, generateDemoOrganisation } from '../../src/demo/organisation.ts';
import { writeDemoToStore } from '../../src/demo/store-writer.ts';
import { METRICS } from '../../src/domain/metrics.ts';
import type { OrgReport } from '../../src/domain/report-types.ts';
import { buildOrgReport } from '../../src/reporting/build-org-report.ts';
import {
  expectCsatDecline,
  expectEnablementGaps,
  expectMixShift,
  expectPlantedPatterns,
  expectSpeedOverQuality,
  expectThinDays,
  expectThinEvidence,
  expectVolatile,
  teamOf,
} from './expect-patterns.ts';
import { memoryStore } from './memory-store.ts';

describe('the report on the demo organisation (seed 42, in memory)', () => {
  let org: DemoOrganisation;
  let report: OrgReport;
  beforeAll(async () => {
    org = generateDemoOrganisation({ seed: 42 });
    const store = memoryStore();
    await writeDemoToStore({ store, org });
    report = await buildOrgReport({ store });
  });

  it('defaults its as-of to the anchor date 2026-10-31, the last day with data', () => {
    expect(report.asOf).toBe('2026-10-31');
  });

  it('finds the returns team at_risk on CSAT with a declining trend', () =>
    expectCsatDecline(report));

  it('finds the Manila tech team volatile on answer rate, on the three incident days', () =>
    expectVolatile(report));

  it('flags the payments team for speed bought with quality', () => expectSpeedOverQuality(report));

  it('detects the Kraków billing mix shift with refund first among the drivers', () =>
    expectMixShift(report));

  it('diagnoses returns-2026 agents at every checkpoint, and the rest on track', () =>
    expectEnablementGaps(report, org));

  it('keeps the contrast: the planted signals appear only on their own teams', () => {
    const others = (id: string) => report.teams.filter((t) => t.id !== id);
    expect(others('TM02').filter((t) => t.metrics.csat.health === 'at_risk')).toEqual([]);
    expect(others('TM07').filter((t) => t.contactMix.shift)).toEqual([]);
    expect(others('TM05').filter((t) => t.balance.length > 0)).toEqual([]);
    for (const id of ['TM04', 'TM08']) {
      for (const metric of METRICS)
        expect(teamOf(report, id).metrics[metric].health, `${id} ${metric}`).toBe('healthy');
    }
  });

  it('finds the Leeds team’s p′ limits widest on its three skeleton-crew Sundays', () =>
    expectThinDays(report));

  it('ranks the thin-evidence agent lagging on raw values (v1) but not on ranking values (v2)', () => {
    expectThinEvidence(report, org);
    const agent = report.teams
      .flatMap((t) => t.agents)
      .find((a) => a.id === org.planted.thinEvidenceAgent);
    expect(agent?.tier).toBe('average');
    const agents = report.teams.flatMap((t) => t.agents);
    const v1 = assignTiers(
      agents.map((a) => ({
        id: a.id,
        group: 'organisation',
        contacts: a.contacts,
        values: a.values,
      })),
      report.options,
    );
    expect(v1.get(org.planted.thinEvidenceAgent)?.tier).toBe('lagging');
  });

  it('leaves every part-timer untiered (under 30 contacts in the window)', () => {
    const partTimers = Object.entries(org.planted.kinds).filter(([, kind]) => kind === 'part_time');
    expect(partTimers.length).toBeGreaterThanOrEqual(1);
    const agents = report.teams.flatMap((t) => t.agents);
    for (const [id] of partTimers) {
      const agent = agents.find((a) => a.id === id);
      expect(agent?.tier, id).toBe('insufficient_data');
      expect(agent?.composite, id).toBeNull();
      expect(agent?.contacts, id).toBeLessThan(30);
    }
  });

  it('puts most planted top agents (at least 10 of 16) in the top tier', () => {
    const agents = report.teams.flatMap((t) => t.agents);
    const tiers = org.planted.topAgents.map((id) => agents.find((a) => a.id === id)?.tier);
    expect(tiers).toHaveLength(16);
    expect(tiers.filter((t) => t === 'top').length).toBeGreaterThanOrEqual(10);
  });

  it('has tip authors who rank in the better half of the organisation on their tip metric', () => {
    const agents = report.teams.flatMap((t) => t.agents);
    for (const tip of org.tips) {
      const percentile = agents.find((a) => a.id === tip.agent_id)?.percentiles[tip.metric];
      expect(percentile, `${tip.agent_id} ${tip.metric}`).toBeGreaterThanOrEqual(0.5);
    }
  });
});

describe('the planted patterns do not depend on a lucky seed', () => {
  it.each([1, 2, 3, 7, 1234])('are all found with seed %i', async (seed) => {
    const org = generateDemoOrganisation({ seed });
    const store = memoryStore();
    await writeDemoToStore({ store, org });
    const report = await buildOrgReport({ store });
    expectPlantedPatterns(report, org);
  });
});
