/** The shapes the delivery engine and the dry-run sink exchange with jobs and listeners. */
import type { KnownBlock } from '@slack/types';
import type { SlackFailure } from '../../errors.ts';

/** A chart or other file to upload privately and show in the message's image blocks. */
export interface OutgoingFile {
  filename: string;
  bytes: Buffer;
  alt_text: string;
  title: string;
}

/** One intended message. (job, period, target) is its ledger key: it is delivered once. */
export interface OutgoingMessage {
  job: string;
  /** The period the message is about, e.g. '2026-11-23' or '2026-W48'. */
  period: string;
  /** A channel id for `post`, a user id for `dm`. */
  target: string;
  kind: 'post' | 'dm';
  /** The notification and screen-reader fallback; always required. */
  text: string;
  blocks: KnownBlock[];
  files?: OutgoingFile[];
  /** Do not send before this instant (the run holds it and a later run sends it). */
  notBefore?: Date;
  /** The recipient's IANA time zone for `dm`, when the caller already knows it. */
  tz?: string;
}

/**
 * `in_progress`: another process holds a running claim on the message (ledger.ts); this
 * run posted nothing and recorded nothing, and the other process reports the outcome.
 */
export type OutcomeStatus = 'sent' | 'skipped' | 'reconciled' | 'failed' | 'held' | 'in_progress';

export interface DeliveryOutcome {
  key: string;
  target: string;
  status: OutcomeStatus;
  channel?: string;
  ts?: string;
  error?: string;
  /** For `failed`: what went wrong, classified (the sentence to show comes from it). */
  failure?: SlackFailure;
  /** For `held`: when it may go out (ISO). */
  notBefore?: string;
}

export interface RunSummary {
  sent: number;
  /** Already in the ledger as sent or failed: nothing posted. */
  skipped: number;
  /** Found already posted (a crashed run) and marked sent: nothing posted. */
  reconciled: number;
  failed: { target: string; key: string; error: string }[];
  held: number;
  /** Being delivered by another process at the same time: nothing posted by this run. */
  inProgress: number;
}

/** Time as the engine sees it; tests and benchmarks may inject their own. */
export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/** Sums outcomes into a run summary. */
export function summarize(outcomes: DeliveryOutcome[]): RunSummary {
  const summary: RunSummary = {
    sent: 0,
    skipped: 0,
    reconciled: 0,
    failed: [],
    held: 0,
    inProgress: 0,
  };
  for (const o of outcomes) {
    if (o.status === 'failed')
      summary.failed.push({ target: o.target, key: o.key, error: o.error ?? 'unknown' });
    else if (o.status === 'held') summary.held += 1;
    else if (o.status === 'in_progress') summary.inProgress += 1;
    else summary[o.status] += 1;
  }
  return summary;
}
