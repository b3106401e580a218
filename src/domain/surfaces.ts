/** Records behind the Slack surfaces: tips, deliveries, per-person settings. */
import type { Metric } from './metrics.ts';

/** A tip a top agent shared through the tip modal. Reused in nudges and DMs only with consent. */
export interface Tip {
  id: string;
  agent_id: string;
  team_id: string;
  metric: Metric;
  /** Up to 500 characters. */
  text: string;
  /** The author agreed to be named when the tip is shown to others. */
  consent_named: boolean;
  created_at: string;
  helpful_count: number;
}

export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'held';

/**
 * One intended message in the delivery ledger, keyed by (job, period, target).
 * A job re-run for the same period finds the key and posts nothing new.
 */
export interface Delivery {
  key: string;
  job: string;
  period: string;
  target: string;
  status: DeliveryStatus;
  attempts: number;
  channel?: string;
  ts?: string;
  error?: string;
  /** A held DM goes out at or after this instant (ISO). */
  not_before?: string;
  /**
   * While a process works on this record (from its claim or take-over until the post is
   * recorded), no other process may take it over before this instant (ISO).
   */
  claimed_until?: string;
  created_at: string;
  updated_at: string;
}

/** Per-person settings: snoozes and preferences. Keyed by Slack user id. */
export interface Settings {
  slack_user_id: string;
  /** Coaching DMs are skipped until this instant (ISO). */
  snoozed_until?: string;
  /** Slack time zone, cached from users.info. */
  tz?: string;
  updated_at: string;
}

export function deliveryKey(job: string, period: string, target: string): string {
  return `${job}|${period}|${target}`;
}
