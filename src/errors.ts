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
  ForbiddenError = 'teamhealth_forbidden_error',
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

/**
 * Another process is running the same job (it holds the job's run lease). The message
 * names the job, the zone, the holder and since when, for the log and the CLI.
 */
export class LeaseHeldError extends TeamhealthError {
  readonly code = ErrorCode.LeaseHeldError;
  constructor(held: { job: string; zone: string | null; holder?: string; since?: Date }) {
    const since = held.since ? ` since ${held.since.toISOString()}` : '';
    const holder = held.holder ?? 'another process';
    super(`${held.job} (${held.zone ?? 'organisation'}) is already running in ${holder}${since}`);
  }
}

export class NotFoundError extends TeamhealthError {
  readonly code = ErrorCode.NotFoundError;
}

/** The viewer may not see the requested scope. */
export class ForbiddenError extends TeamhealthError {
  readonly code = ErrorCode.ForbiddenError;
}

/** A command was called wrongly; the message carries the usage. */
export class UsageError extends TeamhealthError {
  readonly code = ErrorCode.UsageError;
}

export class SlackDeliveryError extends TeamhealthError {
  readonly code = ErrorCode.SlackDeliveryError;
}

export class UnknownError extends TeamhealthError {
  readonly code = ErrorCode.UnknownError;
}

/** Wraps anything thrown into a TeamhealthError, keeping the cause. */
export function asTeamhealthError(error: unknown): TeamhealthError {
  if (error instanceof TeamhealthError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new UnknownError(message, error);
}
