/**
 * The shipped profiles on sample files written from each vendor's documentation
 * (test/fixtures/ingest/profiles/, sources in docs/profiles.md). Expected values are
 * computed by hand from the sample rows, shown beside each assertion.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AgentDay } from '../../src/domain/records.ts';
import { loadShippedProfile, shippedProfileNames } from '../../src/ingest/profiles/load-profile.ts';
import { createMemoryStore } from './support/memory-store.ts';
import { importFiles } from './support/run.ts';

const DIR = fileURLToPath(new URL('../fixtures/ingest/profiles/', import.meta.url));
const fixture = (name: string) => join(DIR, name);

let memory: ReturnType<typeof createMemoryStore>;
beforeEach(async () => {
  memory = createMemoryStore();
  // The org files use the aliases: team_id for a team's id, agent_id for an agent's.
  const org = await importFiles(memory.store, [fixture('agents.csv'), fixture('teams.csv')]);
  expect(org.code).toBe(0);
});

function day(agentId: string, date: string): AgentDay | undefined {
  return memory.tables.kpis.rows.get(`${agentId}|${date}`);
}

describe('shipped profiles', () => {
  it('ships the four documented profiles', () => {
    expect(shippedProfileNames()).toEqual([
      'amazon-connect',
      'genesys-cloud',
      'talkdesk-calls',
      'zendesk-tickets',
    ]);
  });

  it('amazon-connect: average handle time × contacts handled becomes handle_time_sec; the interval start is the day', async () => {
    const mapping = await loadShippedProfile('amazon-connect');
    const { code, err } = await importFiles(memory.store, [fixture('amazon-connect-agents.csv')], {
      mapping,
    });
    expect(code).toBe(0);
    // 00:04:10 = 250 s × 42 = 10500; 00:05:02 = 302 s × 38 = 11476; 00:03:45 = 225 s × 51 = 11475.
    expect(day('jdoe', '2026-11-30')).toEqual({
      date: '2026-11-30',
      agent_id: 'jdoe',
      team_id: 'T-LON',
      contacts_handled: 42,
      handle_time_sec: 10500,
      aht_contacts: 42,
    });
    expect(day('jdoe', '2026-12-01')?.handle_time_sec).toBe(11476);
    // Midnight +08:00 is Manila's 30 November (it would be the 29th read as UTC).
    expect(day('asmith', '2026-11-30')?.handle_time_sec).toBe(11475);
    expect(memory.tables.kpis.rows.size).toBe(3);
    // The answer rate is named as not imported, with its reason.
    expect(err.join('\n')).toMatch(/not imported: "Agent answer rate": .*cannot be derived/);
  });

  it('genesys-cloud: Handle is contacts handled and Avg Handle × Handle the handle time', async () => {
    const mapping = await loadShippedProfile('genesys-cloud');
    const { code } = await importFiles(memory.store, [fixture('genesys-agent-performance.csv')], {
      mapping,
    });
    expect(code).toBe(0);
    // 00:06:12 = 372 s × 43 = 15996; 00:05:00 = 300 s × 35 = 10500.
    expect(day('9c1e5d7a-3b2f-4c1d-8e6f-0a1b2c3d4e5f', '2026-11-30')).toMatchObject({
      contacts_handled: 43,
      handle_time_sec: 15996,
    });
    expect(day('2d4f6a8c-1e3b-4d5f-9a7c-6b8d0e2f4a6c', '2026-11-30')).toMatchObject({
      contacts_handled: 35,
      handle_time_sec: 10500,
      team_id: 'T-MNL',
    });
  });

  it('zendesk-tickets: solved tickets summed per assignee and day; Good of Good + Bad is the CSAT', async () => {
    const mapping = await loadShippedProfile('zendesk-tickets');
    const { code } = await importFiles(memory.store, [fixture('zendesk-tickets.csv')], {
      mapping,
    });
    expect(code).toBe(0);
    // 372001 on 30 Nov: tickets 1001 Good, 1002 Bad, 1003 Offered → 3 handled, 2 answers, 1 positive.
    expect(day('372001', '2026-11-30')).toEqual({
      date: '2026-11-30',
      agent_id: '372001',
      team_id: 'T-LON',
      contacts_handled: 3,
      csat_responses: 2,
      csat_positive: 1,
    });
    expect(day('372001', '2026-12-01')).toMatchObject({ contacts_handled: 1, csat_positive: 1 });
    // 372002: Unoffered + Good → 2 handled, 1 answer, 1 positive.
    expect(day('372002', '2026-11-30')).toMatchObject({
      contacts_handled: 2,
      csat_responses: 1,
      csat_positive: 1,
    });
    expect(memory.tables.kpis.rows.size).toBe(3);
  });

  it("talkdesk-calls: calls summed to the agent's local day; missed calls are not handled", async () => {
    const mapping = await loadShippedProfile('talkdesk-calls');
    const { code } = await importFiles(memory.store, [fixture('talkdesk-calls.csv')], {
      mapping,
    });
    expect(code).toBe(0);
    // Jordan (London, UTC+0 in November): c1 inbound, c2 outbound, c3 missed, c4 inbound at
    // 23:30Z (still the 30th in London) → 3 handled; talk + hold = 290 + 180 + 0 + 360 = 830;
    // scores 5 and 3 → 2 answers, 1 positive.
    expect(day('67b3696b5b004334e155e996', '2026-11-30')).toMatchObject({
      contacts_handled: 3,
      handle_time_sec: 830,
      csat_responses: 2,
      csat_positive: 1,
    });
    // Sam (Manila, UTC+8): c5 at 02:00Z is 10:00 on the 30th; c6 at 17:30Z is 01:30 on 1 Dec.
    expect(day('6214d14c79c2f9152b3c5b36', '2026-11-30')).toMatchObject({
      contacts_handled: 1,
      handle_time_sec: 210,
      csat_positive: 1,
    });
    expect(day('6214d14c79c2f9152b3c5b36', '2026-12-01')).toMatchObject({
      contacts_handled: 1,
      handle_time_sec: 150,
      csat_responses: 1,
      csat_positive: 0,
    });
  });

  it('changes nothing when the same export is imported twice', async () => {
    const mapping = await loadShippedProfile('zendesk-tickets');
    await importFiles(memory.store, [fixture('zendesk-tickets.csv')], { mapping });
    const before = structuredClone([...memory.tables.kpis.rows]);
    const again = await importFiles(memory.store, [fixture('zendesk-tickets.csv')], { mapping });
    expect(again.out.at(-1)).toContain('stored 3 (0 inserted, 0 updated, 3 unchanged)');
    expect([...memory.tables.kpis.rows]).toEqual(before);
  });
});
