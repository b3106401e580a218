/**
 * Sorts what a Web API call threw into what the engine does next (SLACK-NOTES.md,
 * "Errors worth handling"): wait and retry (429), back off and retry (5xx, network,
 * Slack's own transient errors), retry briefly (a just-uploaded file not yet usable in an
 * image block), or give up and record it (everything else — retrying cannot fix a
 * missing channel or scope).
 */
import { ErrorCode } from '@slack/web-api';

export type SlackFailure =
  | { kind: 'ratelimited'; retryAfterMs: number }
  | { kind: 'transient'; error: string }
  | { kind: 'file_not_ready'; error: string }
  | { kind: 'permanent'; error: string };

/** Slack platform errors that mean "try again later" rather than "this cannot work". */
const TRANSIENT_PLATFORM_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

/** Failure the engine raises itself (the upload URL step), shaped like the SDK's. */
export class DeliveryStepError extends Error {
  constructor(
    readonly failure: SlackFailure,
    message: string,
  ) {
    super(message);
  }
}

type Coded = { code?: unknown; data?: unknown; retryAfter?: unknown; statusCode?: unknown };

function mentionsInvalidSlackFile(data: Record<string, unknown>): boolean {
  const lines = [
    ...(Array.isArray(data.errors) ? data.errors : []),
    ...(Array.isArray((data.response_metadata as { messages?: unknown })?.messages)
      ? ((data.response_metadata as { messages: unknown[] }).messages ?? [])
      : []),
  ];
  return lines.some((line) => typeof line === 'string' && /invalid slack file/i.test(line));
}

/**
 * @returns how to treat `error`, or null when it did not come from Slack (a bug or a
 * store failure, which must propagate rather than be recorded as a Slack error).
 */
export function classifySlackError(error: unknown): SlackFailure | null {
  if (error instanceof DeliveryStepError) return error.failure;
  const e = (error ?? {}) as Coded;
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return { kind: 'ratelimited', retryAfterMs: Number(e.retryAfter ?? 1) * 1000 };
    case ErrorCode.RequestError:
      return { kind: 'transient', error: `network: ${(error as Error).message}` };
    case ErrorCode.HTTPError: {
      const status = Number(e.statusCode);
      return status >= 500
        ? { kind: 'transient', error: `http_${status}` }
        : { kind: 'permanent', error: `http_${status}` };
    }
    case ErrorCode.PlatformError: {
      const data = (e.data ?? {}) as Record<string, unknown>;
      const code = String(data.error ?? 'unknown_error');
      if (code === 'ratelimited') return { kind: 'ratelimited', retryAfterMs: 1000 };
      if (TRANSIENT_PLATFORM_ERRORS.has(code)) return { kind: 'transient', error: code };
      if (code === 'invalid_blocks' && mentionsInvalidSlackFile(data)) {
        return { kind: 'file_not_ready', error: 'invalid_blocks: invalid slack file' };
      }
      return { kind: 'permanent', error: describePlatformError(code, data) };
    }
    default:
      return null;
  }
}

/** The error code plus the detail a person needs to fix it (scope needed, block problem). */
function describePlatformError(code: string, data: Record<string, unknown>): string {
  if (code === 'missing_scope' && data.needed) {
    return `missing_scope (needed: ${String(data.needed)}; provided: ${String(data.provided ?? '')})`;
  }
  const messages = (data.response_metadata as { messages?: unknown[] } | undefined)?.messages;
  if (code.startsWith('invalid_blocks') && Array.isArray(messages) && messages.length) {
    return `${code}: ${messages.slice(0, 3).join('; ')}`;
  }
  return code;
}
