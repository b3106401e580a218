/**
 * The benchmarks' large organisation: 250 teams of 20 agents (5,000) over 365 days,
 * built from the demo generator's own parts (src/demo/): its people (abilities,
 * throughput, part-timers, top agents) from `buildPeople` over several seeds, its daily
 * model (`generateAgentDays`: absences, team-wide daily shocks, QA reviews) and its
 * contact-reason split (`generateContactVolumes`, each team taking one demo team's mix).
 * Everyone works every day of the week, so the year holds about 1.8M agent-days (a few
 * percent fewer for absences). The demo covers 180 days, so the year is three demo
 * periods of other seeds placed end to end. Deterministic.
 *
 *   node --import tsx bench/organisation.ts <data-folder>   fill a store (the configured kind)
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateAgentDays } from '../src/demo/agent-days.ts';
import { generateContactVolumes } from '../src/demo/contacts.ts';
import { DEMO_ANCHOR, DEMO_DAYS } from '../src/demo/patterns.ts';
import { type AgentProfile, buildPeople } from '../src/demo/people.ts';
import { TEAMS as DEMO_TEAMS } from '../src/demo/roster.ts';
import { addDays } from '../src/domain/dates.ts';
import type { AgentDay, ContactVolume, Team } from '../src/domain/records.ts';
import { openStore } from '../src/store/open.ts';
import type { Store } from '../src/store/types.ts';

export const BENCH_TEAMS = 250;
const AGENTS_PER_TEAM = 20;
const BENCH_DAYS = 365;
/** The last day of data (the demo's anchor). */
export const BENCH_AS_OF = DEMO_ANCHOR;
const SEED = 1_000;
const ALL_WEEK = [0, 1, 2, 3, 4, 5, 6] as const;
const FIRST_DAY = addDays(DEMO_ANCHOR, -(BENCH_DAYS - 1));

interface BenchPeople {
  teams: Team[];
  profiles: AgentProfile[];
}

/** 250 teams of 20, each team a demo team's site and time zone, its agents demo people. */
function benchPeople(): BenchPeople {
  const teams: Team[] = [];
  const profiles: AgentProfile[] = [];
  const pool: AgentProfile[] = [];
  for (let seed = SEED; pool.length < BENCH_TEAMS * AGENTS_PER_TEAM; seed++) {
    pool.push(...buildPeople(seed).profiles);
  }
  for (let t = 0; t < BENCH_TEAMS; t++) {
    const def = DEMO_TEAMS[t % DEMO_TEAMS.length] as (typeof DEMO_TEAMS)[number];
    const id = `B${String(t + 1).padStart(3, '0')}`;
    teams.push({
      id,
      name: `${def.name} ${Math.floor(t / DEMO_TEAMS.length) + 1}`,
      channel_id: `C${id}`,
      lead_slack_ids: [`U${id}LEAD`],
      timezone: 'Europe/London',
      site: def.site,
    });
    for (let a = 0; a < AGENTS_PER_TEAM; a++) {
      const n = t * AGENTS_PER_TEAM + a;
      const p = pool[n] as AgentProfile;
      profiles.push({
        ...p,
        agent: { ...p.agent, id: `A${String(n + 1).padStart(5, '0')}`, team_id: id },
        workDays: ALL_WEEK,
        firstDay: FIRST_DAY,
      });
    }
  }
  return { teams, profiles };
}

/** The demo team whose contact mix bench team `teamId` takes. */
function demoTeamOf(teamId: string): string {
  const t = Number(teamId.slice(1)) - 1;
  return (DEMO_TEAMS[t % DEMO_TEAMS.length] as (typeof DEMO_TEAMS)[number]).id;
}

/**
 * The organisation's records a few teams at a time (so the whole year is never in
 * memory): every agent-day of those teams over the year, and their contact volumes.
 */
export function* benchRecords(
  people: BenchPeople,
  teamsAtATime = 10,
): Generator<{ agentDays: AgentDay[]; contacts: ContactVolume[] }> {
  for (let start = 0; start < people.teams.length; start += teamsAtATime) {
    const teams = people.teams.slice(start, start + teamsAtATime);
    const ids = new Set(teams.map((t) => t.id));
    const profiles = people.profiles.filter((p) => ids.has(p.agent.team_id));
    const agentDays: AgentDay[] = [];
    // Three demo periods of 180 days, the older ones moved back, cut to the year.
    for (let period = 0; period * DEMO_DAYS < BENCH_DAYS; period++) {
      for (const row of generateAgentDays(SEED + period, teams, profiles)) {
        const date = addDays(row.date, -period * DEMO_DAYS);
        if (date >= FIRST_DAY) agentDays.push({ ...row, date });
      }
    }
    const contacts: ContactVolume[] = [];
    for (const team of teams) {
      const demoId = demoTeamOf(team.id);
      const own = agentDays
        .filter((r) => r.team_id === team.id)
        .map((r) => ({ ...r, team_id: demoId }));
      for (const volume of generateContactVolumes(SEED + Number(team.id.slice(1)), own)) {
        contacts.push({ ...volume, team_id: team.id });
      }
    }
    yield { agentDays, contacts };
  }
}

/** Writes the whole organisation through the Store in batches of `batch` rows. */
export async function writeBenchOrganisation(
  store: Store,
  batch = 5_000,
): Promise<{ agentDays: number; contacts: number }> {
  const people = benchPeople();
  await store.teams.upsertMany({ teams: people.teams });
  await store.agents.upsertMany({ agents: people.profiles.map((p) => p.agent) });
  let agentDays = 0;
  let contacts = 0;
  for (const chunk of benchRecords(people)) {
    for (let i = 0; i < chunk.agentDays.length; i += batch) {
      await store.kpis.upsertMany({ rows: chunk.agentDays.slice(i, i + batch) });
    }
    for (let i = 0; i < chunk.contacts.length; i += batch) {
      await store.contacts.upsertMany({ rows: chunk.contacts.slice(i, i + batch) });
    }
    agentDays += chunk.agentDays.length;
    contacts += chunk.contacts.length;
  }
  return { agentDays, contacts };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: node --import tsx bench/organisation.ts <data-folder>');
  const start = performance.now();
  const store = await openStore({ dataDir });
  try {
    const written = await writeBenchOrganisation(store);
    console.log(
      `${store.kind} store in ${dataDir}: ${BENCH_TEAMS} teams, ${BENCH_TEAMS * AGENTS_PER_TEAM} agents, ` +
        `${written.agentDays.toLocaleString('en')} agent-days, ${written.contacts.toLocaleString('en')} contact volumes ` +
        `in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
  } finally {
    await store.close();
  }
}
