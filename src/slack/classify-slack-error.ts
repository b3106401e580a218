/**
 * The one decoder of what a Slack call threw (SLACK-NOTES.md, "Errors worth handling";
 * "Calls to Slack"). It sorts any error into what to do next — wait and retry
 * (`rate_limited`: a 429 or `ratelimited`), back off and retry (`transient`: 5xx, a
 * dropped connection, Slack's own `internal_error`/`fatal_error`/…), retry briefly
 * (`file_not_ready`: an image block refused a just-uploaded file as "invalid slack
 * file"), or give up (`permanent`: retrying cannot fix a missing channel, scope or
 * token) — and names the catalogue sentence a person is shown (`messageKey`).
 *
 * @example
 * classifySlackError(platformError('not_in_channel'))
 * // { kind: 'permanent', code: 'not_in_channel', retryAfterMs: null,
 * //   messageKey: 'error.not_in_channel', detail: 'not_in_channel' }
 */
import { ErrorCode } from '@slack/web-api';
import { SlackDeliveryError, type SlackFailure } from '../errors.ts';
import type { MessageKey } from '../messages/t.ts';

/** Slack platform errors that mean "try again later" rather than "this cannot work". */
const TRANSIENT = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

/** The sentence each documented error gets; anything else gets `error.generic`. */
const MESSAGE_KEYS: Readonly<Record<string, MessageKey>> = {
  not_in_channel: 'error.not_in_channel',
  channel_not_found: 'error.channel_not_found',
  // "can't find that channel (or can't message that person)" covers a missing user too.
  user_not_found: 'error.channel_not_found',
  users_not_found: 'error.channel_not_found',
  is_archived: 'error.is_archived',
  account_inactive: 'error.account_inactive',
  user_disabled: 'error.account_inactive',
  invalid_auth: 'error.invalid_auth',
  not_authed: 'error.invalid_auth',
  token_revoked: 'error.invalid_auth',
  token_expired: 'error.invalid_auth',
  missing_scope: 'error.missing_scope',
  ratelimited: 'error.ratelimited',
  invalid_blocks: 'error.invalid_blocks',
  invalid_blocks_format: 'error.invalid_blocks',
  msg_blocks_too_long: 'error.invalid_blocks',
  msg_too_long: 'error.invalid_blocks',
  no_text: 'error.invalid_blocks',
  invalid_metadata_format: 'error.invalid_blocks',
};

const messageKeyOf = (code: string): MessageKey => MESSAGE_KEYS[code] ?? 'error.generic';

type Thrown = {
  code?: unknown;
  data?: unknown;
  retryAfter?: unknown;
  statusCode?: unknown;
  headers?: unknown;
  message?: unknown;
};

/** Builds a failure; `detail` defaults to the code. */
export function slackFailure(
  kind: SlackFailure['kind'],
  code: string,
  extra: Partial<Pick<SlackFailure, 'retryAfterMs' | 'detail' | 'needed' | 'messageKey'>> = {},
): SlackFailure {
  return {
    kind,
    code,
    retryAfterMs: extra.retryAfterMs ?? null,
    messageKey: extra.messageKey ?? messageKeyOf(code),
    detail: extra.detail ?? code,
    ...(extra.needed !== undefined ? { needed: extra.needed } : {}),
  };
}

/** Seconds from a Retry-After value (header or SDK field) as ms; 1 s when absent or unreadable. */
function retryAfterMs(value: unknown): number {
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000;
}

function mentionsInvalidSlackFile(data: Record<string, unknown>): boolean {
  const metadata = data.response_metadata as { messages?: unknown } | undefined;
  const lines = [
    ...(Array.isArray(data.errors) ? data.errors : []),
    ...(Array.isArray(metadata?.messages) ? metadata.messages : []),
  ];
  return lines.some((line) => typeof line === 'string' && /invalid slack file/i.test(line));
}

function platformFailure(data: Record<string, unknown>): SlackFailure {
  const code = typeof data.error === 'string' && data.error ? data.error : 'unknown_error';
  if (code === 'ratelimited') return slackFailure('rate_limited', code, { retryAfterMs: 1000 });
  if (TRANSIENT.has(code)) return slackFailure('transient', code);
  if (code === 'invalid_blocks' && mentionsInvalidSlackFile(data)) {
    return slackFailure('file_not_ready', code, { detail: 'invalid_blocks: invalid slack file' });
  }
  if (code === 'missing_scope' && data.needed) {
    const needed = String(data.needed);
    return slackFailure('permanent', code, {
      needed,
      detail: `missing_scope (needed: ${needed}; provided: ${String(data.provided ?? '')})`,
    });
  }
  const messages = (data.response_metadata as { messages?: unknown[] } | undefined)?.messages;
  if (code.startsWith('invalid_blocks') && Array.isArray(messages) && messages.length) {
    return slackFailure('permanent', code, {
      detail: `${code}: ${messages.slice(0, 3).join('; ')}`,
    });
  }
  return slackFailure('permanent', code);
}

/**
 * @param error anything a Web API call (or the engine's own upload step) threw.
 * @returns how to treat it, or null when it did not come from Slack (a bug or a store
 *   failure, which must propagate rather than be recorded as a Slack error).
 */
export function classifySlackError(error: unknown): SlackFailure | null {
  if (error instanceof SlackDeliveryError) return error.failure;
  if (typeof error !== 'object' || error === null) return null;
  const e = error as Thrown;
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return slackFailure('rate_limited', 'ratelimited', {
        retryAfterMs: retryAfterMs(e.retryAfter),
      });
    case ErrorCode.RequestError:
      return slackFailure('transient', 'network', { detail: `network: ${String(e.message)}` });
    case ErrorCode.HTTPError: {
      const status = Number(e.statusCode);
      if (status === 429) {
        const headers = (e.headers ?? {}) as Record<string, unknown>;
        return slackFailure('rate_limited', 'ratelimited', {
          retryAfterMs: retryAfterMs(headers['retry-after']),
        });
      }
      return slackFailure(status >= 500 ? 'transient' : 'permanent', `http_${status}`);
    }
    case ErrorCode.PlatformError:
      return platformFailure((e.data ?? {}) as Record<string, unknown>);
    default:
      return null;
  }
}
