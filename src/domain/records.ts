/** The records the app imports and stores (METRICS.md, "Input records"). */
import type { Sums } from './metrics.ts';

/** A local calendar date, `YYYY-MM-DD`, in the team's time zone. */
export type LocalDate = string;

export interface Team {
  id: string;
  name: string;
  /** Slack channel the team's posts go to; may be empty until configured. */
  channel_id: string;
  lead_slack_ids: string[];
  /** IANA time zone, e.g. `Europe/London`. */
  timezone: string;
  site: string;
}

export interface Agent {
  id: string;
  name: string;
  team_id: string;
  slack_user_id?: string;
  email?: string;
  hire_date?: LocalDate;
  site?: string;
}

/**
 * One agent's counts for one local day. Optional counts that the source did not
 * measure are absent, never 0. `team_id` is the agent's team when the row was
 * imported, so history stays with the team the work was done for.
 */
export interface AgentDay extends Partial<Sums> {
  date: LocalDate;
  agent_id: string;
  team_id: string;
  contacts_handled: number;
}

export interface ContactVolume {
  date: LocalDate;
  team_id: string;
  reason: string;
  count: number;
}

export const ENABLEMENT_STAGES = ['learned', 'knowledge_check', 'simulation', 'execution'] as const;
export type EnablementStage = (typeof ENABLEMENT_STAGES)[number];

export interface EnablementEvent {
  initiative_id: string;
  agent_id: string;
  stage: EnablementStage;
  date: LocalDate;
  /** learned, knowledge_check, simulation */
  passed?: boolean;
  /** execution */
  applicable_contacts?: number;
  applied_contacts?: number;
}

/** Natural keys: one stored record per key; re-importing replaces, never duplicates. */
export const naturalKey = {
  team: (t: Pick<Team, 'id'>) => t.id,
  agent: (a: Pick<Agent, 'id'>) => a.id,
  agentDay: (r: Pick<AgentDay, 'agent_id' | 'date'>) => `${r.agent_id}|${r.date}`,
  contactVolume: (r: Pick<ContactVolume, 'team_id' | 'date' | 'reason'>) =>
    `${r.team_id}|${r.date}|${r.reason}`,
  enablement: (r: Pick<EnablementEvent, 'initiative_id' | 'agent_id' | 'stage'>) =>
    `${r.initiative_id}|${r.agent_id}|${r.stage}`,
};
