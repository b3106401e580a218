/**
 * The one Store interface the rest of the app uses. Two backends implement it with the
 * same behaviour: MongoDB through the official driver, and SQLite (better-sqlite3) in a
 * local folder. Methods take one named-arguments object and are named after the question
 * they answer.
 */
import type {
  Agent,
  AgentDay,
  ContactVolume,
  EnablementEvent,
  LocalDate,
  Team,
} from '../domain/records.ts';
import type { AgentDaySums, AgentWindowSums, ContactCount, TeamDaySums } from '../domain/sums.ts';
import type { Delivery, Settings, Tip } from '../domain/surfaces.ts';

export type { AgentDaySums, AgentWindowSums, ContactCount, TeamDaySums };

export interface UpsertResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface DateRange {
  from: LocalDate;
  to: LocalDate;
}

export interface TeamStore {
  upsertMany(args: { teams: Team[] }): Promise<UpsertResult>;
  list(): Promise<Team[]>;
  get(args: { id: string }): Promise<Team | null>;
}

export interface AgentStore {
  upsertMany(args: { agents: Agent[] }): Promise<UpsertResult>;
  list(args?: { teamId?: string }): Promise<Agent[]>;
  get(args: { id: string }): Promise<Agent | null>;
  bySlackUser(args: { slackUserId: string }): Promise<Agent | null>;
}

export interface KpiStore {
  /** Upsert by (agent_id, date). All rows of one call are applied, or none. */
  upsertMany(args: { rows: AgentDay[] }): Promise<UpsertResult>;
  /** Σ per team and local day, one aggregation pipeline. */
  teamDailySums(args: DateRange & { teamIds?: string[] }): Promise<TeamDaySums[]>;
  /** Σ per agent over the range, one aggregation pipeline. */
  agentWindowSums(
    args: DateRange & { teamIds?: string[]; agentIds?: string[] },
  ): Promise<AgentWindowSums[]>;
  /** Σ per agent and day (personal bests, agent charts). */
  agentDailySums(args: DateRange & { agentIds: string[] }): Promise<AgentDaySums[]>;
  /** First and last date stored, or null when empty. */
  dateSpan(): Promise<DateRange | null>;
  count(): Promise<number>;
}

export interface ContactStore {
  upsertMany(args: { rows: ContactVolume[] }): Promise<UpsertResult>;
  /** Σ count per team and reason over the range. */
  reasonCounts(args: DateRange & { teamIds?: string[] }): Promise<ContactCount[]>;
}

export interface EnablementStore {
  upsertMany(args: { rows: EnablementEvent[] }): Promise<UpsertResult>;
  list(args: {
    initiativeId?: string;
    agentIds?: string[];
    to?: LocalDate;
  }): Promise<EnablementEvent[]>;
  initiatives(): Promise<string[]>;
}

export interface TipStore {
  add(args: { tip: Tip }): Promise<void>;
  list(args: { teamId?: string; metric?: string; agentId?: string }): Promise<Tip[]>;
  markHelpful(args: { tipId: string }): Promise<Tip | null>;
}

export interface DeliveryStore {
  /**
   * Records the intent to deliver under `delivery.key` if no record exists, and
   * returns the record now stored (the existing one when the key was taken).
   */
  claim(args: { delivery: Delivery }): Promise<{ delivery: Delivery; created: boolean }>;
  update(args: { key: string; set: Partial<Delivery> }): Promise<void>;
  /**
   * Takes over an existing record for another attempt, as one compare-and-set across
   * processes: it applies `set` only if the record still has `expect.status` and
   * `expect.attempts` (as this process last read them) and no other process's claim on
   * it is running (`claimed_until` absent or at or before `now`). True when this process
   * won; false when the record changed or is claimed, so the caller must not post.
   */
  takeOver(args: {
    key: string;
    expect: { status: Delivery['status']; attempts: number };
    now: string;
    set: Partial<Delivery>;
  }): Promise<boolean>;
  get(args: { key: string }): Promise<Delivery | null>;
  list(args: { job?: string; period?: string; status?: Delivery['status'] }): Promise<Delivery[]>;
  /** Coaching DMs sent to a target since an instant (weekly cap). */
  countSentSince(args: { job: string; target: string; since: string }): Promise<number>;
}

export interface LeaseStore {
  /**
   * Takes the named lease for `holder` until now + ttlMs if it is free, expired, or
   * already held by `holder`. True when `holder` holds it afterwards. Atomic across
   * instances sharing the store.
   */
  acquire(args: { name: string; holder: string; ttlMs: number; now: Date }): Promise<boolean>;
  release(args: { name: string; holder: string }): Promise<void>;
  /** Who holds the named lease, since when and until when; null when no lease is stored (it may have expired). */
  get(args: { name: string }): Promise<Lease | null>;
}

export interface Lease {
  name: string;
  holder: string;
  acquired_at: Date;
  expires_at: Date;
}

export interface SettingsStore {
  get(args: { slackUserId: string }): Promise<Settings | null>;
  upsert(args: { settings: Settings }): Promise<void>;
}

export interface Store {
  readonly kind: 'mongo' | 'sqlite';
  /** Creates indexes; run once at start. */
  init(): Promise<void>;
  close(): Promise<void>;
  teams: TeamStore;
  agents: AgentStore;
  kpis: KpiStore;
  contacts: ContactStore;
  enablement: EnablementStore;
  tips: TipStore;
  deliveries: DeliveryStore;
  leases: LeaseStore;
  settings: SettingsStore;
}
