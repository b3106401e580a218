/**
 * The demo organisation as domain records, generated from a seed. Deterministic: the
 * same seed gives byte-identical records (no clock, no Math.random, fixed anchor date).
 * @example generateDemoOrganisation({ seed: 42 }).teams.length // 8
 */
import { addDays } from '../domain/dates.ts';
import type {
  Agent,
  AgentDay,
  ContactVolume,
  EnablementEvent,
  LocalDate,
  Team,
} from '../domain/records.ts';
import type { Tip } from '../domain/surfaces.ts';
import { generateAgentDays } from './agent-days.ts';
import { generateContactVolumes } from './contacts.ts';
import { generateEnablement, type PlantedEnablement } from './enablement.ts';
import { DEFAULT_SEED, DEMO_ANCHOR, DEMO_DAYS } from './patterns.ts';
import { type AgentKind, buildPeople } from './people.ts';
import { generateTips } from './tips.ts';

export interface DemoOrganisation {
  seed: number;
  /** First and last local day of data (the anchor). */
  from: LocalDate;
  to: LocalDate;
  teams: Team[];
  agents: Agent[];
  agentDays: AgentDay[];
  contacts: ContactVolume[];
  enablement: EnablementEvent[];
  tips: Tip[];
  /** What was planted on whom, for the summary and the tests (not stored). */
  planted: {
    kinds: Record<string, AgentKind>;
    topAgents: string[];
    enablement: PlantedEnablement[];
    /** Pattern 8: the agent with few survey answers and few QA reviews. */
    thinEvidenceAgent: string;
  };
}

/**
 * @param args.seed a whole number (default 42)
 * @throws Error when the seed is not a whole number
 */
export function generateDemoOrganisation(args: { seed?: number } = {}): DemoOrganisation {
  const seed = args.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`generateDemoOrganisation needs a whole-number seed, got ${String(args.seed)}`);
  }
  const { teams, profiles } = buildPeople(seed);
  const agentDays = generateAgentDays(seed, teams, profiles);
  const contacts = generateContactVolumes(seed, agentDays);
  const { events, planted } = generateEnablement(seed, profiles);
  return {
    seed,
    from: addDays(DEMO_ANCHOR, -(DEMO_DAYS - 1)),
    to: DEMO_ANCHOR,
    teams,
    agents: profiles.map((p) => p.agent),
    agentDays,
    contacts,
    enablement: events,
    tips: generateTips(seed, profiles),
    planted: {
      kinds: Object.fromEntries(profiles.map((p) => [p.agent.id, p.kind])),
      topAgents: profiles.filter((p) => p.top).map((p) => p.agent.id),
      enablement: planted,
      thinEvidenceAgent: profiles.find((p) => p.thinEvidence)?.agent.id ?? '',
    },
  };
}
