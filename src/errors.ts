import type { MessageKey } from './messages/t.ts';

/**
 * The app's error codes, one small class per code carrying `code` and the `original`
 * cause (after bolt-js src/errors.ts). Surfaces turn these into user messages in one
 * global handler each.
 */

export enum ErrorCode {
  ConfigError = 'teamhealth_config_error',
  InputError = 'teamhealth_input_error',
  StoreError = 'teamhealth_store_error',
  LeaseHeldError = 'teamhealth_lease_held_error',
  NotFoundError = 'teamhealth_not_found_error',
  UsageError = 'teamhealth_usage_error',
  SlackDeliveryError = 'teamhealth_slack_delivery_error',
  UnknownError = 'teamhealth_unknown_error',
}

export abstract class TeamhealthError extends Error {
  abstract readonly code: ErrorCode;
  readonly original?: unknown;
  constructor(message: string, original?: unknown) {
    super(message);
    this.name = new.target.name;
    this.original = original;
  }
}

/** A setting is missing or malformed; the message names every one. */
export class ConfigError extends TeamhealthError {
  readonly code = ErrorCode.ConfigError;
}

/** A file could not be read or parsed as a whole (row errors are reported, not thrown). */
export class InputError extends TeamhealthError {
  readonly code = ErrorCode.InputError;
}

export class StoreError extends TeamhealthError {
  readonly code = ErrorCode.StoreError;
}

/** Another process is running the same job (it holds the job's run lease); the message names it. */
export class LeaseHeldError extends TeamhealthError {
  readonly code = ErrorCode.LeaseHeldError;
}

export class NotFoundError extends TeamhealthError {
  readonly code = ErrorCode.NotFoundError;
}

/** A command was called wrongly; the message carries the usage. */
export class UsageError extends TeamhealthError {
  readonly code = ErrorCode.UsageError;
}

/**
 * What a failed Slack call means for the caller (src/slack/classify-slack-error.ts):
 * retry after a pause (`rate_limited`), back off and retry (`transient`), retry briefly
 * (`file_not_ready`: a just-uploaded file not yet usable), or give up (`permanent`).
 */
export interface SlackFailure {
  kind: 'permanent' | 'transient' | 'rate_limited' | 'file_not_ready';
  /** Slack's error code (`not_in_channel`), `http_503`, `network`, or one of ours. */
  code: string;
  /** For `rate_limited`: how long Slack asked to wait; otherwise null. */
  retryAfterMs: number | null;
  /** The catalogue sentence for the person who asked (src/messages). */
  messageKey: MessageKey;
  /** The code plus what a person needs to fix it; goes to the ledger and the log. */
  detail: string;
  /** For `missing_scope`: the scope Slack asked for. */
  needed?: string;
}

/** A Slack call failed in a way `failure` describes; the engine records it (`detail`). */
export class SlackDeliveryError extends TeamhealthError {
  readonly code = ErrorCode.SlackDeliveryError;
  constructor(
    readonly failure: SlackFailure,
    original?: unknown,
  ) {
    super(failure.detail, original);
  }
}

export class UnknownError extends TeamhealthError {
  readonly code = ErrorCode.UnknownError;
}

/**
 * Malformed CSV, at the line where the broken record starts (the CSV tokenizer throws it;
 * the CSV source turns it into an InputError naming the file).
 */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

/** Wraps anything thrown into a TeamhealthError, keeping the cause. */
export function asTeamhealthError(error: unknown): TeamhealthError {
  if (error instanceof TeamhealthError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new UnknownError(message, error);
}
