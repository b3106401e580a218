/**
 * The demo's teams and agents: Team and Agent records, plus each agent's persistent
 * working profile (ability per metric, throughput, rota) that the daily generator draws
 * around. Abilities share one all-round factor, so strong agents tend to be strong on
 * most metrics, as in real teams, with room for a personal best metric.
 */
import { addDays, daysBetween } from '../domain/dates.ts';
import type { Agent, LocalDate, Team } from '../domain/records.ts';
import { DEMO_ANCHOR, DEMO_DAYS, PATTERNS } from './patterns.ts';
import type { Random } from './random.ts';
import { createRandom } from './random.ts';
import { EMAIL_DOMAIN, SITES, type SiteDef, TEAMS, type TeamDef } from './roster.ts';

export type AgentKind = 'full_time' | 'part_time';

export interface AgentProfile {
  agent: Agent;
  kind: AgentKind;
  /** Planted top agent (pattern 6). */
  top: boolean;
  /** Usual contacts on a working day. */
  throughput: number;
  csat: number;
  fcr: number;
  /** Usual handle time in seconds. */
  aht: number;
  qa: number;
  answerRate: number;
  /** Weekdays (0 = Sunday … 6 = Saturday) the agent works. */
  workDays: readonly number[];
  /** First day with data (the hire date, or the first demo day for longer-serving agents). */
  firstDay: LocalDate;
  /** Planted thin evidence (pattern 8): few survey answers and few QA reviews. */
  thinEvidence?: boolean;
  /** Share of contacts that answer the survey, when not the usual 22%. */
  csatResponseRate?: number;
}

export interface DemoPeople {
  teams: Team[];
  profiles: AgentProfile[];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Builds every team and agent for a seed. Team sizes are 10 to 16 agents. */
export function buildPeople(seed: number): DemoPeople {
  const rng = createRandom(seed, 'people');
  const firstDemoDay = addDays(DEMO_ANCHOR, -(DEMO_DAYS - 1));
  const usedNames = new Set<string>();
  const teams: Team[] = [];
  const profiles: AgentProfile[] = [];
  let agentNo = 0;
  for (const def of TEAMS) {
    const site = SITES.find((s) => s.site === def.site);
    if (!site) throw new Error(`demo roster: team ${def.id} names unknown site ${def.site}`);
    teams.push({
      id: def.id,
      name: def.name,
      channel_id: `C${rng.code(10)}`,
      lead_slack_ids: [`U${rng.code(10)}`],
      timezone: site.timezone,
      site: site.site,
    });
    const partTimers = (PATTERNS.partTimers.teams as readonly string[]).includes(def.id) ? 1 : 0;
    const size = rng.int(10, 16);
    const order = rng.shuffle([...Array(size).keys()]);
    // The first few of a random order are the team's top agents, the last its part-timer.
    const topSlots = new Set(order.slice(0, PATTERNS.topAgents.perTeam));
    const partSlots = new Set(order.slice(size - partTimers));
    for (let slot = 0; slot < size; slot++) {
      agentNo += 1;
      const kind: AgentKind = partSlots.has(slot) ? 'part_time' : 'full_time';
      profiles.push(
        buildProfile({
          rng,
          def,
          site,
          id: `A${String(agentNo).padStart(3, '0')}`,
          kind,
          top: topSlots.has(slot),
          usedNames,
          firstDemoDay,
        }),
      );
    }
  }
  plantThinEvidence(profiles);
  return { teams, profiles };
}

/**
 * Pattern 8: the first full-time, non-top agent of the team who predates the data gets
 * few survey answers at a low rate and few, poor QA reviews. No random draw is added or
 * removed, so every other agent's numbers stay as they were.
 */
function plantThinEvidence(profiles: AgentProfile[]): void {
  const plant = PATTERNS.thinEvidence;
  const firstDemoDay = addDays(DEMO_ANCHOR, -(DEMO_DAYS - 1));
  const agent = profiles.find(
    (p) =>
      p.agent.team_id === plant.team &&
      p.kind === 'full_time' &&
      !p.top &&
      p.firstDay === firstDemoDay,
  );
  if (!agent) throw new Error(`demo: no agent in ${plant.team} to plant thin evidence on`);
  agent.thinEvidence = true;
  agent.csat = plant.csat;
  agent.csatResponseRate = plant.csatResponseRate;
  agent.qa = plant.qa;
  agent.fcr = plant.fcr;
  agent.answerRate = plant.answerRate;
  agent.aht = (TEAMS.find((t) => t.id === plant.team)?.ahtSeconds ?? agent.aht) * plant.ahtFactor;
}

function buildProfile(args: {
  rng: Random;
  def: TeamDef;
  site: SiteDef;
  id: string;
  kind: AgentKind;
  top: boolean;
  usedNames: Set<string>;
  firstDemoDay: LocalDate;
}): AgentProfile {
  const { rng, def, site, id, kind, top, usedNames, firstDemoDay } = args;
  let first = '';
  let last = '';
  do {
    first = rng.pick(site.firstNames);
    last = rng.pick(site.lastNames);
  } while (usedNames.has(`${first} ${last}`));
  usedNames.add(`${first} ${last}`);

  // Tenure: most agents predate the data; about one in ten joined during it.
  const newHire = kind === 'full_time' && !top && rng.chance(0.1);
  const hireDate = newHire
    ? addDays(firstDemoDay, rng.int(20, 110))
    : addDays(firstDemoDay, -rng.int(60, 2400));
  const firstDay = daysBetween(firstDemoDay, hireDate) > 0 ? hireDate : firstDemoDay;

  // One all-round factor plus a personal one per metric (correlation ≈ 0.55).
  const ability = top ? PATTERNS.topAgents.abilityBoost + rng.normal(0, 0.25) : rng.normal(0, 0.8);
  const skill = () => 0.75 * ability + 0.65 * rng.normal();
  const agent: Agent = {
    id,
    name: `${first} ${last}`,
    team_id: def.id,
    slack_user_id: `U${rng.code(10)}`,
    email: `${ascii(first)}.${ascii(last)}@${EMAIL_DOMAIN}`,
    hire_date: hireDate,
    site: site.site,
  };
  return {
    agent,
    kind,
    top,
    throughput: clamp(38 + 6 * skill(), 24, 56),
    csat: clamp(0.86 + 0.035 * skill(), 0.7, 0.97),
    fcr: clamp(0.72 + 0.045 * skill(), 0.55, 0.88),
    aht: clamp(def.ahtSeconds * (1 - 0.08 * skill()), 0.7 * def.ahtSeconds, 1.35 * def.ahtSeconds),
    qa: clamp(84 + 4 * skill(), 68, 97),
    answerRate: clamp(0.9 + 0.025 * skill(), 0.8, 0.98),
    workDays: rota(rng, def, kind),
    firstDay,
  };
}

/**
 * Working weekdays: full-timers work five days (Monday to Friday in weekday teams; in
 * seven-day teams two consecutive days off, spread over the week so every day is
 * staffed alike); part-timers one fixed shift a week.
 */
function rota(rng: Random, def: TeamDef, kind: AgentKind): number[] {
  if (kind === 'part_time') return [def.coverage === 'weekdays' ? rng.int(1, 5) : 6];
  if (def.coverage === 'weekdays') return [1, 2, 3, 4, 5];
  const firstOff = rng.int(0, 6);
  const off = new Set([firstOff, (firstOff + 1) % 7]);
  return [0, 1, 2, 3, 4, 5, 6].filter((d) => !off.has(d));
}

/** ASCII for email local parts: Łukasz → lukasz, Wiśniewski → wisniewski. */
function ascii(name: string): string {
  return name
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}
